package render

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// TermText renders input-derived text for a terminal: C0 control
// characters (tab and newline too), DEL and C1 control characters are
// shown escaped (ESC as \x1b, CSI as \u009b), and so is each byte that is
// not UTF-8 (a Latin-1 terminal would take 0x9b for CSI). A comment that
// holds "ESC]0;title BEL" or "ESC[2J" is then printed, not obeyed. Use it
// for table cells and for any value quoted in a message; JSON and CSV
// output keep the data as it is (JSON escapes C0 itself).
func TermText(s string) string { return escapeControls(s, false) }

// TermMessage is TermText for a whole message on stderr: its own line
// breaks and tabs (a configuration excerpt under an error) stay.
func TermMessage(s string) string { return escapeControls(s, true) }

func escapeControls(s string, keepLines bool) string {
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, size, keepLines) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !needsEscape(r, size, keepLines):
			b.WriteString(s[i : i+size])
		case r == utf8.RuneError || r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, s[i]) // C0, DEL or a byte that is not UTF-8
		default:
			fmt.Fprintf(&b, `\u%04x`, r) // C1
		}
		i += size
	}
	return b.String()
}

func needsEscape(r rune, size int, keepLines bool) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case keepLines && (r == '\n' || r == '\t'):
		return false
	case r < 0x20, r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	}
	return false
}
