package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/pipeline/indexreport"
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
	by, _ := cmd.Flags().GetStringSlice("by")
	req := indexreport.Request(strings.Join(args, " "), reportSpec(cmd, by))
	ix, _, err := openForQuery(s, dir, req)
	if err != nil {
		return err
	}
	defer ix.Close()
	lines, bad, err := indexreport.Count(ctx, ix, req, t)
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
