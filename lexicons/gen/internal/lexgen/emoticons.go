package lexgen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// emoticons builds emoticons.tsv: VADER's emoticons (rated on −4..+4, used
// as rated), AFINN-emoticon-8 for the ones VADER lacks (×0.8), the hand file.
func (g *gen) emoticons(vader []entry) (*file, error) {
	vs := mergeCaseVariants(vader)
	afinn, err := g.readAfinnEmoticons()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for k := range g.handTerms("emoticons.tsv") {
		seen[k] = true
	}
	vs = pickUnseen(vs, seen)
	afinn = pickUnseen(afinn, seen)
	variants := typographicVariants(seen, vs, afinn)
	for _, s := range [][]entry{vs, afinn, variants} {
		sortEntries(s)
	}
	return &file{kind: lexicons.Emoji, header: emoticonsHeader, sections: []section{
		{title: "==== VADER lexicon emoticons (MIT), as rated on −4..+4; case variants merged ====", entries: vs},
		{title: "==== AFINN-emoticon-8 (Apache-2.0), emoticons missing from VADER, ×0.8 ====", entries: afinn},
		{title: "==== typographic-apostrophe variants (:’( for :'() ====", entries: variants},
	}}, nil
}

// mergeCaseVariants merges emoticons that VADER lists in several cases
// (":d", ":D"), since the lexicon folds ASCII case: it prefers the
// upper-case spelling and averages differing ratings.
func mergeCaseVariants(vader []entry) []entry {
	type group struct {
		terms []string
		sum   float64
	}
	groups := map[string]*group{}
	var keys []string
	for _, e := range vader {
		k := lexicons.EmojiKey(e.term)
		gr := groups[k]
		if gr == nil {
			gr = &group{}
			groups[k] = gr
			keys = append(keys, k)
		}
		gr.terms = append(gr.terms, e.term)
		gr.sum += e.weight
	}
	var vs []entry
	for _, k := range keys {
		gr := groups[k]
		t := gr.terms[0]
		for _, x := range gr.terms {
			if x != strings.ToLower(x) {
				t = x
			}
		}
		vs = append(vs, entry{term: t, weight: round1(gr.sum / float64(len(gr.terms)))})
	}
	return vs
}

// readAfinnEmoticons reads AFINN-emoticon-8 (×0.8) without the entries that
// are emoji.
func (g *gen) readAfinnEmoticons() ([]entry, error) {
	var afinn []entry
	err := g.lines("afinn/AFINN-emoticon-8.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		for _, r := range f[0] {
			if r >= utf8.RuneSelf {
				return nil // "♥" is an emoji: emoji.tsv
			}
		}
		afinn = append(afinn, entry{term: f[0], weight: round1(v * 0.8)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return afinn, nil
}

// pickUnseen returns the entries whose EmojiKey is not in seen yet and adds
// their keys to seen.
func pickUnseen(es []entry, seen map[string]bool) []entry {
	var out []entry
	for _, e := range es {
		k := lexicons.EmojiKey(e.term)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// typographicVariants returns ":’(" for ":'(" and so on, for emoticons with
// an ASCII apostrophe whose variant is not in seen yet.
func typographicVariants(seen map[string]bool, lists ...[]entry) []entry {
	var variants []entry
	for _, l := range lists {
		for _, e := range l {
			if strings.Contains(e.term, "'") {
				v := strings.ReplaceAll(e.term, "'", "’")
				if !seen[lexicons.EmojiKey(v)] {
					seen[lexicons.EmojiKey(v)] = true
					variants = append(variants, entry{term: v, weight: e.weight})
				}
			}
		}
	}
	return variants
}
