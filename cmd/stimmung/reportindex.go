package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/report"
)

// addReportIndexFlags adds the flags of a report over an index.
func addReportIndexFlags(cmd *cobra.Command) {
	cmd.Flags().String("index", "", "report over the comments of this index (stimmung index) instead of JSON lines; the arguments are then a search query")
}

// countIndex adds the records of the index dir that match the query (the
// arguments, in search's syntax) to t. The filters that the index can
// answer narrow the scan there; t's own filter then applies to each
// record as it does to JSON lines, so both give the same report.
func countIndex(ctx context.Context, cmd *cobra.Command, s Streams, dir string, args []string, t *report.Tally) error {
	var req index.Request
	req.Query = strings.Join(args, " ")
	req.Filters.Touchpoints, _ = cmd.Flags().GetStringSlice("touchpoint")
	req.Filters.Langs, _ = cmd.Flags().GetStringSlice("lang")
	req.Filters.Themes, _ = cmd.Flags().GetStringSlice("theme")
	if cmp, _ := cmd.Flags().GetString("compare"); cmp == "" {
		// With --compare the baseline lies outside --since..--until.
		req.Filters.Since, _ = cmd.Flags().GetString("since")
		req.Filters.Until, _ = cmd.Flags().GetString("until")
	}
	ix, _, err := openForQuery(s, dir, req)
	if err != nil {
		return err
	}
	defer ix.Close()
	// The index's records are what analyze wrote (package encode), so
	// the counter reads each only up to its sentences.
	c := report.NewCounter(t, report.CounterOptions{Encoded: true})
	_, err = ix.Scan(ctx, req, func(src []byte) error {
		c.Line(0, src)
		return nil
	})
	lines, bad := c.Close()
	for i, l := range lines {
		if i < maxReportProblems {
			// The index holds what analyze wrote: a record it cannot read
			// is a defect, named but not fatal.
			fmt.Fprintf(s.Err, "stimmung: %s: %s\n", dir, termMessage(l.Err.Error()))
		}
	}
	if err != nil {
		return queryRunError(err)
	}
	if bad > 0 {
		fmt.Fprintf(s.Err, "stimmung: %s in the index could not be read and %s not counted\n", plural(bad, "record", "records"), map[bool]string{true: "was", false: "were"}[bad == 1])
	}
	return nil
}
