package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/read"
	"github.com/stimmung/stimmung/pipeline/write"
)

func newAnalyze(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "analyze [FILE...]",
		Short: "Analyse comments: one output line per input line, in order",
		Long: `Reads comments from FILEs (JSON lines, JSON array, CSV, XLSX) or, without a
FILE or with "-", JSON lines from stdin, runs the configured stages on each and
writes one JSON line (or CSV row) per input record, in input order.

A line that cannot be read becomes an error record {"line": N, "error": {...}}
and the run goes on. SIGINT or SIGTERM stops reading: the records read so far
are written, whole, and the output kept. Exit codes: 0 all good, 1 usage,
2 configuration, 3 some records failed, 4 I/O, 130 SIGINT, 143 SIGTERM.`,
		Example: `  stimmung analyze testdata/sample/feedback.csv
  stimmung analyze < comments.jsonl > results.jsonl
  stimmung analyze --output results.csv export.xlsx
  stimmung analyze --text-column q1,q2 --preset qualtrics survey.csv`,
		RunE: func(cmd *cobra.Command, args []string) error { return analyze(cmd, s, args, false) },
	}
	addConfigFlags(cmd.Flags())
	cmd.Flags().StringP("output", "o", "", "write to FILE instead of stdout (format from its extension unless --format)")
	cmd.Flags().BoolP("quiet", "q", false, "no progress bar, no summary, no per-record messages on stderr")
	addIndexFlags(cmd.Flags())
	return cmd
}

// analyze runs the pipeline over the inputs into the output (analyze), the
// index (index, indexOnly), or both (analyze --index).
func analyze(cmd *cobra.Command, s Streams, args []string, indexOnly bool) error {
	cfg, err := loadConfig(cmd, s, cmd.Flags())
	if err != nil {
		return err
	}
	p, err := pipeline.Build(cfg)
	if err != nil {
		return err
	}
	inputs, total, err := checkInputs(args)
	if err != nil {
		return err
	}
	outPath, _ := cmd.Flags().GetString("output")
	if err := checkOutput("output", outPath, inputs, s.In); err != nil {
		return err
	}
	format := cfg.Output.Format
	if outPath != "" && !cmd.Flags().Changed("format") {
		if format, err = formatFromExtension(outPath, format); err != nil {
			return err
		}
	}

	quiet, _ := cmd.Flags().GetBool("quiet")
	batch := !(len(inputs) == 1 && inputs[0] == "-")
	rep := newReporter(s.Err, quiet, batch, total)
	for _, msg := range repeatedInputs(inputs) {
		rep.warn(msg)
	}

	var sink *indexSink
	if dir, _ := cmd.Flags().GetString("index"); dir != "" {
		if sink, err = openIndexSink(cmd, p, s.Err, Version); err != nil {
			return err
		}
	} else if indexOnly {
		return usageError{errors.New("index: --index DIR is required")}
	}

	out := s.Out
	// The output goes to a temporary file that replaces outPath only when
	// the run completed (also with failed records): a fatal error leaves
	// what was there before.
	var outFile *outputFile
	if outPath != "" && outPath != "-" {
		if outFile, err = createOutput(outPath); err != nil {
			return ioError{fmt.Errorf("output: %w", err)}
		}
		defer outFile.abort()
		out = outFile
	}
	wo := write.Options{Debug: cfg.Output.Debug}
	var w pipeline.Writer
	var csvw *write.CSV
	switch {
	case indexOnly:
		w = sink.w
	case format == "csv":
		csvw = write.NewCSV(out, wo)
		w = csvw
	default:
		w = write.NewJSONL(out, wo)
	}
	if sink != nil && !indexOnly {
		w = pipeline.Tee(w, sink.w)
	}

	src := &inputChain{names: inputs, stdin: s.In, opts: pipeline.ReadOptions(cfg), rep: rep}
	ctx, stopSignals := onInterrupt(s)
	defer stopSignals()
	rep.start()
	st, runErr := p.Run(ctx, src.next, &reportingWriter{Writer: w, rep: rep, dates: sink != nil}, pipeline.RunOptions{Workers: cfg.Workers, MaxErrors: cfg.MaxErrors})
	// An interrupted run wrote every record it read, whole: like a complete
	// run, its output is committed (a prefix of the full output, in whole
	// lines), its index closed and its summary printed.
	var stopped interrupted
	isStopped := errors.As(runErr, &stopped)
	if isStopped {
		// A read may still be under way (stdin on a terminal): the inputs
		// are closed when it returns. A file's read returns soon: wait for
		// it (a FIFO: for a while), so that an XLSX input's temp files are
		// gone before the exit.
		closed := make(chan struct{})
		go func() { src.closeIdle(); close(closed) }()
		if !slices.Contains(inputs, "-") {
			defer func() {
				select {
				case <-closed:
				case <-time.After(10 * time.Second):
				}
			}()
		}
	} else {
		defer src.close()
	}
	if (runErr == nil || isStopped) && csvw != nil {
		if err := csvw.Close(); err != nil {
			runErr, isStopped = err, false
		}
	}
	if outFile != nil && (runErr == nil || isStopped || errors.Is(runErr, pipeline.ErrTooManyErrors)) {
		if err := outFile.commit(); err != nil {
			runErr, isStopped = fmt.Errorf("output: %w", err), false
		}
	}
	rep.finish(st, runErr == nil || isStopped || errors.Is(runErr, pipeline.ErrTooManyErrors))
	if sink != nil {
		// Also after a failed or interrupted run: what was indexed is
		// kept, and the index is closed cleanly.
		if err := sink.close(rep, quiet, runErr == nil); err != nil && (runErr == nil || isStopped) {
			return err
		}
	}

	switch {
	case isStopped:
		stopped.records, stopped.failed = st.Records, st.Errors
		return stopped
	case runErr == nil && st.Errors > 0:
		return recordsFailed{fmt.Errorf("%d of %d records failed", st.Errors, st.Records), quiet}
	case errors.Is(runErr, pipeline.ErrTooManyErrors):
		return recordsFailed{fmt.Errorf("stopped after %d failed records (--max-errors)", st.Errors), quiet}
	case runErr != nil && closedOutput(runErr):
		return nil
	case runErr != nil:
		var ce *configs.Error
		if errors.As(runErr, &ce) {
			return runErr
		}
		return ioError{runErr}
	}
	return nil
}

// interrupted is the cause of a run's context cancelled by SIGINT or
// SIGTERM, and the error of the run it stopped (exit 130 or 143).
type interrupted struct {
	sig             os.Signal
	records, failed int64
}

func (e interrupted) Error() string {
	name := e.sig.String()
	switch e.sig {
	case os.Interrupt:
		name = "SIGINT"
	case syscall.SIGTERM:
		name = "SIGTERM"
	}
	return fmt.Sprintf("interrupted by %s: %s records written whole (%s failed), the rest not read; run again to complete", name, group(e.records), group(e.failed))
}

func (e interrupted) code() int {
	if e.sig == syscall.SIGTERM {
		return ExitTerminated
	}
	return ExitInterrupted
}

// onInterrupt returns a context cancelled with an interrupted cause at the
// first SIGINT or SIGTERM: from s.Interrupt when set, else from the
// process. After the first, the process's signals get their default action
// back, so that a second Ctrl-C ends a run at once. stop releases it.
//
// (signal.NotifyContext would do, but its cause does not say which signal
// came, and the exit code does.)
func onInterrupt(s Streams) (ctx context.Context, stop func()) {
	ch := s.Interrupt
	var sigs chan os.Signal
	if ch == nil {
		sigs = make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
		ch = sigs
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			if sigs != nil {
				signal.Stop(sigs)
			}
			cancel(interrupted{sig: sig})
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		if sigs != nil {
			signal.Stop(sigs)
		}
		cancel(nil)
	}
}

// inputChain reads the inputs one after another as one stream of records.
type inputChain struct {
	names []string
	stdin io.Reader
	opts  read.Options
	rep   *reporter

	i    int
	cur  read.Source
	file *os.File
	busy sync.Mutex // held by next
}

func (in *inputChain) next() (*models.Record, error) {
	in.busy.Lock()
	defer in.busy.Unlock()
	for {
		if in.cur == nil {
			if in.i >= len(in.names) {
				return nil, io.EOF
			}
			if err := in.open(in.names[in.i]); err != nil {
				return nil, err
			}
			in.i++
		}
		r, err := in.cur.Next()
		if err == io.EOF {
			in.close()
			continue
		}
		if err != nil {
			return nil, ioError{fmt.Errorf("%s: %w", in.opts.Name, err)}
		}
		in.rep.record()
		return r, nil
	}
}

func (in *inputChain) open(name string) error {
	o := in.opts
	o.Warn = func(msg string) { in.rep.warn(o.Name + ": " + msg) }
	var r io.Reader
	if name == "-" {
		o.Name = "stdin"
		r = in.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return ioError{fmt.Errorf("input: %w", err)}
		}
		in.file = f
		o.Name = filepath.Base(name)
		r = f
	}
	in.opts.Name = o.Name
	if !strings.EqualFold(filepath.Ext(name), ".xlsx") {
		// XLSX is read at random (io.ReaderAt): the bar counts records only.
		r = in.rep.counting(r)
	}
	src, err := read.Open(r, o)
	if err != nil {
		in.close()
		var ce *configs.Error
		if errors.As(err, &ce) {
			return err
		}
		return ioError{fmt.Errorf("%s: %w", o.Name, err)}
	}
	in.cur = src
	return nil
}

// closeIdle closes the inputs once a call of next under way has returned.
func (in *inputChain) closeIdle() {
	in.busy.Lock()
	defer in.busy.Unlock()
	in.close()
}

func (in *inputChain) close() {
	if in.cur != nil {
		in.cur.Close()
		in.cur = nil
	}
	if in.file != nil {
		in.file.Close()
		in.file = nil
	}
}

// reportingWriter tells the reporter about failed records as they are
// written, so that stderr messages come in output order.
// When the records go into an index (dates), it also warns, once per
// input, about a date the index cannot read: the record is indexed without
// a date, and --since, --until and the month facet do not see it.
type reportingWriter struct {
	pipeline.Writer
	rep       *reporter
	dates     bool
	dateNoted map[string]bool // sources warned about
}

func (w *reportingWriter) Write(r *models.Record) error {
	if r.Err != nil {
		w.rep.recordError(r)
	}
	if w.dates && r.Err == nil && !w.dateNoted[r.Source] {
		if d, ok := unreadableDate(r.Field("date")); ok {
			if w.dateNoted == nil {
				w.dateNoted = map[string]bool{}
			}
			w.dateNoted[r.Source] = true
			w.rep.warn(fmt.Sprintf("%s:%d: date %q is not a date the index reads (2024-03-01, 2024-03-01T09:30:00Z, 01.03.2024, ...): indexed without a date, so --since, --until and the month facet miss it (further such dates in %s not reported)", r.Source, r.Line, d, r.Source))
		}
	}
	return w.Writer.Write(r)
}

// unreadableDate returns the text of a date field that is given but that
// index.ParseDate does not read.
func unreadableDate(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	s := string(raw)
	if raw[0] == '"' {
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
	}
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	if _, ok := models.ParseDate(s); ok {
		return "", false
	}
	return s, true
}

// outputFormats maps output file extensions to the formats written.
var outputFormats = map[string]string{".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}

// formatFromExtension returns the format an output file's extension asks
// for (def for a name without one, such as /dev/null); an extension of
// another format (out.xlsx, out.tsv) is a usage error rather than a file
// of JSON lines under a misleading name.
func formatFromExtension(path, def string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return def, nil
	}
	if f, ok := outputFormats[ext]; ok {
		return f, nil
	}
	return "", usageError{fmt.Errorf("output %s: cannot write %s files; the formats are JSON lines (.jsonl, .ndjson, .json) and CSV (.csv), or give --format jsonl or --format csv to write this name anyway", path, ext)}
}

// repeatedInputs returns a warning for each input named again (the same
// file, also through a link or another path): it is read, and its records
// written, once for each time it is named.
func repeatedInputs(inputs []string) []string {
	var msgs []string
	var seen []os.FileInfo
	var names []string
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		fi, err := os.Stat(in)
		if err != nil {
			continue
		}
		for i, prev := range seen {
			if os.SameFile(prev, fi) {
				msgs = append(msgs, fmt.Sprintf("input %s is %s again: it is read twice and its records written twice", in, names[i]))
				break
			}
		}
		seen, names = append(seen, fi), append(names, in)
	}
	return msgs
}

// checkInputs returns the inputs to read ("-" for stdin when none are
// named) and their total size for the progress bar. A missing file or a
// directory is an I/O error before anything is read.
func checkInputs(args []string) ([]string, int64, error) {
	inputs := args
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	var total int64
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		fi, err := os.Stat(in)
		if err != nil {
			return nil, 0, ioError{fmt.Errorf("input: %w", err)}
		}
		if fi.IsDir() {
			return nil, 0, ioError{fmt.Errorf("input %s is a directory", in)}
		}
		total += fi.Size()
	}
	return inputs, total, nil
}
