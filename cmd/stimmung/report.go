package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/pipeline/report"
)

// maxReportProblems is how many unreadable lines are named on stderr.
const maxReportProblems = 5

func newReportCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report [FILE...]",
		Short: "The CX figures of analysed comments: NPS, CSAT, CES, sentiment shares, with their n and 95% intervals",
		Long: `Reads the JSON lines of "stimmung analyze" (FILEs, or stdin) and prints the
headline figures: NPS with promoters, passives and detractors (adjusted-Wald
interval), CSAT (share satisfied with a Wilson interval, and the mean), CES
(mean with a t-interval), the sentiment shares, net sentiment (% positive −
% negative) and coverage (the share of scored comments with a theme).

A figure whose n is below --min-n (default 30) is not shown as a number:
it is "–" in the table and null in JSON, with its n.

The report goes on with the themes' impact on the NPS, the breakdowns (--by),
the change against a baseline (--compare) and the follow-up queue. -f json
gives every figure with the comments behind it (their count and the first 20
ids); -f csv and -f markdown give the report's tables, --table NAME one of
them.`,
		Example: `  stimmung analyze feedback.csv -o analysed.jsonl && stimmung report analysed.jsonl
  stimmung analyze feedback.csv | stimmung report --format json
  stimmung report -f csv --by month analysed.jsonl > report.csv
  stimmung report --table theme-impact analysed.jsonl`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkReportFlags(cmd); err != nil {
				return err
			}
			indexDir, _ := cmd.Flags().GetString("index")
			var inputs []string
			if indexDir == "" {
				var err error
				if inputs, _, err = checkInputs(args); err != nil {
					return err
				}
			}
			by, _ := cmd.Flags().GetStringSlice("by")
			htmlPath, _ := cmd.Flags().GetString("html")
			if xlsxPath, _ := cmd.Flags().GetString("xlsx"); xlsxPath != "" {
				if err := checkOutput("--xlsx", xlsxPath, inputs, s.In); err != nil {
					return err
				}
			}
			if htmlPath != "" {
				if err := checkOutput("--html", htmlPath, inputs, s.In); err != nil {
					return err
				}
				// The HTML report draws the themes and the NPS trend.
				for _, need := range []string{report.ByTheme, report.ByMonth} {
					if !slices.Contains(by, need) {
						by = append(by, need)
					}
				}
			}
			t, err := reportSpec(cmd, by).Tally()
			if err != nil {
				return usageError{err}
			}
			if err := checkTable(cmd, by); err != nil {
				return err
			}
			bad := 0
			if indexDir != "" {
				if err := countIndex(context.Background(), cmd, s, indexDir, args, t); err != nil {
					return err
				}
			}
			for _, in := range inputs {
				if err := countFile(in, s, t, &bad); err != nil {
					return ioError{err}
				}
			}
			if err := writeReport(cmd, s, t); err != nil {
				return err
			}
			if bad > 0 {
				return recordsFailed{fmt.Errorf("%s not counted", plural(bad, "line of the input is no analysed record and was", "lines of the input are no analysed records and were")), false}
			}
			return nil
		},
	}
	cmd.AddCommand(newReportMergeCmd(s))
	addReportFlags(cmd)
	addReportIndexFlags(cmd)
	return cmd
}

func addReportFlags(cmd *cobra.Command) {
	cmd.Flags().StringP("format", "f", "table", "table, json, csv or markdown (with --queue, json gives JSON lines)")
	cmd.Flags().String("table", "", "print only this table of the report, as plain CSV (or Markdown with -f markdown): kpis, theme-impact, by-COLUMN, change, waterfall, theme-changes, spikes, follow-up-queue")
	cmd.Flags().String("xlsx", "", "write the report as an XLSX workbook, one sheet per table, instead of printing it")
	cmd.Flags().String("html", "", "write the report as one self-contained HTML file (charts as inline SVG, no network) instead of printing it")
	cmd.Flags().Bool("queue", false, "print only the follow-up queue: the comments to act on first, by priority")
	cmd.Flags().Int("queue-size", report.DefaultQueueSize, "comments in the follow-up queue")
	cmd.Flags().Int("min-n", report.DefaultMinN, "the least n a figure needs to be shown as a number")
	cmd.Flags().String("since", "", "only comments dated on or after this day")
	cmd.Flags().String("until", "", "only comments dated on or before this day")
	cmd.Flags().StringSlice("touchpoint", nil, "only these touchpoints")
	cmd.Flags().StringSlice("lang", nil, "only these languages (de, en)")
	cmd.Flags().StringSlice("theme", nil, "only comments with one of these themes (a theme takes its children)")
	cmd.Flags().StringSlice("label", nil, "only comments with one of these sentiment labels: positive, negative, neutral, mixed")
	cmd.Flags().StringSlice("nps", nil, "only comments in one of these NPS groups: promoter, passive, detractor")
	cmd.Flags().StringSlice("flag", nil, "only comments with one of these flags: no_content, effort, urgent, churn, mismatch")
	cmd.Flags().StringArray("where", nil, "only comments whose input column has this value: COLUMN=VALUE (repeatable; values of one column are alternatives)")
	cmd.Flags().String("compare", "", "compare the period --since..--until with a baseline: previous, year or FROM..TO")
	cmd.Flags().String("waterfall-by", report.ByTouchpoint, "the segments the NPS change is split over with --compare (touchpoint, lang or a column)")
	cmd.Flags().StringSlice("by", nil, "break the figures down by theme, touchpoint, lang, day, week, month, quarter or any input column (repeatable, comma-separated)")
	cmd.Flags().Bool("partial", false, "write the counts behind the figures (JSON), to merge with other parts' by \"stimmung report merge\"")
}

func newReportMergeCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "merge PART...",
		Short: "Merge partial reports (report --partial) of parts of the data into the report of all of it",
		Long: `Every figure of a report is made from sums, so the partial reports of parts of
the data (analysed on different machines, or month by month) add up to the
report of one run over all of it. PART files are what "stimmung report
--partial" wrote.`,
		Example: `  stimmung report --partial part1.jsonl > p1.json
  stimmung report --partial part2.jsonl > p2.json
  stimmung report merge p1.json p2.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkReportFlags(cmd); err != nil {
				return err
			}
			for _, f := range []string{"since", "until", "touchpoint", "lang", "theme", "label", "nps", "flag", "where", "by", "compare", "waterfall-by"} {
				if cmd.Flags().Changed(f) {
					return usageError{fmt.Errorf("--%s: filters and breakdowns apply when the parts are made (report --partial), not when they are merged", f)}
				}
			}
			size, _ := cmd.Flags().GetInt("queue-size")
			var t *report.Tally
			for _, name := range args {
				data, err := os.ReadFile(name)
				if err != nil {
					return ioError{fmt.Errorf("part: %w", err)}
				}
				var p report.Partial
				dec := json.NewDecoder(bytes.NewReader(data))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&p); err != nil || p.Version != report.PartialVersion {
					return usageError{fmt.Errorf("%s is no partial report of this version (want the output of stimmung report --partial, version %d)", name, report.PartialVersion)}
				}
				if t == nil {
					t = report.TallyOf(p, size)
				}
				if err := t.MergePartial(p); err != nil {
					return usageError{fmt.Errorf("%s has %v (%s): make all parts with the same flags", name, err, args[0])}
				}
			}
			return writeReport(cmd, s, t)
		},
	}
	addReportFlags(cmd)
	return cmd
}

// checkReportFlags refuses bad flags before any input is read.
func checkReportFlags(cmd *cobra.Command) error {
	format, _ := cmd.Flags().GetString("format")
	if format != "table" && format != "json" && format != "csv" && format != "markdown" {
		return usageError{fmt.Errorf("--format %q: want table, json, markdown or csv", format)}
	}
	if size, _ := cmd.Flags().GetInt("queue-size"); size < 1 || size > maxQueueSize {
		return usageError{fmt.Errorf("--queue-size %d: want 1 to %d", size, maxQueueSize)}
	}
	if minN, _ := cmd.Flags().GetInt("min-n"); minN < 1 {
		return usageError{fmt.Errorf("--min-n %d: want at least 1", minN)}
	}
	if cmd.Flags().Changed("table") {
		for _, f := range []string{"queue", "partial", "html", "xlsx"} {
			if cmd.Flags().Changed(f) {
				return usageError{fmt.Errorf("--table prints one table of the report: not with --%s", f)}
			}
		}
		if cmd.Flags().Changed("format") && format != "csv" && format != "markdown" {
			return usageError{fmt.Errorf("--table with --format %s: want csv or markdown (-f json has every table)", format)}
		}
	}
	return nil
}

// checkTable refuses a --table that names none of the tables the report
// will have (by its breakdowns and comparison), before any input is read.
func checkTable(cmd *cobra.Command, by []string) error {
	name, _ := cmd.Flags().GetString("table")
	compare, _ := cmd.Flags().GetString("compare")
	if !cmd.Flags().Changed("table") {
		return nil
	}
	if names := report.TableNames(by, compare != ""); report.MatchTable(names, name) < 0 {
		return unknownTable(name, names)
	}
	return nil
}

func unknownTable(name string, names []string) error {
	slugs := make([]string, len(names))
	for i, n := range names {
		slugs[i] = report.TableSlug(n)
	}
	return usageError{fmt.Errorf("--table %q: no such table in this report; want one of %s (or a name as -f markdown heads it, in any case)", name, strings.Join(slugs, ", "))}
}

// writeOneTable prints the table --table names: plain CSV (a header and
// the rows), or a Markdown table with -f markdown.
func writeOneTable(cmd *cobra.Command, w io.Writer, ts []report.Table, format string) error {
	name, _ := cmd.Flags().GetString("table")
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	i := report.MatchTable(names, name)
	if i < 0 {
		return unknownTable(name, names)
	}
	if format == "markdown" {
		_, err := io.WriteString(w, report.MarkdownTable(ts[i]))
		return err
	}
	return report.WriteCSVTable(w, ts[i])
}

// reportSpec reads the report's flags: the filters (the same as search's),
// the breakdowns and the comparison.
func reportSpec(cmd *cobra.Command, by []string) report.Spec {
	f := cmd.Flags()
	var sp report.Spec
	sp.Since, _ = f.GetString("since")
	sp.Until, _ = f.GetString("until")
	sp.Touchpoints, _ = f.GetStringSlice("touchpoint")
	sp.Langs, _ = f.GetStringSlice("lang")
	sp.Themes, _ = f.GetStringSlice("theme")
	sp.Labels, _ = f.GetStringSlice("label")
	sp.NPS, _ = f.GetStringSlice("nps")
	sp.Flags, _ = f.GetStringSlice("flag")
	sp.Where, _ = f.GetStringArray("where")
	sp.Compare, _ = f.GetString("compare")
	sp.WaterfallBy, _ = f.GetString("waterfall-by")
	sp.QueueSize, _ = f.GetInt("queue-size")
	sp.By = by
	return sp
}

// writeReport prints the report as the flags ask: the partial counts, JSON
// or tables.
func writeReport(cmd *cobra.Command, s Streams, t *report.Tally) error {
	format, _ := cmd.Flags().GetString("format")
	minN, _ := cmd.Flags().GetInt("min-n")
	partial, _ := cmd.Flags().GetBool("partial")
	doc := t.Document(minN)
	k := doc.KPIs
	if dir, _ := cmd.Flags().GetString("index"); dir != "" {
		annotateQueue(s, dir, doc.Queue)
	}
	if path, _ := cmd.Flags().GetString("html"); path != "" && !partial {
		return writeHTMLReport(s, path, doc)
	}
	if path, _ := cmd.Flags().GetString("xlsx"); path != "" && !partial {
		return writeXLSXReport(s, path, doc)
	}
	if queue, _ := cmd.Flags().GetBool("queue"); queue && !partial {
		return writeQueue(s.Out, doc.Queue, format)
	}
	var v any = doc
	switch {
	case partial:
		v = t.Partial()
	case cmd.Flags().Changed("table"):
		return writeOneTable(cmd, s.Out, doc.Tables(), format)
	case format == "csv":
		return report.WriteCSV(s.Out, doc.Tables())
	case format == "markdown":
		_, err := io.WriteString(s.Out, report.Markdown(doc.Tables()))
		return err
	case format == "table":
		if err := writeKPITable(s.Out, k); err != nil {
			return err
		}
		if err := writeImpactTable(s.Out, doc.ThemeImpact, k.MinN); err != nil {
			return err
		}
		if doc.Change != nil {
			if err := writeChangeTable(s.Out, *doc.Change); err != nil {
				return err
			}
		}
		for _, b := range doc.Breakdowns {
			if err := writeBreakdownTable(s.Out, b, k.MinN); err != nil {
				return err
			}
		}
		fmt.Fprintln(s.Out)
		return writeQueue(s.Out, doc.Queue, "table")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = s.Out.Write(append(b, '\n'))
	return err
}

// writeChangeTable prints what changed against the baseline.
func writeChangeTable(w io.Writer, ch report.Change) error {
	fmt.Fprintln(w, "\nchange against the baseline")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tthen\tnow\tchange")
	num := func(v *float64, f string) string {
		if v == nil {
			return "–"
		}
		return fmt.Sprintf(f, *v)
	}
	for _, k := range ch.KPIs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", strings.ReplaceAll(k.Name, "_", " "), num(k.Then, "%.1f"), num(k.Now, "%.1f"), num(k.Change, "%+.1f"))
	}
	tw.Flush()
	if len(ch.Waterfall) > 0 {
		fmt.Fprintln(w, "\nNPS change by segment: volume (mix) effect + score effect")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "segment\tvolume\tscore")
		var vol, score float64
		for _, s := range ch.Waterfall {
			fmt.Fprintf(tw, "%s\t%+.1f\t%+.1f\n", termText(s.Segment), s.Volume, s.Score)
			vol += s.Volume
			score += s.Score
		}
		fmt.Fprintf(tw, "total\t%+.1f\t%+.1f\n", vol, score)
		tw.Flush()
	}
	var sig []report.ThemeChange
	for _, c := range ch.Themes {
		if c.Significant {
			sig = append(sig, c)
		}
	}
	fmt.Fprintf(w, "\nthemes whose share changed more than noise (two-proportion test, Benjamini–Hochberg q = 0.05): %d\n", len(sig))
	if len(sig) > 0 {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "theme\tthen\tnow\tp")
		for _, c := range sig {
			fmt.Fprintf(tw, "%s\t%.1f %%\t%.1f %%\t%.4f\n", termText(c.Theme), c.ShareThen, c.ShareNow, c.P)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "spikes (Poisson p < 0.01, at least 5 comments and 1.5 × expected): %d\n", len(ch.Spikes))
	for _, sp := range ch.Spikes {
		fmt.Fprintf(w, "  %s: %d comments, %.1f expected (p %.2g)\n", termText(sp.Theme), sp.Count, sp.Expected, sp.P)
	}
	fmt.Fprintf(w, "rare but rising (under 2 comments then, 3 or more now): %d\n", len(ch.Rising))
	for _, c := range ch.Rising {
		fmt.Fprintf(w, "  %s: %d then, %d now\n", termText(c.Theme), c.Then, c.Now)
	}
	return nil
}

// writeHTMLReport writes the self-contained HTML report to path.
func writeHTMLReport(s Streams, path string, doc report.Document) error {
	return writeReportFile(s, path, "the HTML report", func(w io.Writer) error {
		return report.WriteHTML(w, doc, report.HTMLOptions{Generated: "stimmung " + Version})
	})
}

// writeXLSXReport writes the report as a workbook, one sheet per table.
func writeXLSXReport(s Streams, path string, doc report.Document) error {
	return writeReportFile(s, path, "the report", func(w io.Writer) error { return report.WriteXLSX(w, doc.Tables()) })
}

// writeReportFile writes a file of the report through a temporary file,
// as every output, and says so on stderr.
func writeReportFile(s Streams, path, what string, write func(io.Writer) error) error {
	out, err := createOutput(path)
	if err != nil {
		return ioError{err}
	}
	if err := write(out); err != nil {
		out.abort()
		return ioError{err}
	}
	if err := out.commit(); err != nil {
		return ioError{err}
	}
	fmt.Fprintf(s.Err, "stimmung: wrote %s to %s\n", what, path)
	return nil
}

// maxQueueSize bounds the follow-up queue, which is held in memory.
const maxQueueSize = 10_000

// writeQueue prints the follow-up queue: a table, CSV with empty owner and
// status columns for a ticket system, or JSON lines.
func writeQueue(w io.Writer, q []report.QueueEntry, format string) error {
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	switch format {
	case "json":
		for _, e := range q {
			b, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if _, err := w.Write(append(b, '\n')); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		// The queue table of the report, its cells guarded as in every CSV
		// of the report (report.CSVCell).
		return report.WriteCSVTable(w, report.QueueTable(q))
	}
	fmt.Fprintf(w, "follow-up queue: the %d comments to act on first\n", len(q))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "priority\tid\tdate\ttouchpoint\tNPS\texcerpt")
	for _, e := range q {
		ex := []rune(e.Excerpt)
		if len(ex) > 50 {
			ex = append(ex[:49], '…')
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", e.Priority, termText(e.ID), termText(e.Date), termText(e.Touchpoint), num(e.NPS), termText(string(ex)))
	}
	return tw.Flush()
}

// maxImpactRows is how many themes the impact table shows; JSON has all.
const maxImpactRows = 10

// writeImpactTable prints the themes that move the NPS most, first those
// that drag it down.
func writeImpactTable(w io.Writer, im []report.ThemeImpact, minN int) error {
	var shown []report.ThemeImpact
	for _, t := range im {
		if t.NPS.Value != nil {
			shown = append(shown, t)
		}
	}
	if len(shown) == 0 {
		_, err := fmt.Fprintf(w, "\ntheme impact on NPS: no theme has n of %d or more\n", minN)
		return err
	}
	if len(shown) > maxImpactRows {
		shown = append(shown[:maxImpactRows/2:maxImpactRows/2], shown[len(shown)-maxImpactRows/2:]...)
	}
	fmt.Fprintln(w, "\ntheme impact on NPS (NPS of all − NPS without the theme's comments)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "theme\tn\timpact\t95% interval\tnegative mentions\tpositive mentions")
	num := func(f report.Figure) string {
		if f.Value == nil {
			return "–"
		}
		return fmt.Sprintf("%+.1f", *f.Value)
	}
	for _, t := range shown {
		fmt.Fprintf(tw, "%s\t%s\t%s\t[%+.1f, %+.1f]\t%s\t%s\n", termText(t.Theme), group(int64(t.N)), num(t.NPS),
			t.NPS.Interval.Low, t.NPS.Interval.High, num(t.NPSNegative), num(t.NPSPositive))
	}
	return tw.Flush()
}

// writeBreakdownTable prints one breakdown, the largest segments first.
func writeBreakdownTable(w io.Writer, b report.BreakdownFigures, minN int) error {
	fmt.Fprintf(w, "\nby %s\n", b.By)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, b.By+"\tn\tshare\tNPS\tnet sentiment\tnegative\texamples")
	num := func(f report.Figure, format string) string {
		if f.Value == nil {
			return "–"
		}
		return fmt.Sprintf(format, *f.Value)
	}
	for _, sg := range b.Segments {
		fmt.Fprintf(tw, "%s\t%s\t%.1f %%\t%s\t%s\t%s\t%s\n", termText(sg.Key), group(int64(sg.N)), sg.Share,
			num(sg.NPS, "%+.1f"), num(sg.NetSentiment, "%+.1f"), num(sg.Negative, "%.1f %%"), termText(strings.Join(sg.Examples(), " ")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(– : n below %d; a comment counts in every segment it belongs to)\n", minN)
	return err
}

// countFile adds the records of one input ("-" for stdin) to t; a line
// that is not an analysed record is named on stderr (the first few) and
// counted in bad.
func countFile(name string, s Streams, t *report.Tally, bad *int) error {
	var r io.Reader = s.In
	display := "stdin"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r, display = f, filepath.Base(name)
	}
	c := report.NewCounter(t, report.CounterOptions{})
	err := readLines(r, c.Line)
	lines, n := c.Close()
	for _, l := range lines {
		if *bad++; *bad <= maxReportProblems {
			fmt.Fprintf(s.Err, "stimmung: %s:%d: %s\n", display, l.Line, termMessage(l.Err.Error()))
		}
	}
	*bad += n - len(lines)
	if err != nil {
		return fmt.Errorf("%s: %w", display, err)
	}
	return nil
}

// readLines calls line with each line of r that is not blank, and its
// number. ReadSlice spares a copy of each line: line must not keep it.
func readLines(r io.Reader, line func(num int64, b []byte)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	var long []byte // a line longer than the reader's buffer
	for num := int64(1); ; num++ {
		b, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], b...)
			for errors.Is(err, bufio.ErrBufferFull) {
				b, err = br.ReadSlice('\n')
				long = append(long, b...)
			}
			b = long
		}
		if len(bytes.TrimSpace(b)) > 0 {
			line(num, b)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// writeKPITable prints the KPIs as a table readable at 100 columns.
func writeKPITable(w io.Writer, k report.KPIs) error {
	fmt.Fprintf(w, "%s comments (%s failed), figures shown from n = %d\n\n", group(int64(k.Records)), group(int64(k.Failed)), k.MinN)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tvalue\t95% interval\tn")
	missing := func(f report.Figure) string {
		if f.N == 0 {
			return "(none)"
		}
		return fmt.Sprintf("(n below %d)", k.MinN)
	}
	row := func(name string, f report.Figure, unit string, signed bool) {
		value, iv := "–", missing(f)
		if f.Value != nil {
			format := "%.1f"
			if signed {
				format = "%+.1f"
			}
			value = fmt.Sprintf(format, *f.Value) + unit
			iv = fmt.Sprintf("["+format+", "+format+"]", f.Interval.Low, f.Interval.High)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, value, iv, group(int64(f.N)))
	}
	mean := func(name string, f report.Figure) {
		value, iv := "–", missing(f)
		if f.Value != nil {
			value, iv = fmt.Sprintf("%.2f", *f.Value), fmt.Sprintf("[%.2f, %.2f]", f.Interval.Low, f.Interval.High)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, value, iv, group(int64(f.N)))
	}
	row("NPS", k.NPS, "", true)
	row("CSAT satisfied", k.CSATSatisfied, " %", false)
	mean("CSAT mean", k.CSATMean)
	mean("CES mean", k.CESMean)
	row("positive", k.Positive, " %", false)
	row("negative", k.Negative, " %", false)
	row("neutral", k.Neutral, " %", false)
	row("mixed", k.Mixed, " %", false)
	row("net sentiment", k.NetSentiment, "", true)
	row("coverage (with a theme)", k.Coverage, " %", false)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nNPS from %s, %s, %s.\n", plural(k.Promoters, "promoter", "promoters"), plural(k.Passives, "passive", "passives"), plural(k.Detractors, "detractor", "detractors"))
	_, err := fmt.Fprintln(w, strings.TrimSpace(`
NPS: % promoters − % detractors, adjusted-Wald interval (Rocks 2016). Shares: Wilson intervals.
Means: t-intervals. Net sentiment: % positive − % negative of the scored comments.
The comments behind each figure (their count and first ids): -f json, or the HTML report.`))
	return err
}
