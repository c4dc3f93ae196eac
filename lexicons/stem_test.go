package lexicons_test

import (
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline/text"
)

// The lexicon keys stem entries with lexicons.StemWord; the pipeline stems
// tokens with text.Stem. They must agree, or stem entries never match.
func TestStemWordAgreesWithPipeline(t *testing.T) {
	for _, lang := range lexicons.Languages {
		lx, err := lexicons.Builtin(lang)
		if err != nil {
			t.Fatal(err)
		}
		words := []string{"verspätungen", "schöne", "was", "has", "crashed", "delays", "lately", "freundlichkeit"}
		for _, e := range lx.Stems {
			words = append(words, e.Term)
		}
		for w := range lx.Words {
			words = append(words, w)
		}
		for _, w := range words {
			if a, b := lexicons.StemWord(lang, w), text.Stem(lang, w); a != b {
				t.Errorf("%s %q: lexicons.StemWord %q, text.Stem %q", lang, w, a, b)
			}
		}
	}
}
