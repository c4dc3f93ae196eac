package sentiment

import (
	"strings"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// pairSet holds the two-word terms of a word list ("schon wieder",
// "should have") by their first word. One-word terms need no set: the word
// index records them (tokenLists).
type pairSet map[string][]string

func compilePairs(list map[string]lexicons.Entry) pairSet {
	p := pairSet{}
	for term := range list {
		if first, second, ok := strings.Cut(term, " "); ok && !strings.Contains(second, " ") {
			p[first] = append(p[first], second)
		}
	}
	return p
}

// termAt reports whether a term of the list with bit starts at token j and
// ends before token end: a one-word term by the word index, a two-word one
// by the list's pairs.
func (s *Scorer) termAt(lang, list string, bit listBits, toks []models.Token, info []tokInfo, j, end int) bool {
	wi := info[j].wi
	switch {
	case wi == nil:
		return false
	case wi.lists&bit != 0:
		return true
	case wi.pairs&bit == 0 || j+1 >= end:
		return false
	}
	next := lowerOf(&toks[j+1])
	for _, second := range s.pairs[lang][list][lowerOf(&toks[j])] {
		if second == next {
			return true
		}
	}
	return false
}
