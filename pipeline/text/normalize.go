package text

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeOptions select what Normalize does.
type NormalizeOptions struct {
	// Form is norm.NFC or norm.NFKC.
	Form norm.Form
	// HTMLEntities decodes &amp;, &uuml;, &#39; and the like.
	HTMLEntities bool
	// CollapseWhitespace turns runs of spaces and tabs into one space and
	// runs of line breaks into one "\n"; lines keep their breaks because a
	// line break ends a sentence in a comment.
	CollapseWhitespace bool
}

// Normalize returns s cleaned for analysis: Unicode normalized, HTML entities
// decoded, control characters removed, whitespace tidied and trimmed. It
// returns s itself (no allocation) when nothing changes, which is the common
// case for clean survey text.
func Normalize(s string, o NormalizeOptions) string {
	if o.HTMLEntities && strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	if !isASCII(s) {
		// QuickSpanString does not allocate, unlike IsNormalString.
		if o.Form.QuickSpanString(s) != len(s) {
			s = o.Form.String(s)
		}
	}
	if clean(s, o.CollapseWhitespace) {
		return s
	}
	return rewrite(s, o.CollapseWhitespace)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// clean reports whether s needs no whitespace or control-character work.
func clean(s string, collapse bool) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if isDropped(r) || unicode.IsSpace(r) {
				return false
			}
			i += size - 1
			prevSpace = false
		case c == ' ':
			if collapse && prevSpace {
				return false
			}
			prevSpace = true
		case c < 0x20 || c == 0x7f:
			return false // tabs, line breaks and controls all need a look
		default:
			prevSpace = false
		}
	}
	return true
}

// isDropped reports control and format characters that carry no text: C0/C1
// controls, zero-width spaces and BOMs, bidi marks. The zero-width joiner
// stays: it glues emoji sequences together.
func isDropped(r rune) bool {
	switch r {
	case '\u200d', '\n', '\t', '\r':
		return false
	case '\ufeff', '\u200b', '\u200e', '\u200f', '\u00ad', '\u2060':
		return true
	}
	if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
		return true
	}
	return unicode.IsControl(r)
}

func rewrite(s string, collapse bool) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace, pendingBreak := false, 0
	for _, r := range s {
		switch {
		case r == '\r':
			continue // CRLF → LF; a lone CR is dropped with it
		case r == '\n' || r == '\u2028' || r == '\u2029':
			pendingBreak++
			pendingSpace = false
			continue
		case unicode.IsSpace(r):
			if !collapse && b.Len() > 0 && pendingBreak == 0 {
				b.WriteRune(r)
				continue
			}
			pendingSpace = true
			continue
		case isDropped(r):
			continue
		}
		if b.Len() > 0 {
			switch {
			case pendingBreak > 0 && collapse:
				b.WriteByte('\n')
			case pendingBreak > 0:
				b.WriteString(strings.Repeat("\n", pendingBreak))
			case pendingSpace:
				b.WriteByte(' ')
			}
		}
		pendingSpace, pendingBreak = false, 0
		b.WriteRune(r)
	}
	return b.String()
}
