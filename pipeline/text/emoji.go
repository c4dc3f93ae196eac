package text

import (
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// Emoji: pictographs with their modifiers and ZWJ sequences, flags,
// keycaps, and the typographic symbols that only become emoji with U+FE0F.

// scanEmoji reads an emoji starting with r (n bytes), which is a regional
// indicator, a skin-tone modifier or a pictograph.
func (sc *scanner) scanEmoji(r rune, n int) (int, models.TokenKind) {
	s, i := sc.s, sc.i
	end := i + n
	switch {
	case isRegional(r):
		if r2, n2 := utf8.DecodeRuneInString(s[end:]); isRegional(r2) {
			end += n2
		}
		return end, models.Emoji
	case isSkinTone(r):
		return end, models.Emoji
	}
	// ©, ™, arrows and geometric shapes are typography unless the writer
	// asked for the emoji form with U+FE0F.
	if textDefault(r) && !strings.HasPrefix(s[end:], vs16) {
		return end, models.Punct
	}
	return sc.t.emojiEnd(s, end), models.Emoji
}

const (
	vs16 = "\uFE0F"
	zwj  = "\u200D"
)

// emojiEnd extends an emoji that ends at j over its modifiers and over
// ZWJ-joined pictographs, so 👨‍👩‍👧, 👍🏽, ❤️ and 🏴 with its tag sequence stay whole.
func (t *tables) emojiEnd(s string, j int) int {
	for {
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || isSkinTone(r) || (r >= 0xE0020 && r <= 0xE007F) {
				j += n
				continue
			}
			break
		}
		if !strings.HasPrefix(s[j:], zwj) {
			return j
		}
		r, n := utf8.DecodeRuneInString(s[j+len(zwj):])
		if !t.isExtPict(r) {
			return j
		}
		j += len(zwj) + n
	}
}

// keycapEnd matches 1️⃣ (digit, # or *, optional U+FE0F, U+20E3).
func keycapEnd(s string, i int) int {
	j := i + 1
	if strings.HasPrefix(s[j:], vs16) {
		j += len(vs16)
	}
	if strings.HasPrefix(s[j:], "\u20E3") {
		return j + len("\u20E3")
	}
	return 0
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func (t *tables) isExtPict(r rune) bool {
	if r < 0xA9 {
		return false
	}
	rs := t.extPict
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < rs[m][0]:
			hi = m
		case r > rs[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

func textDefault(r rune) bool {
	return r < 0x2300 || (r >= 0x25A0 && r <= 0x25FF) || r == 0x2934 || r == 0x2935 || (r >= 0x2B05 && r <= 0x2B07)
}
