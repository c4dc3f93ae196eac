package lexgen

import (
	"log"

	"github.com/stimmung/stimmung/lexicons"
)

// handTerms returns the set of terms of a hand file, keyed as the loader
// keys them within a kind (EmojiKey for emoji).
func (g *gen) handTerms(path string) map[string]lexicons.Entry {
	m := map[string]lexicons.Entry{}
	for _, e := range g.hand[path] {
		k := e.Term
		if e.Kind == lexicons.Emoji {
			k = lexicons.EmojiKey(e.Term)
		}
		m[k] = e
	}
	return m
}

// dropHand removes source entries that a hand file replaces: the same term,
// or, for a hand stem entry, the same stem (unless of the opposite sign,
// which stays as an exact entry and is logged: `lexicon check` shows it).
func (g *gen) dropHand(lang, path string, es []entry) []entry {
	terms := g.handTerms(path)
	stems := map[string]lexicons.Entry{}
	for _, e := range g.hand[path] {
		if e.Match == lexicons.Stem {
			stems[lexicons.StemWord(lang, e.Term)] = e
		}
	}
	var out []entry
	for _, e := range es {
		if h, ok := terms[e.term]; ok {
			if h.Weight != e.weight {
				g.logf("%s: hand %q %g replaces %g", path, e.term, h.Weight, e.weight)
			}
			continue
		}
		if len(stems) > 0 {
			if h, ok := stems[lexicons.StemWord(lang, e.term)]; ok {
				if sign(h.Weight) == -sign(e.weight) && e.weight != 0 {
					log.Printf("%s: %q (%g) shares the stem of hand entry %q (%g) with the opposite sign: kept exact", path, e.term, e.weight, h.Term, h.Weight)
					e.stem = false
					out = append(out, e)
					continue
				}
				g.logf("%s: hand stem %q replaces %q %g", path, h.Term, e.term, e.weight)
				continue
			}
		}
		out = append(out, e)
	}
	return out
}
