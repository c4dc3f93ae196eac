package sentiment

import (
	"fmt"
	"slices"
)

// Cue is a span of a comment that says something about its sentiment
// without a lexicon word: an implicit complaint such as a waiting time
// ("warte seit drei Wochen"), being passed around ("ständig
// weitergeleitet"), a broken promise or a customer on the way out. The
// signals stage finds the same spans for effort, urgency and churn: both
// read them from one taxonomy (configs/signals.yaml), so the knowledge of
// what an implicit complaint looks like exists once.
type Cue struct {
	// First and Last index Record.Tokens (inclusive).
	First, Last int
	// Weight is in lexicon units; Name says what was found
	// ("effort/transfer") and Source where it is defined (file:line).
	Weight       float64
	Name, Source string
	// Negated: an absence word stands before the cue ("musste nicht
	// warten", "no hassle"): the complaint is denied, which is praise.
	Negated bool
}

// addCues turns each cue that no lexicon word or phrase already covers
// into a sentiment item. The words of the cue play no other part: "nie
// zurückgerufen" is one complaint, its "nie" negates nothing else. A cue
// after an absence word ("musste nicht warten", "no hassle at all") is a
// complaint denied: its weight is negated with the negation scalar, and
// the negator is spent on it.
func (s *Scorer) addCues(info []tokInfo, items []item, sent []int, cues []Cue, explain bool) []item {
	if len(cues) == 0 || !s.rules.Implicit {
		return items
	}
	added := false
	type seenKey struct {
		name     string
		sentence int
	}
	var seen []seenKey
	for _, c := range cues {
		if c.Weight == 0 || c.First < 0 || c.Last >= len(info) || c.Last < c.First {
			continue
		}
		// A rule ("fünfmal … anrufen") is found as one mention per word:
		// it is one complaint, counted once per sentence.
		key := seenKey{c.Name, sent[c.First]}
		if slices.Contains(seen, key) {
			continue
		}
		free := true
		for j := c.First; j <= c.Last; j++ {
			if info[j].item != 0 || info[j].role == covered {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		seen = append(seen, key)
		for j := c.First; j <= c.Last; j++ {
			info[j].role = covered
		}
		// The first token keeps its clause for the modifier and contrast
		// rules; it is the item's anchor.
		info[c.First].role = plain
		info[c.First].item = len(items) + 1
		it := item{first: c.First, last: c.Last, sentence: sent[c.First], base: c.Weight, val: c.Weight,
			source: c.Source, match: "implicit", negated: true}
		if c.Negated {
			it.val *= s.rules.NegationScalar
			s.spendNegator(info, c.First)
		}
		if explain {
			it.rules = []string{fmt.Sprintf("implicit: %s", c.Name)}
			if c.Negated {
				it.rules = append(it.rules, fmt.Sprintf("complaint denied (×%.2f)", s.rules.NegationScalar))
			}
		}
		items = append(items, it)
		added = true
	}
	if added {
		sortItems(info, items)
	}
	return items
}

// sortItems keeps items in text order and the tokens' back references
// right after items were added out of order.
func sortItems(info []tokInfo, items []item) {
	slices.SortFunc(items, func(a, b item) int { return a.first - b.first })
	for k := range items {
		info[items[k].first].item = k + 1
	}
}

// spendNegator marks the negator nearest before token j in its clause as
// used, so that it negates nothing else and is no dangling negation.
func (s *Scorer) spendNegator(info []tokInfo, j int) {
	for k := j - 1; k >= 0 && info[k].clause == info[j].clause; k-- {
		if info[k].role == negator {
			info[k].used = true
			return
		}
	}
}
