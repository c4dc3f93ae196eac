package sentiment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// addExcess adds an item for an adjective after an excess marker that the
// lexicon does not score: "viel zu warm", "ein wenig zu salzig", "too
// salty", "a bit too small". Whatever the adjective, too much of it is a
// complaint. A German word after "zu" that ends like an infinitive
// ("zu kaufen", "zu erreichen") or is capitalized (a noun: "zu Hause") is
// no adjective; an adjective the lexicon scores keeps its own weight,
// boosted by the marker as a modifier.
func (s *Scorer) addExcess(r *models.Record, lx *lexicons.Lexicon, info []tokInfo, items []item, sent []int, explain bool) []item {
	w := s.rules.Excess
	if w == 0 {
		return items
	}
	toks := r.Tokens
	added := false
	for j := 0; j+1 < len(toks); j++ {
		if toks[j].Kind != models.Word {
			continue
		}
		if !info[j].inLists(bitExcess) {
			continue
		}
		k := j + 1
		if toks[k].Kind != models.Word || info[k].item != 0 || info[k].role != plain || sent[k] != sent[j] {
			continue
		}
		if !s.excessTarget(lx, r.Lang, &toks[k]) {
			continue
		}
		it := item{first: k, last: k, sentence: sent[k], clause: info[k].clause, base: w, val: w, source: "rule: excess", match: "rule"}
		if explain {
			it.rules = []string{fmt.Sprintf("too much: %s %s", lowerOf(&toks[j]), lowerOf(&toks[k]))}
		}
		info[k].item = len(items) + 1
		items = append(items, it)
		added = true
	}
	if added {
		sortItems(info, items)
	}
	return items
}

// excessTarget reports whether t can be the adjective of an excess.
func (s *Scorer) excessTarget(lx *lexicons.Lexicon, lang string, t *models.Token) bool {
	lower := lowerOf(t)
	if lx.InList(lexicons.ListNotExcess, lower) || utf8.RuneCountInString(lower) < 3 {
		return false
	}
	if s.stop[lang][lower] && !lx.InList(lexicons.ListExcessQuantity, lower) {
		return false
	}
	if lang == "de" {
		if first, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(first) {
			return false // a noun: "zu Hause", "zu Beginn"
		}
		for _, inf := range []string{"en", "ern", "eln"} {
			if strings.HasSuffix(lower, inf) {
				return false // an infinitive: "zu kaufen"
			}
		}
	}
	return true
}
