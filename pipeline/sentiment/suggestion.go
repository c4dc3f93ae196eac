package sentiment

import (
	"fmt"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// addSuggestion scores a comment that opens with a comparative of what is
// missing ("More staff at night.", "Better signage.", "Quicker replies",
// "Mehr Personal an der Kasse", "Kürzere Wartezeiten"): the answer to
// "what could we improve?" names a shortcoming, which is a complaint. The
// opener must be followed by a content word (not "More of the same",
// "Better than expected", "Mehr davon!"); its own weight ("better" is
// praise) gives way to the rule's. Rules.Suggestion is the weight; 0
// switches the rule off.
func (s *Scorer) addSuggestion(r *models.Record, info []tokInfo, items []item, sent []int, explain bool) []item {
	w := s.rules.Suggestion
	toks := r.Tokens
	if w == 0 || len(r.Sentences) == 0 {
		return items
	}
	j := r.Sentences[0].FirstToken
	for j < len(toks) && toks[j].Kind != models.Word {
		j++
	}
	k := j + 1
	if k >= len(toks) || toks[k].Kind != models.Word || sent[k] != sent[j] || !info[j].inLists(bitSuggestion) ||
		s.stop[r.Lang][lowerOf(&toks[k])] || (info[k].item != 0 && items[info[k].item-1].val > 0) {
		return items
	}
	it := item{first: j, last: j, sentence: sent[j], base: w, val: w, source: "rule: suggestion", match: "rule", negated: true}
	if explain {
		it.rules = []string{fmt.Sprintf("names a shortcoming: %s %s …", toks[j].Text, toks[k].Text)}
	}
	if n := info[j].item; n != 0 {
		items[n-1] = it // "Better parking": the opener is no praise
		return items
	}
	info[j].role = plain
	info[j].item = len(items) + 1
	items = append(items, it)
	sortItems(info, items)
	return items
}

var (
	bitSuggestion = listBit(lexicons.ListSuggestionOpener)
	bitComparison = listBit(lexicons.ListComparison)
	bitLaughter   = listBit(lexicons.ListLaughter)
	bitDerision   = listBit(lexicons.ListDerision)
)
