package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/pipeline/indexreport"
	"github.com/stimmung/stimmung/pipeline/report"
	"github.com/stimmung/stimmung/pipeline/serve"
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

// annotateQueue fills the queue's status and note from the follow-up
// store beside the index (the marks analysts set in stimmung serve). A
// store a server holds for writing cannot be read: the queue goes out
// without its marks, and stderr says so.
func annotateQueue(s Streams, dir string, q []report.QueueEntry) {
	st, err := serve.OpenStore(dir, false)
	if err == nil {
		err = st.Annotate(q)
		st.Close()
	}
	if err != nil {
		fmt.Fprintf(s.Err, "stimmung: warning: the queue's marks are left out: %s\n", termMessage(err.Error()))
	}
}
