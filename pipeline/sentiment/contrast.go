package sentiment

import (
	"fmt"

	"github.com/stimmung/stimmung/models"
)

// applyContrast weighs the clauses around contrast words. "aber"/"but":
// what comes before counts less, what follows more; at the start of a
// sentence it weighs the previous sentences. "obwohl"/"although": its own
// clause counts less, the rest of the sentence more.
func (s *Scorer) applyContrast(r *models.Record, toks []models.Token, info []tokInfo, items []item, sent []int, explain bool) {
	for c := range info {
		if info[c].role != contrast {
			continue
		}
		e := info[c].entry
		word := lowerOf(&toks[c])
		scale := func(it *item, f float64, why string) {
			if it.val == 0 || f == 1 {
				return
			}
			it.val *= f
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("%s %s (×%.2f)", why, word, f))
			}
		}
		if e.After < 1 && e.Weight >= 1 {
			// Subordinating: the clause that "obwohl" opens ends at the
			// next boundary.
			for k := range items {
				it := &items[k]
				if it.sentence != sent[c] {
					continue
				}
				if it.first > c && it.clause == info[c].clause {
					scale(it, e.After, "in the clause of")
				} else {
					scale(it, e.Weight, "outside the clause of")
				}
			}
			continue
		}
		atStart := c == r.Sentences[sent[c]].FirstToken
		for k := range items {
			it := &items[k]
			switch {
			case it.first > c && it.sentence == sent[c]:
				scale(it, e.After, "after")
			case it.first < c && (it.sentence == sent[c] || atStart):
				scale(it, e.Weight, "before")
			}
		}
	}
}
