package lexicons

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Lookup returns every entry that word can meet, for `stimmung lexicon
// lookup WORD` and explanations: the exact polarity entry, the stem entry
// of stem, the phrases that start with word (longest first), the negator,
// modifier and contrast entries of word and the multi-word ones that start
// with it, the emoji or emoticon entry (see EmojiEntry), the separable verb
// the word is a form of ("abgestürzt"), the compound modifier it is
// ("traum"), and the word lists that hold it (by list name). word may be a
// phrase ("waste of money"): then the entries with exactly that term.
//
// word is lower-cased; stem "" means StemWord(lx.Lang, word). Entries come
// in that order; each carries its Kind and Source.
func (lx *Lexicon) Lookup(word string, stem string) []Entry {
	word = strings.TrimSpace(norm.NFC.String(word))
	if word == "" {
		return nil
	}
	lower := strings.ToLower(strings.Join(strings.Fields(word), " "))
	var out []Entry
	if strings.Contains(lower, " ") {
		first, _, _ := strings.Cut(lower, " ")
		for _, p := range lx.Phrases[first] {
			if p.Term == lower {
				out = append(out, p)
			}
		}
		for _, m := range []map[string]Entry{lx.Negators, lx.Modifiers, lx.Contrast} {
			if e, ok := m[lower]; ok {
				out = append(out, e)
			}
		}
		return out
	}
	if stem == "" {
		stem = StemWord(lx.Lang, lower)
	}
	if e, ok := lx.Words[lower]; ok {
		out = append(out, e)
	}
	if e, ok := lx.Stems[stem]; ok {
		out = append(out, e)
	}
	out = append(out, lx.Phrases[lower]...)
	for _, m := range []map[string]Entry{lx.Negators, lx.Modifiers, lx.Contrast} {
		if e, ok := m[lower]; ok {
			out = append(out, e)
		}
		prefix := lower + " "
		for _, k := range sortedKeys(m) {
			if strings.HasPrefix(k, prefix) {
				out = append(out, m[k])
			}
		}
	}
	if e, ok := lx.EmojiEntry(word); ok {
		out = append(out, e)
	}
	if e, ok := lx.SeparableForm(lower); ok {
		out = append(out, e)
	}
	if e, ok := lx.CompoundModifiers[lower]; ok {
		out = append(out, e)
	}
	for _, name := range lx.ListNames() {
		if e, ok := lx.Lists[name][lower]; ok {
			out = append(out, e)
		}
	}
	return out
}
