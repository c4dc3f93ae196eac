package report

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestNPSInterval: 6 promoters, 2 passives, 2 detractors give NPS 40; the
// adjusted-Wald interval by hand: n' = 13, p' = 6.75/13, d' = 2.75/13,
// NPS' = 4/13 = 0.307692, Var = (9.5/13 − (4/13)²)/13 = 0.0489303,
// √Var = 0.221202, ±1.959964·0.221202 = ±0.433548 → [−12.59, 74.12].
func TestNPSInterval(t *testing.T) {
	iv := NPSInterval(10, 6, 2)
	if !near(iv.Low, -12.5856, 0.001) || !near(iv.High, 74.1240, 0.001) {
		t.Errorf("NPSInterval(10, 6, 2) = %+v, want [-12.5856, 74.1240]", iv)
	}
	// All promoters: the interval stays within ±100 and excludes 100 as a
	// certainty for n = 5.
	iv = NPSInterval(5, 5, 0)
	if iv.High > 100 || iv.Low < 0 || iv.Low > 60 {
		t.Errorf("NPSInterval(5, 5, 0) = %+v", iv)
	}
	// No ratings: n' = 3, p' = d' = 0.25: centred on 0.
	iv = NPSInterval(0, 0, 0)
	if !near(iv.Low, -iv.High, 1e-9) {
		t.Errorf("NPSInterval(0, 0, 0) = %+v, want symmetric around 0", iv)
	}
}

// TestWilsonInterval: 8 of 10 satisfied. By hand with z = 1.959964:
// z² = 3.841459, centre = (0.8 + 0.192073)/1.384146 = 0.716740,
// half = 1.959964·√(0.016 + 0.0096036)/1.384146 = 0.226578 → [49.02, 94.33].
func TestWilsonInterval(t *testing.T) {
	iv := WilsonInterval(10, 8)
	if !near(iv.Low, 49.0162, 0.001) || !near(iv.High, 94.3318, 0.001) {
		t.Errorf("WilsonInterval(10, 8) = %+v, want [49.0162, 94.3318]", iv)
	}
	if iv := WilsonInterval(10, 10); iv.High != 100 || iv.Low < 60 {
		t.Errorf("WilsonInterval(10, 10) = %+v", iv)
	}
	if iv := WilsonInterval(0, 0); iv != (Interval{}) {
		t.Errorf("WilsonInterval(0, 0) = %+v", iv)
	}
}

// TestMeanInterval: CES 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance
// 32/7 = 4.571429, s/√n = 0.755929, t(0.975, 7) = 2.364624 → ±1.787484.
func TestMeanInterval(t *testing.T) {
	xs := []float64{2, 4, 4, 4, 5, 5, 7, 9}
	var s, ss float64
	for _, x := range xs {
		s += x
		ss += x * x
	}
	mean, iv, ok := MeanInterval(len(xs), s, ss)
	if !ok || mean != 5 || !near(iv.Low, 3.212516, 1e-5) || !near(iv.High, 6.787484, 1e-5) {
		t.Errorf("MeanInterval = %v %+v %v, want 5 [3.212516, 6.787484]", mean, iv, ok)
	}
	if _, _, ok := MeanInterval(1, 3, 9); ok {
		t.Error("one value gave an interval")
	}
}
