package report

import (
	"slices"
	"strings"
	"time"
)

// Filter selects the records a report is about, like search's filters:
// the values of one filter are alternatives, different filters must all
// hold. The zero Filter selects everything.
type Filter struct {
	// Since and Until bound the date, both days included (zero: open); a
	// record without a date is left out when either is set.
	Since, Until time.Time
	Touchpoints  []string
	Langs        []string
	// Themes select records with one of the themes or a child of one
	// ("service" takes "service/reachability").
	Themes []string
	// Labels are sentiment labels (Item.Label), NPSGroups NPS groups
	// (Item.NPSGroup: promoter, passive, detractor); Flags select records
	// with one of the flags.
	Labels, NPSGroups, Flags []string
	// Where maps an input column to the values it may have.
	Where map[string][]string
}

// Columns are the input columns the filter reads (for ParseItem).
func (f Filter) Columns() []string {
	var cs []string
	for c := range f.Where {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	return cs
}

// Match reports whether it passes every filter.
func (f Filter) Match(it Item) bool {
	if !f.Since.IsZero() || !f.Until.IsZero() {
		if !it.HasDate {
			return false
		}
		day := it.Date.Truncate(24 * time.Hour)
		if !f.Since.IsZero() && day.Before(f.Since.Truncate(24*time.Hour)) {
			return false
		}
		if !f.Until.IsZero() && day.After(f.Until.Truncate(24*time.Hour)) {
			return false
		}
	}
	if len(f.Touchpoints) > 0 && !slices.Contains(f.Touchpoints, it.Touchpoint) {
		return false
	}
	if len(f.Langs) > 0 && !slices.Contains(f.Langs, it.Lang) {
		return false
	}
	if len(f.Themes) > 0 && !slices.ContainsFunc(it.Themes, func(p string) bool {
		return slices.ContainsFunc(f.Themes, func(th string) bool { return p == th || strings.HasPrefix(p, th+"/") })
	}) {
		return false
	}
	if len(f.Labels) > 0 && !slices.Contains(f.Labels, it.Label) {
		return false
	}
	if len(f.NPSGroups) > 0 && !slices.Contains(f.NPSGroups, it.NPSGroup) {
		return false
	}
	if len(f.Flags) > 0 && !slices.ContainsFunc(it.Flags, func(fl string) bool { return slices.Contains(f.Flags, fl) }) {
		return false
	}
	for col, vals := range f.Where {
		if !slices.Contains(vals, it.Columns[col]) {
			return false
		}
	}
	return true
}
