package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes, run scanners and case folding shared by the rules.

// ignorable reports runes that separate tokens without being one: whitespace,
// controls, and invisible format characters and marks that have nothing to
// attach to (a lone ZWJ or variation selector, a BOM, a zero-width space).
func ignorable(r rune) bool {
	if r < 0x80 {
		return asciiClass[r]&clsSpace != 0
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsMark(r)
}

func isNewline(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clsAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func startsWordRune(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	if s[j] < utf8.RuneSelf {
		return asciiClass[s[j]]&clsAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func startsLetter(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r)
}

// alnumRunEnd skips letters, digits and combining marks.
func alnumRunEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsAlnum == 0 {
				return j
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			return j
		}
		j += n
	}
	return j
}

func letterRunEnd(s string, j int) int {
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if asciiClass[c]&clsLetter == 0 {
				return j
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return j
		}
		j += n
	}
	return j
}

func digitRunEnd(s string, j int) int {
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j
}

func allLetters(w string) bool {
	return w != "" && letterRunEnd(w, 0) == len(w)
}

func allASCIILetters(w string) bool {
	for k := 0; k < len(w); k++ {
		if asciiClass[w[k]]&clsLetter == 0 {
			return false
		}
	}
	return true
}

// apostropheLen: ASCII ', ’ (U+2019), the acute accent ´ and grave accent `
// that German keyboards produce for "gibt´s", and ‘ (U+2018) that
// autocorrect produces for "can‘t".
func apostropheLen(s string, j int) int {
	switch {
	case s[j] == '\'' || s[j] == '`':
		return 1
	case strings.HasPrefix(s[j:], "’"), strings.HasPrefix(s[j:], "‘"):
		return 3
	case strings.HasPrefix(s[j:], "´"):
		return 2
	}
	return 0
}

// hyphenLen: "-", and U+2010 HYPHEN / U+2011 NON-BREAKING HYPHEN from word
// processors. Dashes (–, —) separate words and are not included.
func hyphenLen(s string, j int) int {
	switch {
	case s[j] == '-':
		return 1
	case strings.HasPrefix(s[j:], "\u2010"), strings.HasPrefix(s[j:], "\u2011"):
		return 3
	}
	return 0
}

// invisibleJoinerLen: a soft hyphen or ZWJ/ZWNJ inside a word
// ("Ver\u00ADbindung" as pasted from a web page) does not split it.
func invisibleJoinerLen(s string, j int) int {
	switch {
	case strings.HasPrefix(s[j:], "\u00AD"):
		return 2
	case strings.HasPrefix(s[j:], "\u200C"), strings.HasPrefix(s[j:], "\u200D"):
		return 3
	}
	return 0
}

// foldASCII appends w lower-cased; ok is false for non-ASCII input or when
// w does not fit the caller's buffer (the keys are short; anything longer
// cannot match and must not allocate).
func foldASCII(dst []byte, w string) ([]byte, bool) {
	if len(dst)+len(w) > cap(dst) {
		return dst, false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// foldLetters appends w lower-cased, Unicode-aware, without growing dst.
func foldLetters(dst []byte, w string) ([]byte, bool) {
	if out, ok := foldASCII(dst, w); ok {
		return out, true
	}
	for _, r := range w {
		r = unicode.ToLower(r)
		if len(dst)+utf8.RuneLen(r) > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

func inFoldSet(set map[string]struct{}, w string) bool {
	if w == "" {
		return false
	}
	var buf [24]byte
	key, ok := foldLetters(buf[:0], w)
	if !ok {
		return false
	}
	_, ok = set[string(key)]
	return ok
}

// ASCII classes, one table lookup per byte on the hot path. The table has
// 256 entries so that any byte indexes it; non-ASCII bytes have no class.
const (
	clsSpace    = 1 << iota // whitespace and controls
	clsAlnum                // letter or digit
	clsLetter               // letter
	clsEmoFirst             // may start an emoticon; from the data, so only in tables.class
	clsKeycap               // may start a keycap emoji
	clsTrigger              // after an alphanumeric run, may continue a URL or e-mail
	clsURL                  // may appear in a URL
	clsWordEnd              // ends an ASCII word whatever follows
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c <= ' ' || c == 0x7F:
			t[c] |= clsSpace
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] |= clsAlnum | clsLetter
		case c >= '0' && c <= '9':
			t[c] |= clsAlnum | clsKeycap
		}
		if c > ' ' && c < 0x7F && !strings.ContainsRune("<>\"{}|\\^`", rune(c)) {
			t[c] |= clsURL
		}
	}
	for _, c := range " \t\n\r,;!?()[]\"" {
		t[c] |= clsWordEnd
	}
	t['#'] |= clsKeycap
	t['*'] |= clsKeycap
	for _, c := range "@.:-_+%" {
		t[c] |= clsTrigger
	}
	return t
}()
