package sentiment

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// maxOpenerWords is the longest praise that opens an ironic sentence:
// "Toll", "Na wunderbar", "Ganz tolle Idee", "Echt beeindruckend".
const maxOpenerWords = 4

// applyIrony turns praise that is sarcasm into blame. Two patterns, both
// common in complaints and both measured on the development sets:
//
//   - Praise that opens a sentence on its own ("Toll, schon wieder zu spät.",
//     "Great, another week without internet.", "Na wunderbar. Der Zug fällt
//     aus.") when what follows it, up to the end of the next sentence, has
//     no praise of its own and has blame or an irony marker ("schon
//     wieder", "ausgerechnet", "again", "another"). "Super, kam pünktlich"
//     and "Toll, danke!" stay praise.
//   - Praise in scare quotes ("the 'free upgrade'"), when ScareQuotes is
//     on: a quoted positive word is the writer's distance from it.
//
// The praise is negated with the negation scalar, like "nicht gut".
func (s *Scorer) applyIrony(r *models.Record, lx *lexicons.Lexicon, info []tokInfo, items []item, explain bool) {
	if !s.rules.Irony || len(items) == 0 {
		return
	}
	toks := r.Tokens
	flip := func(it *item, why string) {
		if it.val <= 0 {
			return
		}
		it.val *= s.rules.NegationScalar
		if explain {
			it.rules = append(it.rules, fmt.Sprintf("irony: %s (×%.2f)", why, s.rules.NegationScalar))
		}
	}
	for si, se := range r.Sentences {
		end, words := s.opener(toks, info, se)
		if end < 0 || words > maxOpenerWords {
			continue
		}
		// The opener must hold praise and nothing else. An opener of
		// praise words alone ("Toll,", "Na wunderbar,", "Echt
		// beeindruckend,") is sarcasm before any complaint; one that names
		// what it praises ("Great product,", "Schnell geliefert.") is
		// sarcasm only before an irony marker.
		pure := pureOpener(lx, toks, info, se.FirstToken, end)
		praise := false
		opening := itemsIn(items, se.FirstToken, end)
		for k := range opening {
			it := &opening[k]
			if it.val < 0 {
				praise = false
				break
			}
			// Laughter ("Ha!", "Haha,", "LOL") is no praise to be
			// sarcastic with.
			praise = praise || it.val > 0 && !info[it.first].inLists(bitLaughter)
		}
		if !praise {
			continue
		}
		// "Great product, but shipping took too long" weighs praise
		// against blame: that is the contrast rule's, not sarcasm.
		if end < se.EndToken && info[end].role == contrast {
			continue
		}
		// What the praise comments on: the rest of the sentence, and the
		// next sentence when the praise stands alone ("Toll. …").
		restEnd := se.EndToken
		if restEnd-end <= 1 && si+1 < len(r.Sentences) {
			restEnd = r.Sentences[si+1].EndToken
		}
		blame, good := false, false
		for _, it := range itemsIn(items, end, restEnd) {
			blame = blame || it.val < 0
			good = good || it.val > 0
		}
		if good || !(pure && blame || s.hasMarker(r.Lang, toks, info, end, restEnd)) {
			continue
		}
		for k := range opening {
			flip(&opening[k], "praise before a complaint")
		}
	}
	// A sentence that opens with a word of derision ("Hauptsache, die
	// Werbung kommt pünktlich"): what it praises is the wrong priority.
	for _, se := range r.Sentences {
		first := se.FirstToken
		for first < se.EndToken && toks[first].Kind != models.Word {
			first++
		}
		if first == se.EndToken || !info[first].inLists(bitDerision) {
			continue
		}
		sentence := itemsIn(items, se.FirstToken, se.EndToken)
		for k := range sentence {
			if it := &sentence[k]; it.match != "emoji" {
				flip(it, "derision: "+lowerOf(&toks[first]))
			}
		}
	}
	// Scare quotes: a short quoted phrase that starts in lower case (my
	// 'urgent' ticket, the 'free upgrade') in a sentence that also holds a
	// complaint turns the sentence's praise ("Really appreciate being told
	// my 'urgent' ticket has been escalated"). A capitalized quote is more
	// often a name (Hotel „Zur Sonne“); quoted titles and quotations in a
	// sentence without a complaint are left alone.
	if !s.rules.ScareQuotes {
		return
	}
	for _, q := range scareQuotes(toks) {
		se := r.Sentences[sentOf(r, q.first)]
		sentence := itemsIn(items, se.FirstToken, se.EndToken)
		blame := false
		for _, it := range sentence {
			blame = blame || it.val < 0
		}
		if !blame {
			continue
		}
		for k := range sentence {
			if it := &sentence[k]; it.match != "emoji" {
				flip(it, "scare quotes")
			}
		}
	}
}

// sentOf returns the index of the sentence that holds token j.
func sentOf(r *models.Record, j int) int {
	for si, se := range r.Sentences {
		if j >= se.FirstToken && j < se.EndToken {
			return si
		}
	}
	return -1
}

// opener returns the end (exclusive) of a sentence's opening segment, up to
// its first comma-like boundary or the sentence's end, and the number of
// words in it; end is -1 when the segment is the whole sentence and another
// follows nothing (a one-segment sentence is an opener only when a
// sentence follows).
func (s *Scorer) opener(toks []models.Token, info []tokInfo, se models.Sentence) (end, words int) {
	for j := se.FirstToken; j < se.EndToken; j++ {
		if info[j].role == boundary || (toks[j].Kind == models.Punct && strings.ContainsAny(toks[j].Text, "!.…")) {
			if words == 0 {
				return -1, 0
			}
			return j + 1, words
		}
		if toks[j].Kind == models.Word {
			words++
			if words > maxOpenerWords {
				return -1, words
			}
		}
	}
	return -1, words
}

// pureOpener reports whether the words of toks[a:b] are all sentiment
// words, modifiers or interjections ("na", "oh", "wow").
func pureOpener(lx *lexicons.Lexicon, toks []models.Token, info []tokInfo, a, b int) bool {
	for j := a; j < b; j++ {
		if toks[j].Kind != models.Word || info[j].item != 0 || info[j].role == modifier || info[j].role == covered {
			continue
		}
		if !lx.InList(lexicons.ListInterjection, lowerOf(&toks[j])) {
			return false
		}
	}
	return true
}

// hasMarker reports whether toks[a:b] hold an irony marker (one or two words).
func (s *Scorer) hasMarker(lang string, toks []models.Token, info []tokInfo, a, b int) bool {
	for j := a; j < b; j++ {
		if s.termAt(lang, lexicons.ListIronyMarker, bitIronyMarker, toks, info, j, b) {
			return true
		}
	}
	return false
}

// maxQuoted is the longest span in scare quotes, in words: longer quotes
// are quotations, not distance.
const maxQuoted = 5

// span is a range of tokens, inclusive.
type span struct{ first, last int }

// scareQuotes returns the words of each short quoted phrase whose first
// word starts in lower case.
func scareQuotes(toks []models.Token) []span {
	var out []span
	for j := 0; j < len(toks); j++ {
		if !isQuote(toks[j].Text) || j+1 >= len(toks) || toks[j+1].Kind != models.Word {
			continue
		}
		first, _ := utf8.DecodeRuneInString(toks[j+1].Text)
		if !unicode.IsLower(first) {
			continue
		}
		for k := j + 2; k < len(toks) && k-j <= maxQuoted+1; k++ {
			if isQuote(toks[k].Text) {
				out = append(out, span{j + 1, k - 1})
				j = k
				break
			}
			if toks[k].Kind != models.Word {
				break
			}
		}
	}
	return out
}

func isQuote(p string) bool {
	switch p {
	case "'", "\"", "„", "“", "”", "‚", "‘", "’", "«", "»", "‹", "›":
		return true
	}
	return false
}

// itemsIn returns the items that start at tokens a..b-1: items are in text
// order, so they are one run, found by binary search.
func itemsIn(items []item, a, b int) []item {
	lo, _ := slices.BinarySearchFunc(items, a, func(it item, t int) int { return it.first - t })
	hi, _ := slices.BinarySearchFunc(items, b, func(it item, t int) int { return it.first - t })
	return items[lo:hi]
}
