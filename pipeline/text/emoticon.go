package text

import (
	"strings"
	"unicode/utf8"
)

// Emoticons: ASCII faces such as ":-)" or "^^".

// matchEmoticon returns the end of the emoticon at i, or 0. spaced says
// whether something other than a token precedes it.
func (t *tables) matchEmoticon(s string, i int, spaced bool) int {
	if !t.emoticonSecond(s, i) {
		return 0
	}
	for _, e := range t.emoticons[s[i]] {
		if !strings.HasPrefix(s[i:], e.text) {
			continue
		}
		j := i + len(e.text)
		last := e.text[len(e.text)-1]
		if strings.IndexByte(")([]DPpd3", last) >= 0 {
			for j < len(s) && s[j] == last {
				j++
			}
		}
		if e.isolated {
			if !spaced {
				continue
			}
			if j < len(s) {
				if r, _ := utf8.DecodeRuneInString(s[j:]); !ignorable(r) {
					continue
				}
			}
		}
		if j < len(s) && (asciiClass[last]&clsAlnum != 0 || last == '/' || last == '\\') {
			if startsWordRune(s, j) || (last == '/' && s[j] == '/') {
				continue
			}
		}
		return j
	}
	return 0
}

// emoticonSecond reports whether the byte after i may follow the byte at i
// in a listed emoticon. Letters such as "o" and "x" start both emoticons and
// common words; the second byte rules out almost all words without a string
// compare.
func (t *tables) emoticonSecond(s string, i int) bool {
	return i+1 < len(s) && t.emoSecond[s[i]][s[i+1]>>6]&(1<<(s[i+1]&63)) != 0
}

type emoticon struct {
	text     string
	isolated bool
}
