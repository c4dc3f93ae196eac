package lexicons

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// German separable verbs ("abstürzen": "Die App stürzt ständig ab") are
// entries of Kind Separable: the infinitive with its particle, a weight,
// and the irregular forms of the verb without its particle. The German
// Snowball stemmer cannot bring their forms together (abstürzen → absturz,
// abstürzt → absturzt, abgestürzt → abgesturzt), so IndexSeparable derives
// the forms of every verb instead and SeparableForm and SeparableVerb look
// them up exactly.

// sepForm is one form of a separable verb, joined with its particle.
type sepForm struct {
	e        Entry
	particle string
	// finite: a finite form, which a clause can split ("stürzt … ab"); the
	// infinitive, participle and zu-infinitive are never split.
	finite bool
}

// finiteEndings are the endings of regular present and past forms added to
// a verb's stem ("stürz" + "t", "leit" + "ete").
var finiteEndings = []string{"e", "st", "t", "et", "est", "en", "n", "te", "test", "ten", "tet", "ete", "etest", "eten", "etet"}

// IndexSeparable derives the forms of the separable verbs (lx.Separable)
// with the particles of the list separable_particle: for "abstürzen" the
// regular finite forms (abstürze, abstürzt, abstürzte, ...), the
// participles (abgestürzt, abgestürzen), the zu-infinitive (abzustürzen)
// and the entry's irregular forms joined with the particle (ausfiel,
// ausgefallen). Where two verbs give one form, the verb whose infinitive it
// is wins, then the first verb in alphabetical order. A verb that starts
// with no listed particle (or leaves fewer than three letters after it) is
// an error naming its line. Load calls it; call it again after changing
// Separable or the particle list of a Lexicon by hand.
func (lx *Lexicon) IndexSeparable() error {
	lx.sepForms = nil
	if len(lx.Separable) == 0 {
		return nil
	}
	particles := lx.List(ListSeparableParticle)
	verbs := sortedKeys(lx.Separable)
	forms := make(map[string]sepForm, len(verbs)*24)
	for _, v := range verbs {
		forms[v] = sepForm{e: lx.Separable[v], particle: particleOf(v, particles)}
	}
	for _, v := range verbs {
		e := lx.Separable[v]
		p := forms[v].particle
		if p == "" {
			return fmt.Errorf("%s: separable verb %q does not start with a particle of the list %s (or leaves fewer than 3 letters after it)",
				e.Source, v, ListSeparableParticle)
		}
		add := func(form string, finite bool) {
			if _, ok := forms[form]; !ok {
				forms[form] = sepForm{e: e, particle: p, finite: finite}
			}
		}
		base := strings.TrimPrefix(v, p)
		stem := verbStem(base)
		add(p+base, true) // "wir stürzen ab"
		for _, end := range finiteEndings {
			add(p+stem+end, true)
		}
		for f := range strings.SplitSeq(e.Forms, ",") {
			if f == "" {
				continue
			}
			// An irregular form is finite unless it is a participle.
			add(p+f, !strings.HasPrefix(f, "ge"))
		}
		add(p+"ge"+stem+"t", false)
		add(p+"ge"+stem+"et", false)
		add(p+"ge"+base, false)
		add(p+"zu"+base, false)
	}
	lx.sepForms = forms
	return nil
}

// verbStem cuts the infinitive ending: "stürzen" → "stürz", "wimmeln" →
// "wimmel", "tun" → "tu".
func verbStem(inf string) string {
	if s, ok := strings.CutSuffix(inf, "en"); ok && s != "" {
		return s
	}
	return strings.TrimSuffix(inf, "n")
}

// particleOf returns the longest particle of the list that verb starts
// with, leaving at least three letters ("zurückrufen" → "zurück", not
// "zu"); "" if none.
func particleOf(verb string, particles map[string]Entry) string {
	best := ""
	for p := range particles {
		if len(p) > len(best) && strings.HasPrefix(verb, p) && utf8.RuneCountInString(verb[len(p):]) >= 3 {
			best = p
		}
	}
	return best
}

// SeparableForm returns the separable verb that word is a form of, written
// as one word: "abgestürzt", "abstürzt" ("weil sie abstürzt"),
// "anzurufen", "ausfiel". It finds only verbs of Kind Separable.
func (lx *Lexicon) SeparableForm(word string) (Entry, bool) {
	f, ok := lx.sepForms[word]
	return f.e, ok
}

// SeparableVerb returns the separable verb that a finite form and the
// particle that ends its clause form together ("stürzt" … "ab" →
// abstürzen, "kam" … "an" → ankommen). finite and particle are lower case.
// Polarity words are not consulted: the German Polarity Lexicon's verbs
// with a particle ("einräumen", "anmachen", "auslachen") met too many
// clauses whose verb they were not; a verb that should join its particle
// goes into separable.tsv.
func (lx *Lexicon) SeparableVerb(particle, finite string) (Entry, bool) {
	f, ok := lx.sepForms[particle+finite]
	if !ok || !f.finite || f.particle != particle {
		return Entry{}, false
	}
	return f.e, true
}
