package sentiment

import (
	"math"
	"slices"
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// FuzzScore runs the built-in lexicons over arbitrary text: no panic, scores
// finite and in [-1, 1], shares summing to 1, a known label, and every
// explained contribution inside the text.
func FuzzScore(f *testing.F) {
	lex := map[string]*lexicons.Lexicon{}
	for _, lang := range []string{"de", "en"} {
		lx, err := lexicons.Builtin(lang)
		if err != nil {
			f.Fatal(err)
		}
		lex[lang] = lx
	}
	sc := New(lex, DefaultRules(), text.Stem)
	for _, s := range []string{
		"Die Lieferung kam nicht pünktlich, aber der Service war top",
		"Das gefällt mir nicht!!! 😡😡 ÄRGERLICH", "weder schnell noch freundlich, obwohl teuer",
		"I can't believe it, never again :-( but the staff was VERY friendly <3",
		"nicht nicht nicht kein kein aber aber", "Lieferverzögerungsunfreundlichkeit", "!!!???", "",
	} {
		f.Add(s, "de")
		f.Add(s, "en")
	}
	labels := []string{models.Positive, models.Negative, models.Neutral, models.Mixed}
	f.Fuzz(func(t *testing.T, s, lang string) {
		r := prepare(s, lang)
		sc.Score(r, &models.Analysis{}, nil, true)
		st := r.Sentiment
		if st == nil {
			t.Fatal("no sentiment")
		}
		for _, v := range []float64{st.Score, st.Positive, st.Negative, st.Neutral} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("not finite: %+v", st)
			}
		}
		if st.Score < -1 || st.Score > 1 {
			t.Fatalf("score %v out of range", st.Score)
		}
		if sum := st.Positive + st.Negative + st.Neutral; math.Abs(sum-1) > 0.002 {
			t.Fatalf("shares sum to %v: %+v", sum, st)
		}
		if !slices.Contains(labels, st.Label) {
			t.Fatalf("label %q", st.Label)
		}
		if len(r.SentenceSentiments) != len(r.Sentences) {
			t.Fatalf("%d sentence scores for %d sentences", len(r.SentenceSentiments), len(r.Sentences))
		}
		for _, ss := range r.SentenceSentiments {
			if ss.Score < -1 || ss.Score > 1 || math.IsNaN(ss.Score) {
				t.Fatalf("sentence score %v", ss.Score)
			}
		}
		for _, c := range r.Explain {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || s[c.Start:c.End] != c.Text {
				t.Fatalf("contribution %+v outside the text", c)
			}
			if math.IsNaN(c.Final) || math.IsInf(c.Final, 0) {
				t.Fatalf("contribution %+v not finite", c)
			}
		}
	})
}
