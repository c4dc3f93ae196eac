package text

import (
	"fmt"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	def := NormalizeOptions{Form: norm.NFC, HTMLEntities: true, CollapseWhitespace: true}
	tests := []struct {
		name string
		in   string
		o    NormalizeOptions
		want string
	}{
		{"clean ascii unchanged", "Fast delivery, thanks!", def, "Fast delivery, thanks!"},
		{"clean german unchanged", "Verspätung in München", def, "Verspätung in München"},
		{"NFD to NFC", "Verspa\u0308tung", def, "Verspätung"},
		{"NFKC folds ligature", "ﬁne ｆｕｌｌ", NormalizeOptions{Form: norm.NFKC}, "fine full"},
		{"NFC keeps ligature", "ﬁne", def, "ﬁne"},
		{"html entities", "Preis &amp; Leistung &uuml;berzeugt &#39;top&#39;", def, "Preis & Leistung überzeugt 'top'"},
		{"html entities off", "a &amp; b", NormalizeOptions{Form: norm.NFC}, "a &amp; b"},
		{"control characters dropped", "gut\x00\x07 so\u200b!", def, "gut so!"},
		{"bidi and soft hyphen dropped", "\u202aLiefer\u00adung\u202c", def, "Lieferung"},
		{"zwj kept for emoji", "👨\u200d👩\u200d👧 top", def, "👨\u200d👩\u200d👧 top"},
		{"bom inside dropped", "\ufeffHallo", def, "Hallo"},
		{"spaces collapsed and trimmed", "  zu   langsam \t und  teuer  ", def, "zu langsam und teuer"},
		{"crlf to lf", "Zeile eins\r\nZeile zwei", def, "Zeile eins\nZeile zwei"},
		{"blank lines collapse to one break", "eins\n\n\n  zwei", def, "eins\nzwei"},
		{"no collapse keeps inner spacing", "a  b\n\nc", NormalizeOptions{Form: norm.NFC}, "a  b\n\nc"},
		{"nbsp is space", "sehr\u00a0gut", def, "sehr gut"},
		{"only whitespace becomes empty", " \t\r\n\u200b ", def, ""},
		{"empty", "", def, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in, tc.o); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNormalizeCleanDoesNotAllocate(t *testing.T) {
	o := NormalizeOptions{Form: norm.NFC, HTMLEntities: true, CollapseWhitespace: true}
	s := "Die Lieferung kam drei Tage zu spät, und niemand hat sich gemeldet. Sehr ärgerlich!"
	if n := testing.AllocsPerRun(100, func() { Normalize(s, o) }); n != 0 {
		t.Errorf("clean text: %v allocations, want 0", n)
	}
}

func TestLowerAndStem(t *testing.T) {
	tests := []struct{ lang, word, lower, stem string }{
		{"de", "Verspätungen", "verspätungen", "verspat"},
		{"de", "ÄRGERLICH", "ärgerlich", "arg"},
		{"de", "freundlich", "freundlich", "freundlich"},
		{"en", "Delivered", "delivered", "deliv"},
		{"en", "was", "was", "was"},
		{"en", "can't", "can't", "can't"},
		{"fr", "Retards", "retards", "retards"},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.word, func(t *testing.T) {
			lower := Lower(tc.word)
			if lower != tc.lower {
				t.Errorf("Lower(%q) = %q, want %q", tc.word, lower, tc.lower)
			}
			if got := Stem(tc.lang, lower); got != tc.stem {
				t.Errorf("Stem(%s, %q) = %q, want %q", tc.lang, lower, got, tc.stem)
			}
		})
	}
}

func TestStemmerCacheAgreesAndIsBounded(t *testing.T) {
	s := NewStemmer(64)
	words := []string{"verspätungen", "lieferung", "die", "delivered", "freundlich"}
	for range 3 {
		for _, w := range words {
			for _, lang := range []string{"de", "en", "fr"} {
				if got, want := s.Stem(lang, w), Stem(lang, w); got != want {
					t.Errorf("cached Stem(%s, %s) = %q, want %q", lang, w, got, want)
				}
			}
		}
	}
	for i := range 10000 {
		s.Stem("de", fmt.Sprintf("wort%d", i))
	}
	total := 0
	for i := range s.shards {
		total += len(s.shards[i].m)
	}
	if total > 2*(64+stemShards) {
		t.Errorf("cache holds %d words, bound is about 2×64", total)
	}
}

func TestTokenizeSentences(t *testing.T) {
	s := "Gut so. Aber teuer!"
	sents := SplitSentences(s, "de", nil)
	toks := TokenizeSentences(s, sents, nil)
	if len(sents) != 2 || sents[0].FirstToken != 0 || sents[0].EndToken != 3 || sents[1].FirstToken != 3 || sents[1].EndToken != len(toks) {
		t.Fatalf("sentences %+v, %d tokens", sents, len(toks))
	}
	for _, tk := range toks {
		if s[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q at %d-%d does not match the text", tk.Text, tk.Start, tk.End)
		}
	}
}
