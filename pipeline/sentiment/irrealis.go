package sentiment

import (
	"fmt"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// applyIrrealis scales praise in a clause (or sentence) that holds an
// irrealis word by Rules.Irrealis: "Ich hatte mir einen spannenden Thriller
// erhofft", "Es wäre schön, wenn es mehr Parkplätze gäbe", "It should have
// been a great evening" do not praise what the customer got.
func (s *Scorer) applyIrrealis(r *models.Record, info []tokInfo, items []item, sent []int, explain bool) {
	f := s.rules.Irrealis
	if f == 1 || len(items) == 0 {
		return
	}
	toks := r.Tokens
	var scope []int // clauses (or sentences) in the irrealis
	for j := range toks {
		// A marker inside a phrase is the phrase's ("couldn't have been
		// better" is praise), not the clause's.
		if toks[j].Kind != models.Word || info[j].role == covered || info[j].item != 0 {
			continue
		}
		if s.termAt(r.Lang, lexicons.ListIrrealis, bitIrrealis, toks, info, j, len(toks)) && !afterComparison(info, j) {
			scope = append(scope, s.irrealisScope(info, sent, j))
		}
	}
	if len(scope) == 0 {
		return
	}
	for k := range items {
		it := &items[k]
		// Negated praise is blame already ("hätte nicht besser sein
		// können" is praise; the negation has turned it).
		if it.val <= 0 || it.match == "emoji" || it.negated {
			continue
		}
		id := s.irrealisScope(info, sent, it.first)
		for _, c := range scope {
			if c == id {
				it.val *= f
				if explain {
					it.rules = append(it.rules, fmt.Sprintf("irrealis (×%.2f)", f))
				}
				break
			}
		}
	}
}

// irrealisScope is the unit an irrealis word reaches: its clause, or its
// sentence with IrrealisSentence ("Ich hätte mir gewünscht, dass …").
func (s *Scorer) irrealisScope(info []tokInfo, sent []int, j int) int {
	if s.rules.IrrealisSentence {
		return sent[j]
	}
	return info[j].clause
}

// afterComparison reports whether a comparison word ("than", "als") stands
// up to two tokens before token j: "better than I expected", "besser als
// erwartet" compare with the expectation, they do not dwell in it.
func afterComparison(info []tokInfo, j int) bool {
	for k := j - 1; k >= 0 && k >= j-2; k-- {
		if info[k].inLists(bitComparison) {
			return true
		}
	}
	return false
}
