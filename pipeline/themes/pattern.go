package themes

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordKind says how one word of a term pattern matches a token.
type wordKind uint8

const (
	// stemWord matches a token with the same stem; in German also a
	// compound whose stem ends with it ("Zugverspätung" for
	// "verspätung"), when the term is long enough to be a head.
	stemWord wordKind = iota
	// prefixWord ("liefer*") matches a token whose lower-cased form
	// starts with it: compound modifiers and word families.
	prefixWord
	// suffixWord ("*zug") matches a token whose stem ends with its stem:
	// short compound heads, which are not matched automatically.
	suffixWord
	// exactWord ("=ice") matches the lower-cased form exactly.
	exactWord
)

// rawWord is one word of a pattern before stemming.
type rawWord struct {
	kind wordKind
	text string // lower-cased, without * or =
}

// compileTerm checks a pattern's syntax and splits it into words.
func compileTerm(pattern string) ([]rawWord, error) {
	fields := strings.Fields(strings.ToLower(pattern))
	if len(fields) == 0 {
		return nil, errors.New("empty pattern")
	}
	out := make([]rawWord, 0, len(fields))
	for _, f := range fields {
		w := rawWord{kind: stemWord, text: f}
		switch {
		case strings.HasPrefix(f, "="):
			w.kind, w.text = exactWord, f[1:]
		case strings.HasPrefix(f, "*") && strings.HasSuffix(f, "*"):
			return nil, errors.New("a word can start or end with *, not both")
		case strings.HasSuffix(f, "*"):
			w.kind, w.text = prefixWord, strings.TrimSuffix(f, "*")
		case strings.HasPrefix(f, "*"):
			w.kind, w.text = suffixWord, strings.TrimPrefix(f, "*")
		}
		if w.text == "" || strings.ContainsAny(w.text, "*=") {
			return nil, errors.New("a word needs letters besides * and = (patterns: word, prefix*, *head, =exact)")
		}
		if w.kind == prefixWord && utf8.RuneCountInString(w.text) < 3 {
			return nil, errors.New("a prefix needs at least 3 letters")
		}
		if !hasLetterOrDigit(w.text) {
			return nil, errors.New("a word needs a letter or digit")
		}
		out = append(out, w)
	}
	return out, nil
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
