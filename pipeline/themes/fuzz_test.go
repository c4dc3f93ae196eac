package themes

import (
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// FuzzParse: any bytes give a taxonomy or an error, never a panic; a
// taxonomy that parses compiles into a tagger that can tag a record.
func FuzzParse(f *testing.F) {
	f.Add([]byte("name: t\nversion: \"1\"\nthemes:\n  - name: a\n    terms: {de: [\"liefer*\", \"*zug\", \"=ice\", \"zwei wörter\"]}\n"))
	f.Add([]byte("name: t\nversion: \"1\"\nfallback: a\nthemes:\n  - name: a\n  - name: b\n    rules: {en: [{all: [x, y], within: 2, not: [z]}]}\n"))
	f.Add([]byte("themes: [{name: a, themes: [{name: b, terms: {en: [c]}}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tx, err := Parse("f.yaml", data)
		if err != nil {
			return
		}
		tg := NewTagger(tx, lexicons.StemWord)
		r := &models.Record{Lang: "de", Text: "Lieferzug x y ICE zwei Wörter", Tokens: []models.Token{
			{Text: "Lieferzug", Start: 0, End: 9, Lower: "lieferzug", Stem: "lieferzug"},
			{Text: "x", Start: 10, End: 11, Lower: "x", Stem: "x"},
		}, Sentences: []models.Sentence{{Start: 0, End: 11, FirstToken: 0, EndToken: 2}}}
		tg.Mentions(r)
	})
}
