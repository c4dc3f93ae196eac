package lexicons

import (
	"fmt"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	de, err := Builtin("de")
	if err != nil {
		t.Fatal(err)
	}
	en, err := Builtin("en")
	if err != nil {
		t.Fatal(err)
	}
	describe := func(es []Entry) string {
		var parts []string
		for _, e := range es {
			s := fmt.Sprintf("%s %s %g", e.Kind, e.Term, e.Weight)
			if e.Kind == Polarity {
				s += " " + e.Match.String()
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "; ")
	}
	tests := []struct {
		name string
		lx   *Lexicon
		word string
		stem string
		want []string // substrings of describe(), in order
	}{
		{"stem entry for an inflection", de, "Verspätungen", "", []string{"polarity verspätung -1.5 stem"}},
		{"exact and stem", de, "schön", "", []string{"polarity schön 2.2 exact"}},
		{"phrases starting with the word", de, "zu", "", []string{"phrase zu wünschen übrig", "modifier zu 0.293"}},
		{"negator", de, "nicht", "", []string{"negator nicht -0.74"}},
		{"contrast", de, "aber", "", []string{"contrast aber 0.5"}},
		{"separable verb form", de, "abgestürzt", "", []string{"separable abstürzen"}},
		{"compound modifier", de, "traum", "", []string{"compound_modifier traum 2"}},
		{"word list", de, "leider", "", []string{"list leider"}},
		{"multi-word modifier by its first word", de, "ein", "", []string{"modifier ein bisschen -0.293", "modifier ein wenig -0.293"}},
		{"a phrase", en, "Waste  of money", "", []string{"phrase waste of money -3"}},
		{"a multi-word modifier", en, "kind of", "", []string{"modifier kind of -0.293"}},
		{"neutralized word", en, "help", "", []string{"polarity help 0 exact"}},
		{"stem given by the caller", en, "crashed", "crash", []string{"polarity crash -1.9 stem"}},
		{"emoji with skin tone", en, "👍🏽", "", []string{"emoji 👍 2"}},
		{"emoticon", en, ":-)))", "", []string{"emoji :-))) 2.4"}},
		{"emoticon with a long repetition", en, ":-((((((((", "", []string{"emoji :-(((( -2.4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.lx.Lookup(tt.word, tt.stem))
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("Lookup(%q) = %s\nwant %q (in this order: %q)", tt.word, got, w, tt.want)
				}
				rest = rest[i+len(w):]
			}
		})
	}
	if got := de.Lookup("  ", ""); got != nil {
		t.Errorf("blank word: %v", got)
	}
	if got := de.Lookup("klimaanlage", ""); len(got) != 0 {
		t.Errorf("klimaanlage: %s", describe(got))
	}
}
