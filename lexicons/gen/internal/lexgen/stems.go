package lexgen

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// stemRules decides which German Polarity Lexicon words become stem
// entries: adjectives and nouns whose German Snowball stem only cuts an
// inflectional ending, is at least four letters long, is not blocked by a
// hand-written entry and is not shared by words of opposite sign. Of the
// words with one stem, the shortest becomes the stem entry and the others
// with the same weight are dropped; the words that stay exact get their
// regular inflections (addInflections).
type stemRules struct {
	g *gen
	// blocked maps a stem no source entry may take to the hand entry
	// that blocks it.
	blocked map[string]string
	// signs holds, per stem, a bit for each sign of the words with that
	// stem (1 negative, 2 zero, 4 positive).
	signs map[string]int
}

// blockHandStems blocks the stems of the hand-written polarity entries.
func (g *gen) blockHandStems(blocked map[string]string) {
	for _, e := range g.hand["de/polarity.tsv"] {
		k := lexicons.StemWord("de", e.Term)
		if _, ok := blocked[k]; !ok {
			blocked[k] = "lexicons/src/de/polarity.tsv: " + e.Term
		}
	}
}

func signsByStem(lists ...[]entry) map[string]int {
	signs := map[string]int{}
	for _, l := range lists {
		for _, e := range l {
			signs[lexicons.StemWord("de", e.term)] |= 1 << (sign(e.weight) + 1)
		}
	}
	return signs
}

// eligible returns the stem of e and whether e may become a stem entry.
func (r *stemRules) eligible(e entry) (string, bool) {
	k := lexicons.StemWord("de", e.term)
	f := foldUmlauts(e.term)
	switch {
	case e.pos != "JJ" && e.pos != "NN":
		return k, false
	case !strings.HasPrefix(f, k) || !inflectional[f[len(k):]]:
		return k, false // a derivational suffix was cut: "endlichkeit" → endlich
	case f != e.term && utf8.RuneCountInString(f) <= 6:
		return k, false // "schön" → schon, "händel" → handel, "dröge" → Drogen
	case utf8.RuneCountInString(k) < 4:
		return k, false
	}
	if why, ok := r.blocked[k]; ok {
		r.g.logf("gpl: stem %q of %q blocked by %s", k, e.term, why)
		return k, false
	}
	if s := r.signs[k]; s != 1 && s != 4 {
		r.g.logf("gpl: stem %q shared with opposite signs: %q exact", k, e.term)
		return k, false
	}
	return k, true
}

// mark sets stem on the shortest eligible word of every stem and returns
// the indexes of the other eligible words with its weight, which the stem
// entry covers, and the number of stem entries.
func (r *stemRules) mark(es []entry) (drop map[int]bool, nStem int) {
	byStem := map[string][]int{}
	for i, e := range es {
		if k, ok := r.eligible(e); ok {
			byStem[k] = append(byStem[k], i)
		}
	}
	drop = map[int]bool{}
	for _, idx := range byStem {
		sort.Slice(idx, func(a, b int) bool {
			ta, tb := es[idx[a]].term, es[idx[b]].term
			if len(ta) != len(tb) {
				return len(ta) < len(tb)
			}
			return ta < tb
		})
		rep := idx[0]
		es[rep].stem = true
		nStem++
		for _, i := range idx[1:] {
			if es[i].weight == es[rep].weight {
				drop[i] = true
			}
		}
	}
	return drop, nStem
}

// addInflections returns the words of gpl not in drop and, for the exact
// adjectives and nouns among them, their regular inflections as exact
// entries that no source or hand entry has: safer than a stem that would
// also meet unrelated words.
func (g *gen) addInflections(gpl []entry, drop map[int]bool, afinn []entry) (out, forms []entry) {
	have := map[string]bool{}
	for _, l := range [][]entry{gpl, afinn} {
		for _, e := range l {
			have[e.term] = true
		}
	}
	for _, e := range g.hand["de/polarity.tsv"] {
		have[e.Term] = true
	}
	for i, e := range gpl {
		if drop[i] {
			continue
		}
		out = append(out, e)
		if e.stem {
			continue
		}
		for _, f := range inflections(e.term, e.pos) {
			if !have[f] {
				have[f] = true
				forms = append(forms, entry{term: f, weight: e.weight})
			}
		}
	}
	return out, forms
}

// inflectional holds the endings the German Snowball stemmer may cut from a
// word without changing which word it is (case, number, comparison).
var inflectional = map[string]bool{"": true, "e": true, "em": true, "en": true, "er": true, "es": true,
	"ern": true, "n": true, "s": true, "st": true, "est": true}

// foldUmlauts does what the German Snowball stemmer's prelude does.
func foldUmlauts(s string) string {
	return strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss").Replace(s)
}

// nounPlurals maps regular noun suffixes to their plural endings.
var nounPlurals = [][2]string{
	{"ung", "ungen"}, {"heit", "heiten"}, {"keit", "keiten"}, {"schaft", "schaften"},
	{"ion", "ionen"}, {"tät", "täten"}, {"nis", "nisse"}, {"ismus", "ismen"}, {"ei", "eien"},
}

// inflections returns the regular inflected forms of a German adjective
// (schlecht → schlechte, schlechten, schlechter, schlechtes, schlechtem) or
// the regular plural of a noun (Beleidigung → beleidigungen).
func inflections(term, pos string) []string {
	switch pos {
	case "JJ":
		if strings.HasSuffix(term, "e") {
			return []string{term + "m", term + "n", term + "r", term + "s"}
		}
		return []string{term + "e", term + "em", term + "en", term + "er", term + "es"}
	case "NN":
		for _, p := range nounPlurals {
			if strings.HasSuffix(term, p[0]) {
				return []string{strings.TrimSuffix(term, p[0]) + p[1]}
			}
		}
	}
	return nil
}

// --- Emoji

// emojiBlocks are the Unicode blocks of the Emoji Sentiment Ranking that
// hold emoji; the others hold box drawing, arrows, shapes and replacement
