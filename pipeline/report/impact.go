package report

import (
	"math"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/models"
)

// ThemeCounts are the counts of the comments that mention one theme (or
// one of its children): all of them, and those whose mention of it is
// negative and positive; and the ids behind each.
type ThemeCounts struct {
	All      Counts   `json:"all"`
	Negative Counts   `json:"negative"`
	Positive Counts   `json:"positive"`
	IDs      ThemeIDs `json:"ids"`
}

// Impacts collects, per theme, the counts that theme impact is made of.
type Impacts map[string]*ThemeCounts

// Add counts a record under each theme it mentions and their parents; the
// label of a parent is that of its most negative child mention.
func (im Impacts) Add(it Item) {
	// A record names a handful of themes: a list on the stack finds each
	// theme's label faster than a map, and allocates nothing.
	var buf [16]struct{ theme, label string }
	labels := buf[:0]
	for i, p := range it.Themes {
		label := ""
		if i < len(it.ThemeLabels) {
			label = it.ThemeLabels[i]
		}
		for j := len(p); j > 0; j = strings.LastIndexByte(p[:j], '/') {
			k := p[:j]
			at := -1
			for x := range labels {
				if labels[x].theme == k {
					at = x
					break
				}
			}
			if at < 0 {
				labels = append(labels, struct{ theme, label string }{k, label})
			} else if old := labels[at].label; old != models.Negative && label == models.Negative || old == "" {
				labels[at].label = label
			}
		}
	}
	for _, l := range labels {
		tc := im[l.theme]
		if tc == nil {
			tc = &ThemeCounts{}
			im[l.theme] = tc
		}
		tc.All.Add(it)
		tc.IDs.Comments.Add(it.ID)
		switch l.label {
		case models.Negative:
			tc.Negative.Add(it)
			tc.IDs.Negative.Add(it.ID)
		case models.Positive:
			tc.Positive.Add(it)
			tc.IDs.Positive.Add(it.ID)
		}
	}
}

// Merge adds the counts of o.
func (im Impacts) Merge(o Impacts) {
	for k, tc := range o {
		m := im[k]
		if m == nil {
			m = &ThemeCounts{}
			im[k] = m
		}
		m.All.Merge(tc.All)
		m.Negative.Merge(tc.Negative)
		m.Positive.Merge(tc.Positive)
		m.IDs.Merge(tc.IDs)
	}
}

// ThemeImpact is how much a theme moves the figures: the figure of all
// comments minus the figure of all comments without those that mention
// the theme (the definition common among CX tools). A negative NPS impact
// is a theme that drags the NPS down.
type ThemeImpact struct {
	Theme string `json:"theme"`
	N     int    `json:"n"`
	// NPS impact of all mentions, of the negative and of the positive
	// mentions; net sentiment and CSAT-satisfied impact of all mentions.
	NPS          Figure `json:"nps"`
	NPSNegative  Figure `json:"nps_negative"`
	NPSPositive  Figure `json:"nps_positive"`
	NetSentiment Figure `json:"net_sentiment"`
	CSAT         Figure `json:"csat_satisfied"`
	// IDs are the comments behind the row: all that mention the theme
	// (N), and those whose mention is negative and positive (all of them,
	// also those without an NPS).
	IDs ThemeIDs `json:"ids"`
}

// Figures lists the themes' impacts on the figures of all, the NPS impact
// that drags most first (ties by theme); a theme's impacts rest on its n
// and are null below minN.
func (im Impacts) Figures(all Counts, minN int) []ThemeImpact {
	if minN <= 0 {
		minN = DefaultMinN
	}
	out := make([]ThemeImpact, 0, len(im))
	for k, tc := range im {
		out = append(out, ThemeImpact{
			Theme:        k,
			N:            tc.All.Records,
			NPS:          npsImpact(all, tc.All, minN),
			NPSNegative:  npsImpact(all, tc.Negative, minN),
			NPSPositive:  npsImpact(all, tc.Positive, minN),
			NetSentiment: diffImpact(all.Scored, all.Positive, all.Negative, tc.All.Scored, tc.All.Positive, tc.All.Negative, minN),
			CSAT:         shareImpact(all.CSATN, all.CSATSatisfied, tc.All.CSATN, tc.All.CSATSatisfied, minN),
			IDs:          tc.IDs,
		})
	}
	key := func(t ThemeImpact) float64 {
		if t.NPS.Value == nil {
			return math.Inf(1)
		}
		return *t.NPS.Value
	}
	slices.SortFunc(out, func(a, b ThemeImpact) int {
		if ka, kb := key(a), key(b); ka != kb {
			if ka < kb {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Theme, b.Theme)
	})
	return out
}

func npsImpact(all, theme Counts, minN int) Figure {
	n := theme.Promoters + theme.Passives + theme.Detractors
	N := all.Promoters + all.Passives + all.Detractors
	return diffImpact(N, all.Promoters, all.Detractors, n, theme.Promoters, theme.Detractors, minN)
}

// diffImpact is the impact on a difference of two shares (NPS, net
// sentiment) of n of the N items, with p and d of them in the two groups:
// D(all) − D(rest). Interval: with w = n/N taken as fixed, the impact is
// w·(D(theme) − D(rest)); theme and rest are disjoint, so its variance is
// w²·(Var D(theme) + Var D(rest)), each the adjusted-Wald variance of a
// difference of two shares of one sample (as NPSInterval: ¾ added to p and
// d and 3 to n; the plain Wald variance is 0 for a theme whose few
// comments are all promoters, which gave impossibly narrow intervals).
// A normal approximation, checked against TestImpactInterval's hand
// computation.
func diffImpact(N, P, D, n, p, d, minN int) Figure {
	if n < minN || n == 0 || n >= N {
		return Figure{N: n, BelowMinN: n < minN || n == 0}
	}
	rest := N - n
	dAll := float64(P-D) / float64(N)
	dRest := float64((P-p)-(D-d)) / float64(rest)
	w := float64(n) / float64(N)
	v := w * w * (waldDiffVar(n, p, d) + waldDiffVar(rest, P-p, D-d))
	impact := 100 * (dAll - dRest)
	half := 100 * z95 * math.Sqrt(v)
	iv := Interval{round4(impact - half), round4(impact + half)}
	impact = round4(impact)
	return Figure{Value: &impact, Interval: &iv, N: n}
}

// shareImpact is the impact on a share (CSAT satisfied): k of n items of
// the theme, K of N of all; the same approach with the Wald variance of
// one share (Wilson's adjustment, z²/2 added to k and z² to n, for the
// same reason).
func shareImpact(N, K, n, k, minN int) Figure {
	if n < minN || n == 0 || n >= N {
		return Figure{N: n, BelowMinN: n < minN || n == 0}
	}
	rest := N - n
	sAll := float64(K) / float64(N)
	sRest := float64(K-k) / float64(rest)
	w := float64(n) / float64(N)
	z2 := z95 * z95
	nt, nr := float64(n)+z2, float64(rest)+z2
	pt, pr := (float64(k)+z2/2)/nt, (float64(K-k)+z2/2)/nr
	v := w * w * (pt*(1-pt)/nt + pr*(1-pr)/nr)
	impact := 100 * (sAll - sRest)
	half := 100 * z95 * math.Sqrt(v)
	iv := Interval{round4(impact - half), round4(impact + half)}
	impact = round4(impact)
	return Figure{Value: &impact, Interval: &iv, N: n}
}

func waldDiffVar(n, p, d int) float64 {
	nn := float64(n) + 3
	pp, dd := (float64(p)+0.75)/nn, (float64(d)+0.75)/nn
	return (pp + dd - (pp-dd)*(pp-dd)) / nn
}
