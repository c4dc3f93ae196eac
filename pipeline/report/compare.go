package report

import (
	"maps"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Side is one period of a comparison: its counts, how many of its
// comments mention each theme (or a child) and their ids, and its segments
// for the waterfall (a partition of the comments: touchpoint, lang or a
// column).
type Side struct {
	Counts   Counts          `json:"counts"`
	Themes   map[string]*IDs `json:"themes"`
	Segments *Breakdown      `json:"segments"`
	keys     []string        // Add's buffer of a record's themes
}

// Merge adds a later part's counts of the same period.
func (s *Side) Merge(o *Side) {
	s.Counts.Merge(o.Counts)
	for k, ids := range o.Themes {
		s.theme(k).Merge(*ids)
	}
	s.Segments.Merge(o.Segments)
}

func (s *Side) theme(k string) *IDs {
	ids := s.Themes[k]
	if ids == nil {
		ids = &IDs{}
		s.Themes[k] = ids
	}
	return ids
}

// themeCount is how many of the period's comments mention theme k.
func (s *Side) themeCount(k string) int {
	if ids := s.Themes[k]; ids != nil {
		return ids.Count
	}
	return 0
}

// themeIDs are the ids of the period's comments that mention theme k.
func (s *Side) themeIDs(k string) IDs {
	if ids := s.Themes[k]; ids != nil {
		return *ids
	}
	return IDs{}
}

// NewSide starts a period whose waterfall segments are by (a dimension
// that puts each comment in one segment).
func NewSide(by string) *Side {
	return &Side{Themes: map[string]*IDs{}, Segments: NewBreakdown(by)}
}

// Add counts one record of the period.
func (s *Side) Add(it Item) {
	s.Counts.Add(it)
	if it.Failed {
		return
	}
	s.keys = appendThemesAndParents(s.keys[:0], it)
	for _, k := range s.keys {
		s.theme(k).Add(it.ID)
	}
	s.Segments.Add(it)
}

// KPIChange is one figure then and now.
type KPIChange struct {
	Name   string   `json:"name"`
	Then   *float64 `json:"then"`
	Now    *float64 `json:"now"`
	Change *float64 `json:"change"`
}

// WaterfallStep is one segment's part of the NPS change: its volume (mix)
// effect, (w_now − w_then)·NPS_then, and its score effect,
// w_now·(NPS_now − NPS_then). Over all segments they add up exactly to
// NPS_now − NPS_then, since Σ w·NPS is the NPS of all comments with a
// rating. IDs are the segment's comments of the current period.
type WaterfallStep struct {
	Segment string  `json:"segment"`
	Volume  float64 `json:"volume"`
	Score   float64 `json:"score"`
	IDs     IDs     `json:"ids"`
}

// ThemeChange is a theme's share of the comments then and now, with a
// two-proportion test; Significant after Benjamini–Hochberg at q = 0.05
// across all themes. IDs are the theme's comments of the current period.
type ThemeChange struct {
	Theme       string  `json:"theme"`
	Then        int     `json:"then"`
	Now         int     `json:"now"`
	ShareThen   float64 `json:"share_then"`
	ShareNow    float64 `json:"share_now"`
	P           float64 `json:"p"`
	Significant bool    `json:"significant"`
	IDs         IDs     `json:"ids"`
}

// Spike is a theme mentioned more often this period than its baseline
// share leads one to expect: Poisson tail p < 0.01, at least 5 comments,
// at least 1.5 × expected. IDs are the theme's comments of this period.
type Spike struct {
	Theme    string  `json:"theme"`
	Count    int     `json:"count"`
	Expected float64 `json:"expected"`
	P        float64 `json:"p"`
	IDs      IDs     `json:"ids"`
}

// Change is what changed between two periods.
type Change struct {
	KPIs      []KPIChange     `json:"kpis"`
	Waterfall []WaterfallStep `json:"waterfall"`
	Themes    []ThemeChange   `json:"themes"`
	Spikes    []Spike         `json:"spikes"`
	// Rising are themes rare or absent in the baseline (fewer than 2
	// comments) that have at least 3 now.
	Rising []ThemeChange `json:"rare_but_rising"`
}

// Spike thresholds (the definition).
const (
	spikeP        = 0.01
	spikeMinCount = 5
	spikeFactor   = 1.5
	bhQ           = 0.05
)

// Compare computes the change from then to now; figures need minN.
func Compare(then, now *Side, minN int) Change {
	var ch Change
	kt, kn := then.Counts.KPIs(minN), now.Counts.KPIs(minN)
	for _, f := range []struct {
		name string
		t, n Figure
	}{{"nps", kt.NPS, kn.NPS}, {"net_sentiment", kt.NetSentiment, kn.NetSentiment}, {"csat_satisfied", kt.CSATSatisfied, kn.CSATSatisfied},
		{"negative", kt.Negative, kn.Negative}, {"coverage", kt.Coverage, kn.Coverage}} {
		c := KPIChange{Name: f.name, Then: f.t.Value, Now: f.n.Value}
		if c.Then != nil && c.Now != nil {
			d := round4(*c.Now - *c.Then)
			c.Change = &d
		}
		ch.KPIs = append(ch.KPIs, c)
	}
	ch.Waterfall = waterfall(then, now)
	ch.Themes, ch.Rising = themeChanges(then, now)
	ch.Spikes = spikes(then, now)
	return ch
}

// waterfall splits the NPS change over the segments.
func waterfall(then, now *Side) []WaterfallStep {
	nt := then.Counts.Promoters + then.Counts.Passives + then.Counts.Detractors
	nn := now.Counts.Promoters + now.Counts.Passives + now.Counts.Detractors
	if nt == 0 || nn == 0 {
		return []WaterfallStep{}
	}
	keys := map[string]bool{}
	for k := range then.Segments.Segments {
		keys[k] = true
	}
	for k := range now.Segments.Segments {
		keys[k] = true
	}
	npsOf := func(c Counts) (w int, nps float64) {
		w = c.Promoters + c.Passives + c.Detractors
		if w > 0 {
			nps = 100 * float64(c.Promoters-c.Detractors) / float64(w)
		}
		return
	}
	var out []WaterfallStep
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		var ct, cn Counts
		var ids IDs
		if s := then.Segments.Segments[k]; s != nil {
			ct = s.Counts
		}
		if s := now.Segments.Segments[k]; s != nil {
			cn, ids = s.Counts, s.IDs.Comments
		}
		wt, npsT := npsOf(ct)
		wn, npsN := npsOf(cn)
		if wt == 0 && wn == 0 {
			continue
		}
		sT, sN := float64(wt)/float64(nt), float64(wn)/float64(nn)
		// A segment new this period has no NPS then: its whole
		// contribution is volume (against the NPS it has now).
		if wt == 0 {
			npsT = npsN
		}
		out = append(out, WaterfallStep{Segment: k, Volume: round4((sN - sT) * npsT), Score: round4(sN * (npsN - npsT)), IDs: ids})
	}
	return out
}

// themeChanges tests each theme's share then against now and applies
// Benjamini–Hochberg across the themes.
func themeChanges(then, now *Side) (all, rising []ThemeChange) {
	n1, n2 := then.Counts.Scored, now.Counts.Scored
	keys := map[string]bool{}
	for k := range then.Themes {
		keys[k] = true
	}
	for k := range now.Themes {
		keys[k] = true
	}
	for k := range keys {
		x1, x2 := then.themeCount(k), now.themeCount(k)
		c := ThemeChange{Theme: k, Then: x1, Now: x2, ShareThen: share(x1, n1), ShareNow: share(x2, n2), P: twoProportionP(x1, n1, x2, n2),
			IDs: now.themeIDs(k)}
		all = append(all, c)
		if x1 < 2 && x2 >= 3 {
			rising = append(rising, c)
		}
	}
	slices.SortFunc(all, func(a, b ThemeChange) int {
		if a.P != b.P {
			if a.P < b.P {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Theme, b.Theme)
	})
	// Benjamini–Hochberg: the largest rank k with p(k) <= k/m·q, and all
	// before it.
	m, cut := len(all), -1
	for i, c := range all {
		if c.P <= float64(i+1)/float64(m)*bhQ {
			cut = i
		}
	}
	for i := range all {
		all[i].Significant = i <= cut
	}
	// The most comments now first; ties by theme, for an order that does
	// not depend on the map's.
	slices.SortFunc(rising, func(a, b ThemeChange) int {
		if a.Now != b.Now {
			return b.Now - a.Now
		}
		return strings.Compare(a.Theme, b.Theme)
	})
	if all == nil {
		all = []ThemeChange{}
	}
	if rising == nil {
		rising = []ThemeChange{}
	}
	return all, rising
}

func share(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return round4(100 * float64(k) / float64(n))
}

// twoProportionP is the two-sided p-value of the pooled two-proportion z
// test of x1/n1 against x2/n2 (1 when it cannot be computed).
func twoProportionP(x1, n1, x2, n2 int) float64 {
	if n1 == 0 || n2 == 0 {
		return 1
	}
	p := float64(x1+x2) / float64(n1+n2)
	se := math.Sqrt(p * (1 - p) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		return 1
	}
	z := (float64(x1)/float64(n1) - float64(x2)/float64(n2)) / se
	return round4(2 * distuv.UnitNormal.Survival(math.Abs(z)))
}

// spikes finds the themes whose count now exceeds what their baseline
// share of the comments predicts for this period's total.
func spikes(then, now *Side) []Spike {
	out := []Spike{}
	if then.Counts.Scored == 0 {
		return out
	}
	for k, ids := range now.Themes {
		c := ids.Count
		e := float64(then.themeCount(k)) / float64(then.Counts.Scored) * float64(now.Counts.Scored)
		if e == 0 || c < spikeMinCount || float64(c) < spikeFactor*e {
			continue
		}
		p := distuv.Poisson{Lambda: e}.Survival(float64(c) - 1) // P(X >= c)
		if p < spikeP {
			out = append(out, Spike{Theme: k, Count: c, Expected: round4(e), P: p, IDs: *ids})
		}
	}
	slices.SortFunc(out, func(a, b Spike) int {
		if a.P != b.P {
			if a.P < b.P {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Theme, b.Theme)
	})
	return out
}
