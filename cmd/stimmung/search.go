package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/render"
)

func newSearchCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "search --index DIR [QUERY...]",
		Short: "Search an index: full text, filters, facets",
		Long: fmt.Sprintf(`Searches the index in DIR (built with "stimmung index") and prints the
matching comments: a table on a terminal, JSON lines otherwise.

QUERY (several arguments are joined into one) uses Bleve's query-string syntax: words (any may match; +word must,
-word must not), "a phrase", prefix*, fuzzy~1, field:value (theme:delivery,
label:negative, touchpoint:app), ranges (score:<-0.3, nps:<=6,
date:>"2024-03-01"). Words are stemmed and German compounds split, so
"Verzögerung" finds "Lieferverzögerung"; negations such as "nicht" and "kein"
stay searchable. Without a QUERY every document matches.

The filters need no syntax; the values of one filter are alternatives
(--theme delivery,billing), different filters must all hold.

Limits: a query of at most %d bytes and %d words (runs of letters and
digits); --limit at most %s hits a search; --from + --limit at most %s.
Beyond them search stops with exit code 1 before the index is read.`, index.MaxQueryBytes, index.MaxQueryWords, group(index.MaxSize), group(index.MaxWindow)),
		Example: `  stimmung search --index feedback.idx Kundenservice
  stimmung search --index feedback.idx --theme delivery --label negative --nps detractor --since 2024-03-01 --until 2024-03-31 Kundenservice
  stimmung search --index feedback.idx --facet theme,label,month --limit 0
  stimmung search --index feedback.idx --sort -priority --flag churn --format csv > callbacks.csv`,
		RunE: func(cmd *cobra.Command, args []string) error { return search(cmd, s, args) },
	}
	f := cmd.Flags()
	f.String("index", "", "the index directory (required)")
	f.StringSlice("theme", nil, "theme path (its sub-themes too) or path:label, e.g. delivery or delivery:negative")
	f.StringSlice("label", nil, "sentiment label: positive, negative, neutral, mixed")
	f.String("sentiment", "", `sentiment score range: "<-0.3", ">=0.5", "-1..-0.3"`)
	f.StringSlice("nps", nil, `NPS group (promoter, passive, detractor) or range ("0-6", "<7", "10")`)
	f.StringSlice("csat", nil, "CSAT group: satisfied, neutral, dissatisfied")
	f.StringSlice("lang", nil, "language: de, en")
	f.StringSlice("touchpoint", nil, "touchpoint")
	f.StringSlice("flag", nil, "flag: no_content, effort, urgent, churn, mismatch")
	f.String("since", "", "from this day (2024-03-01) or month (2024-03) on")
	f.String("until", "", "up to and including this day or month")
	f.StringSlice("facet", nil, "count values over all matches: "+strings.Join(index.FacetNames(), ", "))
	f.Int("facet-size", 10, "values per facet")
	f.StringSlice("sort", nil, "sort keys, -key for descending: _score, date, priority, score, nps, ... (default: -_score with a query, -date without)")
	f.IntP("limit", "n", 20, "hits to print")
	f.Int("from", 0, "hits to skip (paging)")
	f.StringP("format", "f", "", "table, json, jsonl or csv (default: table on a terminal, else jsonl)")
	f.Bool("no-highlight", false, "no highlighted fragments")
	return cmd
}

func search(cmd *cobra.Command, s Streams, args []string) error {
	f := cmd.Flags()
	dir, _ := f.GetString("index")
	if dir == "" {
		return usageError{errors.New("search: --index DIR is required")}
	}
	var req index.Request
	// Several arguments are one query, as typed: search --index x Lieferung Kundenservice
	req.Query = strings.Join(args, " ")
	req.Filters.Themes, _ = f.GetStringSlice("theme")
	req.Filters.Labels, _ = f.GetStringSlice("label")
	req.Filters.Sentiment, _ = f.GetString("sentiment")
	req.Filters.NPS, _ = f.GetStringSlice("nps")
	req.Filters.CSAT, _ = f.GetStringSlice("csat")
	req.Filters.Langs, _ = f.GetStringSlice("lang")
	req.Filters.Touchpoints, _ = f.GetStringSlice("touchpoint")
	req.Filters.Flags, _ = f.GetStringSlice("flag")
	req.Filters.Since, _ = f.GetString("since")
	req.Filters.Until, _ = f.GetString("until")
	req.Facets, _ = f.GetStringSlice("facet")
	req.FacetSize, _ = f.GetInt("facet-size")
	req.Sort, _ = f.GetStringSlice("sort")
	req.Size, _ = f.GetInt("limit")
	req.From, _ = f.GetInt("from")
	noHL, _ := f.GetBool("no-highlight")
	req.Highlight = !noHL
	if req.Size < 0 || req.From < 0 || req.FacetSize < 1 {
		return usageError{errors.New("search: --limit and --from cannot be negative, --facet-size must be positive")}
	}
	// Bleve allocates room for --from + --limit hits up front.
	if req.Size > index.MaxSize {
		return usageError{fmt.Errorf("search: --limit %d: at most %s hits a search (page with --from)", req.Size, group(index.MaxSize))}
	}
	if req.From > index.MaxWindow-req.Size {
		return usageError{fmt.Errorf("search: --from %d --limit %d: --from + --limit is at most %s; narrow the search with a filter (--since, --until, ...) or a sort instead of paging deeper",
			req.From, req.Size, group(index.MaxWindow))}
	}
	format, _ := f.GetString("format")
	if format == "" {
		format = "jsonl"
		if isTerminal(s.Out) {
			format = "table"
		}
	}
	switch format {
	case "table", "json", "jsonl", "csv":
	default:
		return usageError{fmt.Errorf("--format %q: want table, json, jsonl or csv", format)}
	}
	limit := req.Size
	breq := req
	if limit == 0 {
		// Facets and the total only; Bleve needs a positive size, and
		// skipping hits that are not printed means nothing.
		breq.Size, breq.From = 1, 0
	}
	ix, prepared, err := openForQuery(s, dir, breq)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := prepared.Run(ix)
	if err != nil {
		return queryRunError(err)
	}
	if limit == 0 {
		res.Hits = nil
	}
	out := bufio.NewWriter(s.Out)
	switch format {
	case "json":
		err = render.JSON(out, res)
	case "jsonl":
		err = render.JSONL(out, res)
	case "csv":
		err = render.CSV(out, res)
	default:
		err = render.Table(out, res, req, isTerminal(s.Out), termWidth(s.Out))
	}
	if err == nil && format == "jsonl" && (limit == 0 || len(req.Facets) > 0) {
		err = render.SummaryLine(out, res)
	}
	if err == nil {
		err = out.Flush()
	}
	if err == nil && res.Total == 0 {
		if note := render.StopWordNote(req.Query); note != "" {
			fmt.Fprintf(s.Err, "stimmung: %s\n", termMessage(note))
		} else if format == "jsonl" && limit > 0 && len(req.Facets) == 0 {
			fmt.Fprintln(s.Err, "stimmung: no matching comments")
		}
	}
	if err != nil {
		return ioError{err}
	}
	return nil
}

// openForQuery checks req and opens the index at dir for it (only the
// shards its dates can match), warning when the index is stale or
// incomplete. A bad query or filter, or one over the size limits, is
// reported before the index is opened.
func openForQuery(s Streams, dir string, req index.Request) (*index.Index, *index.Prepared, error) {
	prepared, err := index.Prepare(req)
	if err != nil {
		return nil, nil, usageError{err}
	}
	ix, err := index.OpenSearch(dir, req.Filters.Since, req.Filters.Until)
	if err != nil {
		return nil, nil, ioError{err}
	}
	warnIndex(s.Err, ix)
	return ix, prepared, nil
}

// queryRunError is the exit of a failed search or scan: the query's fault
// (a regular expression too complex to run) or the index's.
func queryRunError(err error) error {
	if qe := (*index.QueryError)(nil); errors.As(err, &qe) {
		return usageError{err}
	}
	return ioError{err}
}

// warnIndex says when the index was built by another stimmung or analysis
// (queries are analysed by this one), or when an import is under way or
// was killed.
func warnIndex(w io.Writer, ix *index.Index) {
	v := ix.Meta.Versions
	if a := v["analysis"]; a != "" && a != index.AnalysisVersion() {
		fmt.Fprintf(w, "stimmung: warning: %s was built with index analysis %s, this stimmung analyses queries with %s: rebuild it (stimmung index --rebuild)\n", ix.Dir, a, index.AnalysisVersion())
	} else if sv := v["stimmung"]; sv != "" && sv != Version {
		fmt.Fprintf(w, "stimmung: note: %s was built by stimmung %s, this is %s\n", ix.Dir, sv, Version)
	}
	if ix.Meta.Importing {
		fmt.Fprintf(w, "stimmung: warning: the last import into %s did not finish; results may be incomplete until it is run again\n", ix.Dir)
	}
}

func termWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 40 {
			return width
		}
	}
	return 120
}
