package learn

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// cuts are the cut points of the cumulative-logit model in lexicon units:
// a comment whose sum u is below lo leans negative, above hi positive.
// Without ordinal there is one cut, at 0, and no neutral class.
type cuts struct {
	lo, hi  float64
	ordinal bool
}

// loss returns −log P(class | u) at scale s, and its derivative by u.
func (c cuts) loss(class int8, u, s float64) (float64, float64) {
	if !c.ordinal {
		z := s * u
		if class == Positive {
			return -logSigmoid(z), -s * sigmoid(-z)
		}
		return -logSigmoid(-z), s * sigmoid(z)
	}
	a, b := s*(c.hi-u), s*(c.lo-u)
	switch class {
	case Negative:
		return -logSigmoid(b), s * sigmoid(-b)
	case Positive:
		return -logSigmoid(-a), -s * sigmoid(a)
	}
	// P(neutral) = σ(a) − σ(b) = σ(a)·σ(−b)·(1 − e^(b−a)), in logs.
	gap := s * (c.hi - c.lo)
	return -(logSigmoid(a) + logSigmoid(-b) + math.Log(-math.Expm1(-gap))), s * (sigmoid(-a) - sigmoid(b))
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// logSigmoid is log σ(x), without overflow.
func logSigmoid(x float64) float64 {
	if x >= 0 {
		return -math.Log1p(math.Exp(-x))
	}
	return x - math.Log1p(math.Exp(x))
}

// sums returns each comment's sum under weights w (offset included).
func (d *data) sums(w []float64, u []float64) []float64 {
	u = u[:0]
	for i := range d.n() {
		v := d.off[i]
		for j := d.start[i]; j < d.start[i+1]; j++ {
			v += w[d.col[j]] * d.val[j]
		}
		u = append(u, v)
	}
	return u
}

// fitScale fits the logit of one lexicon unit on the current lexicon: the
// slope that makes the prior weights predict the classes best.
func fitScale(d *data, keys []key, c cuts) float64 {
	w := make([]float64, len(keys))
	for k, ky := range keys {
		w[k] = ky.prior
	}
	u := d.sums(w, nil)
	f := func(x []float64) float64 {
		s := math.Exp(x[0])
		total := 0.0
		for i, ui := range u {
			l, _ := c.loss(d.class[i], ui, s)
			total += l
		}
		return total
	}
	res, err := optimize.Minimize(optimize.Problem{Func: f}, []float64{math.Log(0.5)}, &optimize.Settings{MajorIterations: 200}, &optimize.NelderMead{})
	if err != nil && res == nil {
		return 0.5
	}
	return min(max(math.Exp(res.X[0]), minScale), 5)
}

// fitLR fits the weights by maximum a posteriori: the cumulative-logit
// likelihood of the classes, with a Gaussian prior on each weight at its
// lexicon weight whose precision equals about prior comments' worth of
// evidence (s²/4 per comment).
func fitLR(d *data, keys []key, s, prior float64, c cuts) ([]float64, error) {
	lambda := prior * s * s / 4
	p := make([]float64, len(keys))
	for k, ky := range keys {
		p[k] = ky.prior
	}
	u := make([]float64, 0, d.n())
	du := make([]float64, d.n())
	eval := func(w, grad []float64) float64 {
		u = d.sums(w, u)
		total := 0.0
		for i, ui := range u {
			l, g := c.loss(d.class[i], ui, s)
			total += l
			du[i] = g
		}
		for k := range w {
			diff := w[k] - p[k]
			total += lambda / 2 * diff * diff
		}
		if grad != nil {
			for k := range grad {
				grad[k] = lambda * (w[k] - p[k])
			}
			for i := range d.n() {
				for j := d.start[i]; j < d.start[i+1]; j++ {
					grad[d.col[j]] += du[i] * d.val[j]
				}
			}
		}
		return total
	}
	prob := optimize.Problem{
		Func: func(w []float64) float64 { return eval(w, nil) },
		Grad: func(grad, w []float64) { eval(w, grad) },
	}
	settings := &optimize.Settings{
		MajorIterations:   2000,
		GradientThreshold: 1e-6 * float64(max(d.n(), 1)),
		Converger:         &optimize.FunctionConverge{Relative: 1e-10, Iterations: 50},
	}
	res, err := optimize.Minimize(prob, p, settings, &optimize.LBFGS{})
	if err != nil && (res == nil || !acceptable(err)) {
		return nil, fmt.Errorf("fit: %w", err)
	}
	w := res.X
	for k := range w {
		w[k] = min(max(w[k], -4), 4)
	}
	return w, nil
}

// acceptable: L-BFGS may stop in a line search that cannot improve any
// more at a flat optimum; the location is still the best found.
func acceptable(err error) bool {
	var ls optimize.ErrFunc
	return errors.Is(err, optimize.ErrLinesearcherFailure) || errors.As(err, &ls) || errors.Is(err, optimize.ErrNoProgress)
}

// fitLogOdds estimates each weight as the log-odds ratio of its
// rule-weighted occurrences in positive and in negative comments, with an
// informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin'
// Words", eq. 16, in its rate form: a word's share of all occurrences is
// small). An occurrence with multiplier m counts m towards its comment's
// class; negated (m < 0), it counts |m| towards the other class. The prior
// adds prior pseudo-occurrences per word, split between the classes so
// that a word without data keeps its lexicon weight: α+/α− =
// (n+/n−)·e^(s·prior weight). The weight is δ/s.
func fitLogOdds(d *data, keys []key, s, prior float64) []float64 {
	pos := make([]float64, len(keys))
	neg := make([]float64, len(keys))
	for i := range d.n() {
		for j := d.start[i]; j < d.start[i+1]; j++ {
			k, m := d.col[j], d.val[j]
			toPos := (m > 0) == (d.class[i] == Positive)
			if toPos {
				pos[k] += math.Abs(m)
			} else {
				neg[k] += math.Abs(m)
			}
		}
	}
	var nPos, nNeg float64
	for k := range keys {
		nPos += pos[k]
		nNeg += neg[k]
	}
	if nPos == 0 || nNeg == 0 {
		nPos, nNeg = 1, 1
	}
	share := nPos / (nPos + nNeg)
	base := math.Log(nPos / nNeg)
	w := make([]float64, len(keys))
	for k, ky := range keys {
		if ky.fixed {
			continue
		}
		ep, en := share*math.Exp(s*ky.prior/2), (1-share)*math.Exp(-s*ky.prior/2)
		aPos, aNeg := prior*ep/(ep+en), prior*en/(ep+en)
		delta := math.Log((pos[k]+aPos)/(neg[k]+aNeg)) - base
		w[k] = min(max(delta/s, -4), 4)
	}
	return w
}

// minScale bounds the fitted scale from below: on data that contradicts
// the lexicon the slope goes towards 0, and a prior of a given strength in
// comments would then let every comment move a weight by 4/(prior·scale)
// lexicon units.
const minScale = 0.25
