package sentiment

import (
	"fmt"
	"strings"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// applyNegation negates each item with a negator before it in its clause
// (within NegationWindow tokens, and no other sentiment word in between);
// then, in German, a negator that negated nothing negates the nearest item
// before it in its clause. The word lists come from the lexicon
// (wordlists.tsv): post_negator (may negate a word before it: "gefällt mir
// nicht"), not_negated (sentence adverbs such as "leider": "leider nicht
// geschafft" regrets a failure, it does not make "leider" positive) and
// or_word (a negation carries over "or").
func (s *Scorer) applyNegation(r *models.Record, toks []models.Token, info []tokInfo, items []item, explain bool) {
	lx := s.lex[r.Lang]
	rhetoricalQuestions(r, lx, info)
	notNegated := lx.List(lexicons.ListNotNegated)
	negate := func(it *item, by int, how string) {
		info[by].used = true
		if _, adverb := notNegated[strings.ToLower(r.Text[toks[it.first].Start:toks[it.last].End])]; it.negated || adverb {
			return
		}
		it.negated = true
		scalar := s.rules.NegationScalar
		it.val *= scalar
		if explain {
			it.rules = append(it.rules, fmt.Sprintf("negated by %s%s (×%.2f)", lowerOf(&toks[by]), how, scalar))
		}
	}
	// "weder … noch": after a word of neither_start, a word of neither_nor
	// negates too.
	weder := -1
	for i := range info {
		if info[i].inLists(bitNeitherStart) {
			weder = info[i].clause
		}
		if weder >= 0 && info[i].role == plain && info[i].inLists(bitNeitherNor) && sentenceClauseNear(info, i, weder) {
			info[i].role = negator
			info[i].entry = lexicons.Entry{Term: lowerOf(&toks[i]), Weight: s.rules.NegationScalar, Kind: lexicons.Negator, Source: "rule: weder … noch"}
		}
	}
	for k := range items {
		it := &items[k]
		if it.match == "emoji" {
			continue // 😡 says how the writer feels; "nichts 😡" does not negate it
		}
		dist := 0
		for j := it.first - 1; j >= 0 && dist < s.rules.NegationWindow; j-- {
			in := &info[j]
			if in.clause != info[it.first].clause || in.role == boundary || in.item != 0 {
				break
			}
			if in.role == negator {
				negate(it, j, "")
				break
			}
			if in.role != covered && !in.inLists(bitTransparent) {
				dist++
			}
		}
	}
	// "wasn't helpful or friendly", "nicht schnell oder freundlich": a
	// negation carries over "or" to the next word of its clause.
	for k := 1; k < len(items); k++ {
		prev, it := &items[k-1], &items[k]
		if prev.negated && !it.negated && it.match != "emoji" && it.clause == prev.clause && it.first == prev.last+2 &&
			info[prev.last+1].inLists(bitOrWord) {
			it.negated = true
			it.val *= s.rules.NegationScalar
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("negated through %s (×%.2f)", lowerOf(&toks[prev.last+1]), s.rules.NegationScalar))
			}
		}
	}
	if !s.rules.PostNegation || r.Lang != "de" {
		return
	}
	for j := range info {
		in := &info[j]
		if in.role != negator || in.used || !in.inLists(bitPostNegator) || isTagQuestion(toks, info, j) {
			continue
		}
		dist := 0
		for k := j - 1; k >= 0 && dist < s.rules.PostNegationWindow; k-- {
			if info[k].clause != in.clause || info[k].role == boundary {
				break
			}
			if info[k].item != 0 {
				it := &items[info[k].item-1]
				if it.val != 0 && !it.negated && it.match != "emoji" {
					negate(it, j, " (after the word)")
				}
				break
			}
			if info[k].role != covered && !info[k].inLists(bitTransparent) {
				dist++
			}
		}
	}
}

// danglingNegation adds an item for each negator that negated nothing and
// whose clause holds no sentiment word: the negation is itself the verdict
// ("nothing works"). A sentence of nothing but the negator and function
// words ("Nothing at all.", "Nothing really.", "None.") is an answer that
// there is nothing, not a verdict.
func (s *Scorer) danglingNegation(r *models.Record, info []tokInfo, items []item, sent []int, w float64) []item {
	toks := r.Tokens
	hasItem := map[int]bool{}
	for _, it := range items {
		hasItem[it.clause] = true
	}
	added := false
	for j := range info {
		if info[j].role != negator || info[j].used || hasItem[info[j].clause] || isTagQuestion(toks, info, j) ||
			s.nothingAnswer(r, sent, j) {
			continue
		}
		items = append(items, item{first: j, last: j, sentence: sent[j], clause: info[j].clause, base: w, val: w, pre: w,
			source: "rule: negation without a target", match: "rule"})
		info[j].used = true
		added = true
	}
	if added {
		sortItems(info, items)
	}
	return items
}

// sentenceClauseNear reports whether token i is in the clause of "weder" or
// the next one ("weder schnell, noch freundlich").
func sentenceClauseNear(info []tokInfo, i, clause int) bool {
	return info[i].clause == clause || info[i].clause == clause+1
}

// isTagQuestion: "…, oder nicht?" and "nicht wahr?" ask rather than
// negate: a negator before "?", after a word of tag_question_before
// ("oder") or before one of tag_question_after ("wahr").
func isTagQuestion(toks []models.Token, info []tokInfo, j int) bool {
	if j+1 < len(toks) && (strings.HasPrefix(toks[j+1].Text, "?") || info[j+1].inLists(bitTagAfter)) {
		return true
	}
	return j > 0 && info[j-1].inLists(bitTagBefore)
}

// rhetoricalQuestions takes the negators out of a yes/no question that
// opens with its verb ("Ist die Welt nicht zauberhaft?", "Isn't it
// lovely?"): such a question asks for agreement, it does not deny. A
// question with a question word ("Warum geht das nicht?") keeps them.
func rhetoricalQuestions(r *models.Record, lx *lexicons.Lexicon, info []tokInfo) {
	verbs := lx.List(lexicons.ListQuestionVerb)
	if len(verbs) == 0 {
		return
	}
	toks := r.Tokens
	for _, se := range r.Sentences {
		first, last := se.FirstToken, se.EndToken-1
		for first <= last && toks[first].Kind != models.Word {
			first++
		}
		if first > last || toks[last].Kind != models.Punct || !strings.HasPrefix(toks[last].Text, "?") {
			continue
		}
		if _, ok := verbs[lowerOf(&toks[first])]; !ok {
			continue
		}
		for j := first; j <= last; j++ {
			if info[j].role == negator {
				info[j].role, info[j].used = plain, true
			}
		}
	}
}

// nothingAnswer reports whether token j is a "nothing" word
// (lexicons.ListNothingAnswer) that opens its sentence and every other word
// of the sentence is a stop word: "Nothing at all.", "Nichts weiter."
func (s *Scorer) nothingAnswer(r *models.Record, sent []int, j int) bool {
	se := r.Sentences[sent[j]]
	if !s.lex[r.Lang].InList(lexicons.ListNothingAnswer, lowerOf(&r.Tokens[j])) {
		return false
	}
	stop := s.stop[r.Lang]
	for k := se.FirstToken; k < j; k++ {
		if r.Tokens[k].Kind == models.Word {
			return false
		}
	}
	for k := j + 1; k < se.EndToken; k++ {
		if r.Tokens[k].Kind == models.Word && !stop[lowerOf(&r.Tokens[k])] {
			return false
		}
	}
	return true
}
