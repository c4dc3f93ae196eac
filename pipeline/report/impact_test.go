package report

import (
	"fmt"
	"testing"
)

// TestImpactInterval: 10 comments, 4 of them about theme T (0 promoters,
// 1 passive, 3 detractors), 6 not (5 promoters, 1 passive). NPS of all
// (5−3)/10 = 20, without T 5/6 = 83.333, impact −63.333 points. By hand,
// with the adjusted-Wald variances: T: n' = 7, p' = 0.75/7, d' = 3.75/7,
// Var = (4.5/7 − (3/7)²)/7 = 0.065598; rest: n' = 9, p' = 5.75/9,
// d' = 0.75/9, Var = (6.5/9 − (5/9)²)/9 = 0.045953; w = 0.4,
// Var = 0.16·0.111551 = 0.017848, se = 0.133597, ±1.959964·se = ±0.261845
// → [−89.52, −37.15].
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
	if *f.Value != -63.3333 || !near(f.Interval.Low, -89.5179, 0.001) || !near(f.Interval.High, -37.1488, 0.001) {
		t.Errorf("NPS impact %v %+v, want -63.3333 [-89.52, -37.15]", *f.Value, *f.Interval)
	}
	if figs[0].NPSNegative.Value == nil || *figs[0].NPSNegative.Value != -63.3333 || figs[0].NPSPositive.N != 0 {
		t.Errorf("by label: negative %+v positive %+v", figs[0].NPSNegative, figs[0].NPSPositive)
	}
}
