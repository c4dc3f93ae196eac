package lexicons

import (
	"strings"
	"testing"
)

func TestStopwords(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"de", []string{"der", "und", "nicht", "mal", "halt", "eigentlich", "würde", "gibt's", "zwei"}},
		{"en", []string{"the", "and", "not", "just", "really", "actually", "don't", "dont", "would"}},
	} {
		sw := Stopwords(tc.lang)
		if n := len(sw); n < 200 || n > 400 {
			t.Errorf("%s: %d stop words, want 200 to 400", tc.lang, n)
		}
		for _, w := range tc.want {
			if !sw[w] {
				t.Errorf("%s: %q is not a stop word", tc.lang, w)
			}
		}
		data, err := stopwordsFS.ReadFile("stopwords/" + tc.lang + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			switch {
			case line != strings.TrimSpace(line) || line == "" || strings.ContainsAny(line, " \t’"):
				t.Errorf("%s.txt:%d: %q: want one word, no spaces, straight apostrophes", tc.lang, i+1, line)
			case line != strings.ToLower(line):
				t.Errorf("%s.txt:%d: %q is not lower case", tc.lang, i+1, line)
			case seen[line] > 0:
				t.Errorf("%s.txt:%d: %q is listed at line %d too", tc.lang, i+1, line, seen[line])
			}
			seen[line] = i + 1
		}
	}
	// Content words must never be stop words.
	for lang, words := range map[string][]string{"de": {"lieferung", "akku", "preis", "app"}, "en": {"delivery", "battery", "price", "app"}} {
		for _, w := range words {
			if Stopwords(lang)[w] {
				t.Errorf("%s: content word %q is a stop word", lang, w)
			}
		}
	}
	if len(Stopwords("fr")) != 0 {
		t.Error("Stopwords(fr) is not empty")
	}
	// Each call gives a map of its own.
	a := Stopwords("de")
	delete(a, "der")
	if !Stopwords("de")["der"] {
		t.Error("changing one result changed the next")
	}
}
