package report

import (
	"math"

	"github.com/stimmung/stimmung/models"
)

// round4 keeps four decimals: the JSON stays readable and stable.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// Counts are the sums every KPI is made from. Counts of parts of the data
// add up (Merge) to the counts of all of it.
type Counts struct {
	Records    int `json:"records"`
	Failed     int `json:"failed"`
	Promoters  int `json:"promoters"`
	Passives   int `json:"passives"`
	Detractors int `json:"detractors"`
	// CSAT: how many ratings, how many in the satisfied group, their sum
	// and sum of squares (for the mean and its interval).
	CSATN         int     `json:"csat_n"`
	CSATSatisfied int     `json:"csat_satisfied"`
	CSATSum       float64 `json:"csat_sum"`
	CSATSumSq     float64 `json:"csat_sum_sq"`
	CESN          int     `json:"ces_n"`
	CESSum        float64 `json:"ces_sum"`
	CESSumSq      float64 `json:"ces_sum_sq"`
	// Scored comments by sentiment label; Themed those with a theme.
	Scored   int `json:"scored"`
	Positive int `json:"positive"`
	Negative int `json:"negative"`
	Neutral  int `json:"neutral"`
	Mixed    int `json:"mixed"`
	Themed   int `json:"themed"`
}

// Add counts one record.
func (c *Counts) Add(it Item) {
	c.Records++
	if it.Failed {
		c.Failed++
		return
	}
	switch it.NPSGroup {
	case "promoter":
		c.Promoters++
	case "passive":
		c.Passives++
	case "detractor":
		c.Detractors++
	}
	if it.CSAT.Valid {
		c.CSATN++
		c.CSATSum += it.CSAT.Value
		c.CSATSumSq += it.CSAT.Value * it.CSAT.Value
		if it.CSATSatisfied {
			c.CSATSatisfied++
		}
	}
	if it.CES.Valid {
		c.CESN++
		c.CESSum += it.CES.Value
		c.CESSumSq += it.CES.Value * it.CES.Value
	}
	if it.Label == "" {
		return
	}
	c.Scored++
	switch it.Label {
	case models.Positive:
		c.Positive++
	case models.Negative:
		c.Negative++
	case models.Mixed:
		c.Mixed++
	default:
		c.Neutral++
	}
	if it.Themed {
		c.Themed++
	}
}

// Merge adds the counts of o.
func (c *Counts) Merge(o Counts) {
	c.Records += o.Records
	c.Failed += o.Failed
	c.Promoters += o.Promoters
	c.Passives += o.Passives
	c.Detractors += o.Detractors
	c.CSATN += o.CSATN
	c.CSATSatisfied += o.CSATSatisfied
	c.CSATSum += o.CSATSum
	c.CSATSumSq += o.CSATSumSq
	c.CESN += o.CESN
	c.CESSum += o.CESSum
	c.CESSumSq += o.CESSumSq
	c.Scored += o.Scored
	c.Positive += o.Positive
	c.Negative += o.Negative
	c.Neutral += o.Neutral
	c.Mixed += o.Mixed
	c.Themed += o.Themed
}

// DefaultMinN is the least n a figure needs to be shown as meaning
// something: below it, a KPI's value and interval are null.
const DefaultMinN = 30

// Figure is one KPI: its value with a 95% interval, and the n it rests
// on. Below the minimum n, Value and Interval are null (nil) and
// BelowMinN is set: a figure of 5 comments is not shown as if it meant
// something.
type Figure struct {
	Value     *float64  `json:"value"`
	Interval  *Interval `json:"interval"`
	N         int       `json:"n"`
	BelowMinN bool      `json:"below_min_n,omitempty"`
}

// KPIs are the headline figures of a set of comments. Shares are in
// percent, NPS and net sentiment in points.
type KPIs struct {
	Records    int    `json:"records"`
	Failed     int    `json:"failed"`
	MinN       int    `json:"min_n"`
	NPS        Figure `json:"nps"`
	Promoters  int    `json:"promoters"`
	Passives   int    `json:"passives"`
	Detractors int    `json:"detractors"`
	// CSATSatisfied is the share of CSAT ratings in the satisfied group
	// (4–5 of 5 by default), with a Wilson interval; CSATMean the mean
	// rating with a t-interval.
	CSATSatisfied Figure `json:"csat_satisfied"`
	CSATMean      Figure `json:"csat_mean"`
	CESMean       Figure `json:"ces_mean"`
	// The sentiment shares of the scored comments, net sentiment (%
	// positive − % negative, with the NPS's adjusted-Wald interval, the
	// same kind of difference of two shares) and coverage (the share of
	// scored comments with a theme).
	Positive     Figure `json:"positive"`
	Negative     Figure `json:"negative"`
	Neutral      Figure `json:"neutral"`
	Mixed        Figure `json:"mixed"`
	NetSentiment Figure `json:"net_sentiment"`
	Coverage     Figure `json:"coverage"`
}

// KPIs computes the figures; minN <= 0 means DefaultMinN.
func (c Counts) KPIs(minN int) KPIs {
	if minN <= 0 {
		minN = DefaultMinN
	}
	fig := func(n int, v float64, iv Interval) Figure {
		if n < minN || n == 0 {
			return Figure{N: n, BelowMinN: true}
		}
		v, iv = round4(v), Interval{round4(iv.Low), round4(iv.High)}
		return Figure{Value: &v, Interval: &iv, N: n}
	}
	share := func(n, k int) Figure {
		if n == 0 {
			return fig(0, 0, Interval{})
		}
		return fig(n, 100*float64(k)/float64(n), WilsonInterval(n, k))
	}
	mean := func(n int, s, ss float64) Figure {
		m, iv, ok := MeanInterval(n, s, ss)
		if !ok {
			return Figure{N: n, BelowMinN: true}
		}
		return fig(n, m, iv)
	}
	diff := func(n, p, d int) Figure {
		if n == 0 {
			return fig(0, 0, Interval{})
		}
		return fig(n, 100*float64(p-d)/float64(n), NPSInterval(n, p, d))
	}
	npsN := c.Promoters + c.Passives + c.Detractors
	return KPIs{
		Records: c.Records, Failed: c.Failed, MinN: minN,
		NPS:       diff(npsN, c.Promoters, c.Detractors),
		Promoters: c.Promoters, Passives: c.Passives, Detractors: c.Detractors,
		CSATSatisfied: share(c.CSATN, c.CSATSatisfied),
		CSATMean:      mean(c.CSATN, c.CSATSum, c.CSATSumSq),
		CESMean:       mean(c.CESN, c.CESSum, c.CESSumSq),
		Positive:      share(c.Scored, c.Positive),
		Negative:      share(c.Scored, c.Negative),
		Neutral:       share(c.Scored, c.Neutral),
		Mixed:         share(c.Scored, c.Mixed),
		NetSentiment:  diff(c.Scored, c.Positive, c.Negative),
		Coverage:      share(c.Scored, c.Themed),
	}
}

// PartialVersion is the version of the partial-report format; merge
// refuses parts of another. Version 2 added the ids behind the figures.
const PartialVersion = 2

// Partial is what `stimmung report --partial` writes: the counts of one
// part of the data, to merge with other parts' (`stimmung report merge`).
type Partial struct {
	Version    int          `json:"stimmung_report_partial"`
	Counts     Counts       `json:"counts"`
	IDs        KPIIDs       `json:"ids"`
	Breakdowns []*Breakdown `json:"breakdowns,omitempty"`
	Impacts    Impacts      `json:"theme_impact,omitempty"`
	Queue      *Queue       `json:"queue,omitempty"`
	// Then and Now are the periods of a comparison (--compare).
	Then *Side `json:"then,omitempty"`
	Now  *Side `json:"now,omitempty"`
}
