package lexgen

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// What counts as an English word or an emoticon; apostrophe variants.

var (
	wordRE = regexp.MustCompile(`^[a-z0-9][a-z0-9'\-]*$`)
	// Letters that occur in emoticons (":-D", "xP", "o_O", "D:", ":-Þ", "<3").
	emoticonLetters = "oOxXdDpPvVbcClLsSÞT"
)

// vaderDrop lists VADER lexicon entries to leave out besides the
// all-digit chat codes ("143" = I love you, "187", "86"), which in feedback
// are prices, train numbers and counts: a malformed entry.
var vaderDrop = map[string]bool{"aug-00": true}

func isEmoticon(t string) bool {
	if wordRE.MatchString(t) || strings.Contains(t, " ") {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) && !strings.ContainsRune(emoticonLetters, r) {
			return false
		}
	}
	return true
}

func allDigits(t string) bool {
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// apostropheVariants returns t with a typographic apostrophe and without
// any apostrophe, for terms that contain an ASCII one.
func apostropheVariants(t string) []string {
	if !strings.Contains(t, "'") {
		return nil
	}
	return []string{strings.ReplaceAll(t, "'", "’"), strings.ReplaceAll(t, "'", "")}
}

// withVariants returns es followed by the apostrophe variants of its
// terms that es does not have.
func withVariants(es []entry) []entry {
	have := map[string]bool{}
	for _, e := range es {
		have[e.term] = true
	}
	out := slices.Clone(es)
	for _, e := range es {
		out = appendVariants(out, have, e.term, e.weight)
	}
	return out
}

// appendVariants appends the apostrophe variants of term missing from
// have, and adds them to have.
func appendVariants(out []entry, have map[string]bool, term string, w float64) []entry {
	for _, v := range apostropheVariants(term) {
		if !have[v] {
			have[v] = true
			out = append(out, entry{term: v, weight: w})
		}
	}
	return out
}
