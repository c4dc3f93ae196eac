package report

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// z95 is the standard normal quantile of a two-sided 95% interval.
const z95 = 1.959963984540054

// Interval is a figure's 95% interval, in the figure's unit.
type Interval struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// NPSInterval is the adjusted-Wald interval of a net promoter score, in
// points (−100..100), from n ratings with p promoters and d detractors:
// add 3 to n and ¾ to the promoters and to the detractors, then take the
// Wald interval of the difference of the two shares,
//
//	NPS' = p' − d',  Var = (p' + d' − NPS'²) / n',  NPS' ± z·√Var.
//
// Source: J. Rocks, "Interval Estimation for the 'Net Promoter Score'",
// The American Statistician 70 (4), 2016, 365–372, which finds this
// adjustment to cover at the nominal level also for small n and extreme
// scores, where the plain Wald interval does not.
func NPSInterval(n, p, d int) Interval {
	nn := float64(n) + 3
	pp := (float64(p) + 0.75) / nn
	dd := (float64(d) + 0.75) / nn
	nps := pp - dd
	se := math.Sqrt((pp + dd - nps*nps) / nn)
	return Interval{Low: 100 * max(-1, nps-z95*se), High: 100 * min(1, nps+z95*se)}
}

// WilsonInterval is the Wilson score interval of a share of k out of n, in
// percent. Source: E. B. Wilson, "Probable Inference, the Law of
// Succession, and Statistical Inference", JASA 22 (158), 1927, 209–212;
// unlike the Wald interval it stays within 0..100 and does not collapse at
// 0 or n.
func WilsonInterval(n, k int) Interval {
	if n == 0 {
		return Interval{}
	}
	nn, p := float64(n), float64(k)/float64(n)
	z2 := z95 * z95
	center := (p + z2/(2*nn)) / (1 + z2/nn)
	half := z95 * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn)) / (1 + z2/nn)
	return Interval{Low: 100 * max(0, center-half), High: 100 * min(1, center+half)}
}

// MeanInterval is the mean of n values with sum s and sum of squares ss,
// with its t-interval (Student's t with n−1 degrees of freedom), for a CES
// or a CSAT mean. n must be at least 2 for an interval.
func MeanInterval(n int, s, ss float64) (mean float64, iv Interval, ok bool) {
	if n < 2 {
		if n == 1 {
			return s, Interval{s, s}, false
		}
		return 0, Interval{}, false
	}
	nn := float64(n)
	mean = s / nn
	variance := max(0, (ss-nn*mean*mean)/(nn-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nn - 1}.Quantile(0.975)
	half := t * math.Sqrt(variance/nn)
	return mean, Interval{mean - half, mean + half}, true
}
