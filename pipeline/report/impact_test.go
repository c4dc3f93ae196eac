package report

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestImpactInterval: 10 comments, 4 of them about theme T (0 promoters,
// 1 passive, 3 detractors), 6 not (5 promoters, 1 passive). NPS of all
// (5−3)/10 = 20, without T 5/6 = 83.333, impact −63.333 points. By hand,
// with the delta method over the adjusted cells (¾ added to promoters and
// detractors, 1.5 to passives): T 0.75, 2.5, 3.75; rest 5.75, 2.5, 0.75;
// total 16; D(all) = 2/16 = 0.125, r = 9/16, D(rest) = 5/9; the gradients
// 0.875, −0.125, −1.125 (T) and 0.084877, 0.862654, 1.640432 (rest);
// Var = Σ π g² / 16 = 0.036248, se = 0.190389, ±1.959964·se = ±0.373156
// → [−100.65, −26.02]. (Σ π g = 0, as the method says.)
func TestImpactInterval(t *testing.T) {
	im := Impacts{}
	var all Counts
	for i, nps := range []int{3, 5, 0, 8, 10, 9, 10, 10, 9, 7} {
		theme := ""
		if i < 4 {
			theme = `{"path":"t","label":"negative"}`
		}
		it, err := ParseItem([]byte(fmt.Sprintf(`{"id":"%d","nps":%d,"themes":[%s]}`, i, nps, theme)))
		if err != nil {
			t.Fatal(err)
		}
		all.Add(it)
		im.Add(it)
	}
	figs := im.Figures(all, 1)
	if len(figs) != 1 || figs[0].Theme != "t" || figs[0].N != 4 {
		t.Fatalf("figures %+v", figs)
	}
	f := figs[0].NPS
	if *f.Value != -63.3333 || !near(f.Interval.Low, -100.6489, 0.001) || !near(f.Interval.High, -26.0178, 0.001) {
		t.Errorf("NPS impact %v %+v, want -63.3333 [-100.65, -26.02]", *f.Value, *f.Interval)
	}
	if figs[0].NPSNegative.Value == nil || *figs[0].NPSNegative.Value != -63.3333 || figs[0].NPSPositive.N != 0 {
		t.Errorf("by label: negative %+v positive %+v", figs[0].NPSNegative, figs[0].NPSPositive)
	}
}

// TestImpactIntervalCoverage measures how often the delta-method interval
// of the NPS impact holds the true impact, over 4,000 simulated surveys
// per case (a fixed seed: the figures are the same on every run). The
// true impact is w·(NPS of the theme − NPS of the rest) in the population,
// w the theme's share. A 95% interval should hold it about 95% of the
// time; the test allows 92–98%. Measured (go test -run Coverage -v):
// 93.3–94.6% for the NPS in the cases below; the interval that took the
// theme's share as fixed held it in 80.7–94.3%.
func TestImpactIntervalCoverage(t *testing.T) {
	cases := []struct {
		name         string
		n            int
		w            float64
		theme, other [2]float64 // promoter and detractor shares
		share        bool       // CSAT satisfied: promoters are the satisfied
	}{
		{"common theme, 400 comments", 400, 0.2, [2]float64{0.2, 0.5}, [2]float64{0.5, 0.2}, false},
		{"rare theme, 300 comments", 300, 0.1, [2]float64{0.1, 0.7}, [2]float64{0.45, 0.25}, false},
		{"no effect, 1000 comments", 1000, 0.3, [2]float64{0.4, 0.3}, [2]float64{0.4, 0.3}, false},
		{"small survey, 120 comments", 120, 0.3, [2]float64{0.3, 0.4}, [2]float64{0.6, 0.1}, false},
		{"CSAT satisfied, 200 comments", 200, 0.15, [2]float64{0.4, 0}, [2]float64{0.75, 0}, true},
	}
	rng := rand.New(rand.NewPCG(13, 2026))
	for _, c := range cases {
		truth := 100 * c.w * ((c.theme[0] - c.theme[1]) - (c.other[0] - c.other[1]))
		held, runs := 0, 4000
		for range runs {
			var N, P, D, n, p, d int
			for range c.n {
				g, inTheme := c.other, rng.Float64() < c.w
				if inTheme {
					g = c.theme
				}
				u := rng.Float64()
				prom, det := u < g[0], u >= g[0] && u < g[0]+g[1]
				N++
				if prom {
					P++
				}
				if det {
					D++
				}
				if inTheme {
					n++
					if prom {
						p++
					}
					if det {
						d++
					}
				}
			}
			f := diffImpact(N, P, D, n, p, d, 1)
			if c.share {
				f = shareImpact(N, P, n, p, 1)
			}
			if f.Interval != nil && f.Interval.Low <= truth && truth <= f.Interval.High {
				held++
			}
		}
		cover := float64(held) / float64(runs)
		t.Logf("%s: impact %.1f points, the 95%% interval held it in %.1f%% of %d surveys", c.name, truth, 100*cover, runs)
		if cover < 0.92 || cover > 0.98 {
			t.Errorf("%s: coverage %.3f, want about 0.95", c.name, cover)
		}
	}
}
