package index

import (
	"slices"
	"testing"
)

func TestSplitCompounds(t *testing.T) {
	s := defaultSplitter()
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"lieferverzögerung", []string{"verzögerung", "lieferung"}},
		{"lieferverzögerungen", []string{"verzögerung", "lieferung"}},
		{"kundenservicemitarbeiter", []string{"mitarbeiter", "service", "kunde", "kundenservice"}},
		{"servicemitarbeiterin", []string{"mitarbeiter", "service"}},
		{"zugverspätung", []string{"verspätung", "zug"}},
		{"bestellungsnummer", []string{"nummer", "bestellung"}},
		{"liefer-verzögerung", []string{"verzögerung", "lieferung"}},
		{"verzögerung", nil}, // a word of the list, not a compound
		{"verzug", nil},      // ver- is a prefix, not a word
		{"passagiere", nil},
		{"empfehlenswert", nil},
		{"herunterladen", nil},
	} {
		got := s.split(tt.word, nil)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", tt.word, got, want)
		}
	}
}
