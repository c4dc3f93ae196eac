package text

import (
	"slices"
	"strings"
	"testing"
)

// The four uses of the compound analyser, as they call it; keep in step
// with pipeline/sentiment/lookup.go (lookupCompound, with the default
// compound_min_head), pipeline/index/compound.go (splitHeads),
// pipeline/discover/report.go (discoveryHeads, tagHeads) and
// pipeline/themes/match.go (headRules).
var (
	scoringUse   = CompoundOptions{MinHead: 5, Letters: true, Vowel: true, Hyphen: true}
	indexUse     = CompoundOptions{MinHead: 3, Vowel: true, NotAfterPrefix: true}
	discoveryUse = CompoundOptions{MinHead: 4}
	themesUse    = CompoundOptions{}
)

// compoundCases is what each use gets for the same words: the splits
// Heads offers ("first part|head", longest head first; the use then tries
// them against its dictionary) and whether the themes tagger takes form
// as the (possibly inflected) head of the word.
var compoundCases = []struct {
	word                      string
	scoring, index, discovery []string
	form                      string
	themes                    bool
}{
	{word: "zugverspätung",
		scoring:   []string{"zug|verspätung", "zugv|erspätung", "zugve|rspätung", "zugver|spätung", "zugvers|pätung", "zugversp|ätung"},
		index:     []string{"zug|verspätung", "zugv|erspätung", "zugve|rspätung", "zugver|spätung", "zugvers|pätung", "zugversp|ätung", "zugverspä|tung", "zugverspät|ung"},
		discovery: []string{"zug|verspätung", "zugv|erspätung", "zugve|rspätung", "zugver|spätung", "zugvers|pätung", "zugversp|ätung", "zugverspä|tung"},
		form:      "verspätung", themes: true},
	{word: "zugverspätungen", form: "verspätung", themes: true,
		scoring:   []string{"zug|verspätungen", "zugv|erspätungen", "zugve|rspätungen", "zugver|spätungen", "zugvers|pätungen", "zugversp|ätungen", "zugverspä|tungen", "zugverspät|ungen"},
		index:     []string{"zug|verspätungen", "zugv|erspätungen", "zugve|rspätungen", "zugver|spätungen", "zugvers|pätungen", "zugversp|ätungen", "zugverspä|tungen", "zugverspät|ungen", "zugverspätu|ngen", "zugverspätun|gen"},
		discovery: []string{"zug|verspätungen", "zugv|erspätungen", "zugve|rspätungen", "zugver|spätungen", "zugvers|pätungen", "zugversp|ätungen", "zugverspä|tungen", "zugverspät|ungen", "zugverspätu|ngen"}},
	// Two letters are no first part: "Anzug" is no "Zug" for any use.
	{word: "anzug", form: "zug", themes: false},
	// A verbal prefix is a first part only where a use allows it: the
	// tagger matches "zug" in "Verzug", the index does not split it.
	{word: "verzug", form: "zug", themes: true},
	{word: "umsatz", form: "satz", themes: false},
	{word: "umsatz", form: "atz", themes: true},
	// A first part has a vowel where a use asks for one.
	{word: "schrauben", form: "rauben", themes: true,
		index:     []string{"schra|uben", "schrau|ben"},
		discovery: []string{"sch|rauben", "schr|auben", "schra|uben"}},
	// Scoring drops a hyphen before a head and counts letters only.
	{word: "horror-trip", form: "trip", themes: true,
		scoring:   []string{"hor|ror-trip", "horr|or-trip", "horro|r-trip"},
		index:     []string{"hor|ror-trip", "horr|or-trip", "horro|r-trip", "horror|-trip", "horror-|trip", "horror-t|rip"},
		discovery: []string{"hor|ror-trip", "horr|or-trip", "horro|r-trip", "horror|-trip", "horror-|trip"}},
	{word: "ab-servicekraft", form: "servicekraft", themes: true,
		scoring:   []string{"ab-s|ervicekraft", "ab-se|rvicekraft", "ab-ser|vicekraft", "ab-serv|icekraft", "ab-servi|cekraft", "ab-servic|ekraft", "ab-service|kraft"},
		index:     []string{"ab-|servicekraft", "ab-s|ervicekraft", "ab-se|rvicekraft", "ab-ser|vicekraft", "ab-serv|icekraft", "ab-servi|cekraft", "ab-servic|ekraft", "ab-service|kraft", "ab-servicek|raft", "ab-servicekr|aft"},
		discovery: []string{"ab-|servicekraft", "ab-s|ervicekraft", "ab-se|rvicekraft", "ab-ser|vicekraft", "ab-serv|icekraft", "ab-servi|cekraft", "ab-servic|ekraft", "ab-service|kraft", "ab-servicek|raft"}},
	{word: "kundenunfreundlich", form: "freundlich", themes: true,
		scoring:   []string{"kun|denunfreundlich", "kund|enunfreundlich", "kunde|nunfreundlich", "kunden|unfreundlich", "kundenu|nfreundlich", "kundenun|freundlich", "kundenunf|reundlich", "kundenunfr|eundlich", "kundenunfre|undlich", "kundenunfreu|ndlich", "kundenunfreun|dlich"},
		index:     []string{"kun|denunfreundlich", "kund|enunfreundlich", "kunde|nunfreundlich", "kunden|unfreundlich", "kundenu|nfreundlich", "kundenun|freundlich", "kundenunf|reundlich", "kundenunfr|eundlich", "kundenunfre|undlich", "kundenunfreu|ndlich", "kundenunfreun|dlich", "kundenunfreund|lich", "kundenunfreundl|ich"},
		discovery: []string{"kun|denunfreundlich", "kund|enunfreundlich", "kunde|nunfreundlich", "kunden|unfreundlich", "kundenu|nfreundlich", "kundenun|freundlich", "kundenunf|reundlich", "kundenunfr|eundlich", "kundenunfre|undlich", "kundenunfreu|ndlich", "kundenunfreun|dlich", "kundenunfreund|lich"}},
	{word: "lieferzeiten", form: "zeit", themes: true,
		scoring:   []string{"lie|ferzeiten", "lief|erzeiten", "liefe|rzeiten", "liefer|zeiten", "lieferz|eiten"},
		index:     []string{"lie|ferzeiten", "lief|erzeiten", "liefe|rzeiten", "liefer|zeiten", "lieferz|eiten", "lieferze|iten", "lieferzei|ten"},
		discovery: []string{"lie|ferzeiten", "lief|erzeiten", "liefe|rzeiten", "liefer|zeiten", "lieferz|eiten", "lieferze|iten"}},
	// An ending the data file does not list is no inflection.
	{word: "lieferzeitung", form: "zeit", themes: false,
		scoring:   []string{"lie|ferzeitung", "lief|erzeitung", "liefe|rzeitung", "liefer|zeitung", "lieferz|eitung", "lieferze|itung"},
		index:     []string{"lie|ferzeitung", "lief|erzeitung", "liefe|rzeitung", "liefer|zeitung", "lieferz|eitung", "lieferze|itung", "lieferzei|tung", "lieferzeit|ung"},
		discovery: []string{"lie|ferzeitung", "lief|erzeitung", "liefe|rzeitung", "liefer|zeitung", "lieferz|eitung", "lieferze|itung", "lieferzei|tung"}},
}

func splits(o CompoundOptions, word string) []string {
	var out []string
	for h := o.Heads(word); h.Next(); {
		out = append(out, h.Modifier+"|"+h.Head)
	}
	return out
}

func TestCompoundHeads(t *testing.T) {
	for _, tc := range compoundCases {
		for _, u := range []struct {
			name string
			o    CompoundOptions
			want []string
		}{{"scoring", scoringUse, tc.scoring}, {"index", indexUse, tc.index}, {"discovery", discoveryUse, tc.discovery}} {
			if got := splits(u.o, tc.word); !slices.Equal(got, u.want) {
				t.Errorf("%s: %s: %q, want %q", tc.word, u.name, got, u.want)
			}
		}
		if got := themesUse.IsInflectedHead(tc.word, tc.form); got != tc.themes {
			t.Errorf("%s: themes: head %q %v, want %v", tc.word, tc.form, got, tc.themes)
		}
	}
}

// IsHead and Heads are one test: every head Heads offers is one for
// IsHead (without Hyphen, which only Heads knows), and every other suffix
// of the word after an acceptable first part is not.
func TestCompoundIsHeadAgrees(t *testing.T) {
	uses := []CompoundOptions{indexUse, discoveryUse, themesUse, {MinHead: 5, Letters: true, Vowel: true}}
	for _, tc := range compoundCases {
		for _, o := range uses {
			offered := map[string]bool{}
			for h := o.Heads(tc.word); h.Next(); {
				offered[h.Head] = true
			}
			for k := range tc.word {
				head := tc.word[k:]
				// Heads stops at the first head too short; IsHead
				// answers each head alone, the same where Heads got to.
				if got := o.IsHead(tc.word, head); got != offered[head] {
					t.Errorf("%+v: IsHead(%q, %q) = %v, Heads offered it: %v", o, tc.word, head, got, offered[head])
				}
			}
		}
	}
}

func TestCompoundHeadsAllocs(t *testing.T) {
	o := scoringUse
	n := testing.AllocsPerRun(100, func() {
		for h := o.Heads("kundenservicemitarbeiterin"); h.Next(); {
			_ = h.Head
		}
		_ = themesUse.IsInflectedHead("zugverspätungen", "verspätung")
	})
	if n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}

func TestCompoundParts(t *testing.T) {
	known := map[string]bool{"lieferung": true, "kunde": true, "mitarbeiter": true, "bestellung": true, "service": true, "kind": true}
	for _, tc := range []struct{ w, part, modifier string }{
		{"lieferung", "lieferung", "lieferung"},
		{"lieferungen", "lieferung", "lieferung"},
		{"kunden", "kunde", "kunde"},
		{"mitarbeiterin", "mitarbeiter", "mitarbeiter"},
		{"mitarbeiterinnen", "mitarbeiter", "mitarbeiter"},
		{"kindern", "kind", "kind"},
		{"liefer", "", "lieferung"},                 // a dropped ending, for a first part only
		{"bestellungs", "bestellung", "bestellung"}, // "s" is also an inflection
		{"services", "service", "service"},
		{"xyz", "", ""},
	} {
		part, _ := PartBase(tc.w, 3, known)
		modifier, _ := ModifierBase(tc.w, 3, known)
		if part != tc.part || modifier != tc.modifier {
			t.Errorf("%s: PartBase %q, ModifierBase %q; want %q, %q", tc.w, part, modifier, tc.part, tc.modifier)
		}
	}
	// The base of a part keeps minBase characters.
	if b, ok := PartBase("kin", 3, map[string]bool{"ki": true}); ok {
		t.Errorf("PartBase(kin) = %q", b)
	}
	if got := TrimLinking("kundenservices"); got != "kundenservice" {
		t.Errorf("TrimLinking: %q", got)
	}
	for rest, want := range map[string]string{"-trip": "trip", "smangel": "mangel", "sup": "sup", "mangel": "mangel", "-s": "s"} {
		if got := StripLink(rest, 3); got != want {
			t.Errorf("StripLink(%q) = %q, want %q", rest, got, want)
		}
	}
}

func TestCompoundRules(t *testing.T) {
	d, err := loadCompoundRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"ver", "aus", "über", "ums"} {
		if !d.notModifiers[p] {
			t.Errorf("%q is not in not_modifiers", p)
		}
	}
	if got := strings.Join(d.partEndings, " "); got != "en n e s es er ern in innen" {
		t.Errorf("part endings %q", got)
	}
	if got := strings.Join(d.headEndings, " "); got != " en n e s es er" {
		t.Errorf("head endings %q", got)
	}
}
