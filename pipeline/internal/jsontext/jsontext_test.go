package jsontext

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAppendString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Lieferung", `"Lieferung"`},
		{"quotes and backslash", `a "b" \c`, `"a \"b\" \\c"`},
		{"line breaks and tab", "a\nb\r\tc", `"a\nb\r\tc"`},
		{"control", "a\x01b", `"a\u0001b"`},
		{"umlaut and emoji kept", "spät 😡", `"spät 😡"`},
		{"invalid utf-8 replaced", "a\xffb", `"a\ufffdb"`},
		{"line separators escaped", "a\u2028b\u2029", `"a\u2028b\u2029"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(AppendString(nil, tc.in)); got != tc.want {
				t.Errorf("AppendString(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzRoundTrip: what AppendString writes is valid JSON that encoding/json
// and Unquote both decode to the input (invalid UTF-8 as U+FFFD).
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\x00\x1f", "spät\u2028", "\xff\xfe", `\u00e4`, "😡😡"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc := AppendString(nil, s)
		var viaStd string
		if err := json.Unmarshal(enc, &viaStd); err != nil {
			t.Fatalf("invalid JSON %s: %v", enc, err)
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if viaStd != want && !strings.Contains(s, "\uFFFD") {
			// ToValidUTF8 folds a run of bad bytes into one U+FFFD; JSON
			// replaces each bad byte. Compare with encoding/json instead.
			std, _ := json.Marshal(s)
			var again string
			json.Unmarshal(std, &again)
			if viaStd != again {
				t.Fatalf("decoded %q, encoding/json gives %q", viaStd, again)
			}
		}
		got, ok := Unquote(enc)
		if !ok || got != viaStd {
			t.Fatalf("Unquote(%s) = %q, %v; encoding/json gives %q", enc, got, ok, viaStd)
		}
	})
}
