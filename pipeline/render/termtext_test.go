package render

import "testing"

func TestTermText(t *testing.T) {
	tests := []struct {
		name, in, text, message string
	}{
		{"plain", "Lieferung spät", "Lieferung spät", "Lieferung spät"},
		{"OSC title", "a\x1b]0;pwned\x07b", `a\x1b]0;pwned\x07b`, `a\x1b]0;pwned\x07b`},
		{"clear screen", "\x1b[2J", `\x1b[2J`, `\x1b[2J`},
		{"C1 CSI", "a\u009b31mb", `a\u009b31mb`, `a\u009b31mb`},
		{"DEL and NUL", "a\x7f\x00", `a\x7f\x00`, `a\x7f\x00`},
		{"CR", "a\rb", `a\x0db`, `a\x0db`},
		{"tab and newline", "a\tb\nc", `a\x09b\x0ac`, "a\tb\nc"},
		{"byte that is not UTF-8", "a\x9bb", `a\x9bb`, `a\x9bb`},
		{"NEL", "a\u0085b", `a\u0085b`, `a\u0085b`},
		{"no-break space stays", "a\u00a0b", "a\u00a0b", "a\u00a0b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := TermText(tc.in); got != tc.text {
				t.Errorf("TermText(%q) = %q, want %q", tc.in, got, tc.text)
			}
			if got := TermMessage(tc.in); got != tc.message {
				t.Errorf("TermMessage(%q) = %q, want %q", tc.in, got, tc.message)
			}
		})
	}
}
