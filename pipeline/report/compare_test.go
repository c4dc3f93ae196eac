package report

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// side makes a period: per touchpoint, NPS ratings; each rating its own
// comment, with the theme t on the first withTheme comments.
func side(t *testing.T, byTouchpoint map[string][]int, withTheme int) *Side {
	t.Helper()
	s := NewSide(ByTouchpoint)
	i := 0
	for _, tp := range []string{"app", "hotline", "store"} {
		for _, nps := range byTouchpoint[tp] {
			theme := ""
			if i < withTheme {
				theme = `{"path":"t/child","label":"negative"}`
			}
			i++
			it, err := ParseItem([]byte(fmt.Sprintf(`{"id":"%d","touchpoint":%q,"nps":%d,"sentiment":{"label":"neutral"},"themes":[%s]}`, i, tp, nps, theme)))
			if err != nil {
				t.Fatal(err)
			}
			s.Add(it)
		}
	}
	return s
}

// TestWaterfallAddsUp: then app 4 (2 promoters, 2 detractors), hotline 6 (all
// promoters): NPS 60. Now app 8 (2 promoters, 6 detractors), hotline 2 (all
// promoters): NPS −20. By hand: app volume (0.8−0.4)·0 = 0, score 0.8·(−50−0)
// = −40; hotline volume (0.2−0.6)·100 = −40, score 0.2·(100−100) = 0; total
// −80 = −20 − 60.
func TestWaterfallAddsUp(t *testing.T) {
	then := side(t, map[string][]int{"app": {10, 9, 0, 3}, "hotline": {9, 9, 10, 10, 9, 10}}, 0)
	now := side(t, map[string][]int{"app": {10, 9, 0, 3, 2, 1, 5, 6}, "hotline": {9, 10}}, 0)
	ch := Compare(then, now, 1)
	// The ids are the segment's comments now (side numbers them from 1).
	want := []WaterfallStep{{"app", 0, -40, IDs{8, []string{"1", "2", "3", "4", "5", "6", "7", "8"}}}, {"hotline", -40, 0, IDs{2, []string{"9", "10"}}}}
	if fmt.Sprint(ch.Waterfall) != fmt.Sprint(want) {
		t.Errorf("waterfall %v, want %v", ch.Waterfall, want)
	}
	total := 0.0
	for _, s := range ch.Waterfall {
		total += s.Volume + s.Score
	}
	if nps := ch.KPIs[0]; nps.Name != "nps" || *nps.Change != -80 || math.Abs(total-*nps.Change) > 1e-9 {
		t.Errorf("NPS change %+v, waterfall total %v", nps, total)
	}
}

// TestSpike: baseline 100 comments, 5 about t (5%); now 100 comments, 14
// about t: expected 5, P(X >= 14 | λ = 5) = 0.00067 < 0.01, 14 >= 5 and
// >= 7.5: a spike. 9 of 100 (P = 0.068) is none; nor is 4 of 20 (expected 1,
// P = 0.019) even though 4 > 1.5 × expected.
func TestSpike(t *testing.T) {
	mk := func(n, withTheme int) *Side {
		return side(t, map[string][]int{"app": make([]int, n)}, withTheme)
	}
	base := mk(100, 5)
	sp := Compare(base, mk(100, 14), 1).Spikes
	wantP := distuv.Poisson{Lambda: 5}.Survival(13)
	if len(sp) != 2 || sp[0].Count != 14 || sp[0].Expected != 5 || math.Abs(sp[0].P-wantP) > 1e-12 || wantP > 0.001 {
		t.Fatalf("spikes %+v (want t and t/child, P %v)", sp, wantP)
	}
	// The ids behind a spike: the theme's comments this period.
	if ids := sp[0].IDs; ids.Count != 14 || len(ids.IDs) != 14 || ids.IDs[0] != "1" || ids.IDs[13] != "14" {
		t.Errorf("spike ids %+v", ids)
	}
	if sp := Compare(base, mk(100, 9), 1).Spikes; len(sp) != 0 {
		t.Errorf("9 of 100 is a spike: %+v", sp)
	}
	if sp := Compare(base, mk(20, 4), 1).Spikes; len(sp) != 0 {
		t.Errorf("4 of 20 is a spike: %+v", sp)
	}
}

// TestThemeChangesBH: 5 of 100 then, 30 of 100 now is a change larger
// than noise (p < 0.0001); 5 and 7 is not; Benjamini–Hochberg marks only
// the first. Themes absent then and in 3 comments now are rare but rising.
func TestThemeChangesBH(t *testing.T) {
	then := NewSide(ByTouchpoint)
	now := NewSide(ByTouchpoint)
	add := func(s *Side, n int, themes map[string]int) {
		for i := 0; i < n; i++ {
			var ts string
			for th, k := range themes {
				if i < k {
					if ts != "" {
						ts += ","
					}
					ts += fmt.Sprintf(`{"path":%q}`, th)
				}
			}
			it, _ := ParseItem([]byte(fmt.Sprintf(`{"id":"%d","sentiment":{"label":"neutral"},"themes":[%s]}`, i, ts)))
			s.Add(it)
		}
	}
	add(then, 100, map[string]int{"a": 5, "b": 5})
	add(now, 100, map[string]int{"a": 30, "b": 7, "d": 3, "c": 3})
	ch := Compare(then, now, 1)
	got := map[string]ThemeChange{}
	for _, c := range ch.Themes {
		got[c.Theme] = c
	}
	if !got["a"].Significant || got["a"].P > 0.0001 || got["b"].Significant || got["c"].Significant || got["d"].Significant {
		t.Errorf("themes %+v", ch.Themes)
	}
	if ids := got["a"].IDs; ids.Count != 30 || len(ids.IDs) != MaxIDs || ids.IDs[0] != "0" || ids.IDs[MaxIDs-1] != "19" {
		t.Errorf("ids of a now: %+v", ids)
	}
	// Ties in the number of comments now go by theme, whatever the map's order.
	if len(ch.Rising) != 2 || ch.Rising[0].Theme != "c" || ch.Rising[1].Theme != "d" {
		t.Errorf("rising %+v", ch.Rising)
	}
}
