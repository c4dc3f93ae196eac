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

// TestSpecial8 holds the word-at-a-time test equal to the byte test for
// every byte value at every position.
func TestSpecial8(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			var w [8]byte
			for i := range w {
				w[i] = 'a'
			}
			w[pos] = byte(c)
			x := uint64(0)
			for i := 7; i >= 0; i-- {
				x = x<<8 | uint64(w[i])
			}
			want := c < 0x20 || c == '"' || c == '\\'
			if got := special8(x); got != want {
				t.Fatalf("byte %#x at %d: special8 %v, want %v", c, pos, got, want)
			}
		}
	}
	// Neighbours that borrow: 0x00 next to 0x01, and 0x20/0x21 runs.
	for _, w := range []uint64{0x2121212121212121, 0x2020202020202020, 0xffffffffffffffff, 0x8080808080808080, 0x2322232223222322} {
		var want bool
		for i := 0; i < 8; i++ {
			c := byte(w >> (8 * i))
			want = want || c < 0x20 || c == '"' || c == '\\'
		}
		if got := special8(w); got != want {
			t.Errorf("%#x: special8 %v, want %v", w, got, want)
		}
	}
}

// scanStringBytes is ScanString's plain-content loop a byte at a time,
// the baseline of BenchmarkScanString.
func scanStringBytes(b []byte, i int) int {
	i++
	for i < len(b) && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\' {
		i++
	}
	return i + 1
}

// BenchmarkScanString skips a 200-byte comment with umlauts, by words
// (ScanString) and by bytes (the baseline), in one run.
func BenchmarkScanString(b *testing.B) {
	s := []byte(`"` + strings.Repeat("Die Lieferung kam zu spät, schade – äöü ", 5) + `"`)
	b.Run("words", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			if end, _, ok := ScanString(s, 0); !ok || end != len(s) {
				b.Fatal(end, ok)
			}
		}
	})
	b.Run("bytes", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			if end := scanStringBytes(s, 0); end != len(s) {
				b.Fatal(end)
			}
		}
	})
}
