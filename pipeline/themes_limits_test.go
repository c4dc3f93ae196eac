package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline/text"
	"github.com/stimmung/stimmung/pipeline/themes"
)

// TestMentionsCap: a 1,000,000-byte comment had tens of thousands of
// mentions, every one of them carried through the themes stage and
// written out. Mentions keeps the first themes.MaxMentions and warns.
func TestMentionsCap(t *testing.T) {
	tx, err := themes.Load("testdata/themes-test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tagger := themes.NewTagger(tx, text.Stem)
	tests := []struct {
		name     string
		repeats  int // "Lieferung und Paket." has two mentions
		want     int
		warnings bool
	}{
		{"at the cap", themes.MaxMentions / 2, themes.MaxMentions, false},
		{"over the cap", themes.MaxMentions, themes.MaxMentions, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := analyzeWith(t, "testdata/themes-test.yaml", "de", strings.Repeat("Lieferung und Paket. ", tc.repeats))
			r.Warnings = nil
			ms := tagger.Mentions(r)
			if len(ms) != tc.want {
				t.Errorf("%d mentions, want %d", len(ms), tc.want)
			}
			if len(ms) > 0 && ms[0].First != 0 {
				t.Errorf("first mention at token %d, want the first ones kept", ms[0].First)
			}
			if got := slices.Contains(r.Warnings, themes.WarnTooManyMatches); got != tc.warnings {
				t.Errorf("warnings %q, want %s: %v", r.Warnings, themes.WarnTooManyMatches, tc.warnings)
			}
		})
	}
}

// TestThemeMatchesCap: a theme lists at most themes.MaxMatchesPerTheme
// matches, the first ones; the record says some were left out.
func TestThemeMatchesCap(t *testing.T) {
	for _, n := range []int{themes.MaxMatchesPerTheme, themes.MaxMatchesPerTheme + 50} {
		r := analyzeWith(t, "testdata/themes-test.yaml", "de", strings.Repeat("Die Lieferung. ", n))
		if len(r.Themes) != 1 || r.Themes[0].Path != "delivery" {
			t.Fatalf("%d: themes %s", n, themeSummary(r))
		}
		ms := r.Themes[0].Matches
		if len(ms) != themes.MaxMatchesPerTheme {
			t.Errorf("%d mentions: %d matches listed, want %d", n, len(ms), themes.MaxMatchesPerTheme)
		}
		if len(ms) > 0 && ms[0].Start != 4 {
			t.Errorf("%d mentions: first match at %d, want 4", n, ms[0].Start)
		}
		warned := slices.Contains(r.Warnings, themes.WarnTooManyMatches)
		if want := n > themes.MaxMatchesPerTheme; warned != want {
			t.Errorf("%d mentions: warnings %q, want %s: %v", n, r.Warnings, themes.WarnTooManyMatches, want)
		}
	}
}
