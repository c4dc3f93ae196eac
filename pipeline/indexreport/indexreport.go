package indexreport

import (
	"context"
	"strings"

	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/report"
)

// Request is the search whose matches a report counts: the query, in
// search's syntax, and the spec's filters that the index can answer.
func Request(query string, sp report.Spec) index.Request {
	r := index.Request{Query: query}
	r.Filters.Touchpoints, r.Filters.Langs, r.Filters.Themes = sp.Touchpoints, sp.Langs, sp.Themes
	r.Filters.Labels, r.Filters.Flags = sp.Labels, sp.Flags
	r.Filters.NPS = npsNarrowing(sp.NPS)
	if sp.Compare == "" {
		// With a comparison the baseline lies outside Since..Until.
		r.Filters.Since, r.Filters.Until = sp.Since, sp.Until
	}
	return r
}

// npsNarrowing is the index's NPS filter for the report's NPS groups. The
// report takes the group the analysis wrote (the index's nps_group) and,
// for a record without one, the standard cut-offs on its rating: so the
// index looks for either, the group or the rating's range, and the
// report's own filter decides. A value that is no group goes as it is,
// for the spec to refuse.
func npsNarrowing(groups []string) []string {
	if len(groups) == 0 {
		return nil
	}
	out := make([]string, 0, 2*len(groups))
	for _, g := range groups {
		out = append(out, g)
		switch strings.ToLower(strings.TrimSpace(g)) {
		case "promoter":
			out = append(out, ">=9")
		case "passive":
			out = append(out, "7..9")
		case "detractor":
			out = append(out, "<7")
		}
	}
	return out
}

// Count adds the records of ix that match r to t. The filters the index
// answers narrow the scan; t's own filter then applies to each record as
// it does to JSON lines, so both give the same report. It returns the
// first records that could not be read (the index holds what analyze
// wrote, so any is a defect) and how many there were.
func Count(ctx context.Context, ix *index.Index, r index.Request, t *report.Tally) ([]report.BadLine, int, error) {
	// The index's records are what analyze wrote (package encode): the
	// counter reads each only up to its sentences.
	c := report.NewCounter(t, report.CounterOptions{Encoded: true})
	_, err := ix.Scan(ctx, r, func(src []byte) error {
		c.Line(0, src)
		return nil
	})
	bad, n := c.Close()
	return bad, n, err
}
