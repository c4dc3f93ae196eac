package report

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Breakdowns a report can segment by; any other name is an input column.
const (
	ByTheme      = "theme"
	ByTouchpoint = "touchpoint"
	ByLang       = "lang"
	ByDay        = "day"
	ByWeek       = "week"
	ByMonth      = "month"
	ByQuarter    = "quarter"
)

// MaxExamples is how many of a segment's ids the tables show as examples
// (the first in input order); the JSON has up to MaxIDs.
const MaxExamples = 5

// NoValue is the key of the records without a value for a breakdown (no
// date, no touchpoint, no theme).
const NoValue = "(none)"

// Segment is one value of a breakdown: its counts and the ids behind them.
type Segment struct {
	Counts Counts     `json:"counts"`
	IDs    SegmentIDs `json:"ids"`
}

// Breakdown counts records per value of one dimension. A record counts in
// every segment it belongs to: a comment about two themes in both, and a
// theme's ancestors count it too (service for service/reachability).
type Breakdown struct {
	By       string              `json:"by"`
	Segments map[string]*Segment `json:"segments"`
	// keys is Add's buffer of a record's keys, and periods the period key
	// of each day seen: Add is on the hot path of a report and allocates
	// nothing for a key it has seen.
	keys    []string
	periods map[int64]string
}

// NewBreakdown starts a breakdown by one of the By* names or a column.
func NewBreakdown(by string) *Breakdown {
	return &Breakdown{By: by, Segments: map[string]*Segment{}}
}

// Add counts it under its keys (for a column breakdown, the value of that
// column in it.Columns).
func (b *Breakdown) Add(it Item) {
	b.keys = b.appendKeys(b.keys[:0], it, it.Columns[b.By])
	for _, k := range b.keys {
		s := b.Segments[k]
		if s == nil {
			s = &Segment{}
			b.Segments[k] = s
		}
		s.Counts.Add(it)
		s.IDs.Add(it)
	}
}

func (b *Breakdown) appendKeys(dst []string, it Item, column string) []string {
	switch b.By {
	case ByTheme:
		n := len(dst)
		if dst = appendThemesAndParents(dst, it); len(dst) == n {
			dst = append(dst, NoValue)
		}
		return dst
	case ByTouchpoint:
		return append(dst, orNone(it.Touchpoint))
	case ByLang:
		return append(dst, orNone(it.Lang))
	case ByDay, ByWeek, ByMonth, ByQuarter:
		if !it.HasDate {
			return append(dst, NoValue)
		}
		day := it.Date.Unix() / 86400
		k, ok := b.periods[day]
		if !ok {
			k = periodKey(b.By, it.Date)
			if b.periods == nil {
				b.periods = map[int64]string{}
			}
			b.periods[day] = k
		}
		return append(dst, k)
	}
	return append(dst, orNone(column))
}

// periodKey names the day, ISO week, month or quarter of d.
func periodKey(by string, d time.Time) string {
	switch by {
	case ByDay:
		return d.Format("2006-01-02")
	case ByWeek:
		y, w := d.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case ByMonth:
		return d.Format("2006-01")
	}
	return fmt.Sprintf("%d-Q%d", d.Year(), (int(d.Month())+2)/3)
}

// appendThemesAndParents appends the themes of it and their parents, each once, in
// order of first mention ("service/reachability" gives it and "service"):
// a comment about a child theme is a comment about its parent too.
func appendThemesAndParents(dst []string, it Item) []string {
	n := len(dst)
	for _, p := range it.Themes {
		for i := len(p); i > 0; i = strings.LastIndexByte(p[:i], '/') {
			if k := p[:i]; !slices.Contains(dst[n:], k) {
				dst = append(dst, k)
			}
		}
	}
	return dst
}

func orNone(s string) string {
	if s == "" {
		return NoValue
	}
	return s
}

// Merge adds the segments of o (a breakdown by the same dimension of a
// later part of the data): counts add up, ids fill up to MaxIDs in part
// order.
func (b *Breakdown) Merge(o *Breakdown) {
	for k, so := range o.Segments {
		s := b.Segments[k]
		if s == nil {
			s = &Segment{}
			b.Segments[k] = s
		}
		s.Counts.Merge(so.Counts)
		s.IDs.Merge(so.IDs)
	}
}

// SegmentFigures are a segment's figures for the report.
type SegmentFigures struct {
	Key string `json:"key"`
	N   int    `json:"n"`
	// Share is the segment's share of all records (percent).
	Share        float64 `json:"share"`
	NPS          Figure  `json:"nps"`
	NetSentiment Figure  `json:"net_sentiment"`
	Negative     Figure  `json:"negative"`
	// IDs are the comments behind the figures: all (N), the detractors
	// and the negative comments.
	IDs SegmentIDs `json:"ids"`
}

// Examples are the first MaxExamples ids of the segment's comments.
func (s SegmentFigures) Examples() []string {
	ids := s.IDs.Comments.IDs
	return ids[:min(len(ids), MaxExamples)]
}

// Figures lists the segments by volume (ties by key, for a stable order),
// each with its figures; total is the number of records of the report.
func (b *Breakdown) Figures(total, minN int) []SegmentFigures {
	out := make([]SegmentFigures, 0, len(b.Segments))
	for k, s := range b.Segments {
		k2 := s.Counts.KPIs(minN)
		share := 0.0
		if total > 0 {
			share = round4(100 * float64(s.Counts.Records) / float64(total))
		}
		out = append(out, SegmentFigures{Key: k, N: s.Counts.Records, Share: share, NPS: k2.NPS,
			NetSentiment: k2.NetSentiment, Negative: k2.Negative, IDs: s.IDs})
	}
	slices.SortFunc(out, func(a, b SegmentFigures) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
