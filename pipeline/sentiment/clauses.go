package sentiment

import (
	"fmt"

	"github.com/stimmung/stimmung/models"
)

// markClauses numbers the clauses: a new clause starts after a boundary
// mark, at a contrast word or subordinating conjunction (the lexicon's list
// subordinator: a negation does not reach across them, "Sanktionen, wenn
// er's nicht einsieht"), and at each sentence.
func (s *Scorer) markClauses(r *models.Record, info []tokInfo, sent []int) {
	clause := 0
	for i := range info {
		if i > 0 && (sent[i] != sent[i-1] || info[i-1].role == boundary || info[i].role == contrast ||
			(info[i].role == plain && info[i].inLists(bitSubordinator))) {
			clause++
		}
		info[i].clause = clause
	}
}

// applyModifiers adds boosters and dampeners up to three tokens before a
// word, inside its clause, each a little weaker with distance (as VADER).
func (s *Scorer) applyModifiers(toks []models.Token, info []tokInfo, it *item, explain bool) {
	if it.val == 0 {
		return
	}
	decay := [...]float64{1, 0.95, 0.9}
	dist := 0
	for j := it.first - 1; j >= 0 && dist < 3; j-- {
		in := &info[j]
		if in.clause != info[it.first].clause || in.role == boundary || in.item != 0 {
			break
		}
		if in.role == covered {
			continue
		}
		if in.role == modifier {
			inc := in.entry.Weight * decay[dist]
			it.val += sign(it.val) * inc
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("%s by %s (%+.3f)", modName(in.entry.Weight), in.entry.Term, sign(it.val)*inc))
			}
		}
		dist++
	}
}

func modName(w float64) string {
	if w < 0 {
		return "dampened"
	}
	return "boosted"
}

func isBoundary(p string) bool {
	switch p {
	case ",", ";", ":", "–", "—", "-", "(", ")", "/":
		return true
	}
	return false
}
