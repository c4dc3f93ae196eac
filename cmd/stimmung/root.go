package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "0.1.0-dev"

// Streams are the process's standard streams and environment, passed in so
// that tests run the whole CLI in-process.
type Streams struct {
	In      io.Reader
	Out     io.Writer
	Err     io.Writer
	Environ []string
	// Interrupt, when set, stands in for the process's SIGINT and SIGTERM
	// (tests send on it); when nil, analyze and index catch those signals.
	Interrupt <-chan os.Signal
}

// Run executes the command line args and returns the exit code.
func Run(args []string, s Streams) int {
	return guard(s.Err, func() int { return runCommand(args, s) })
}

// guard runs f; a panic in it (on this goroutine) is reported as an
// internal error with its stack, and the exit code is ExitInternal, never
// one that blames the user's input or configuration.
func guard(stderr io.Writer, f func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			reportInternal(stderr, r, debug.Stack())
			code = ExitInternal
		}
	}()
	return f()
}

// reportInternal prints a panic with its stack as a bug to report.
func reportInternal(stderr io.Writer, v any, stack []byte) {
	fmt.Fprintf(stderr, "stimmung: internal error: %s\n%s\nThis is a bug in stimmung: please report it with the command line and the stack above.\n", termMessage(fmt.Sprint(v)), stack)
}

func runCommand(args []string, s Streams) int {
	root := newRoot(s)
	root.SetArgs(args)
	return exitWith(root.Execute(), s)
}

// exitWith prints what ended a command, if anything, and returns its exit code.
func exitWith(err error, s Streams) int {
	if err == nil {
		return ExitOK
	}
	if closedOutput(err) {
		return ExitOK
	}
	// A panic in another goroutine of the run (the reader's).
	var ie *pipeline.InternalError
	if errors.As(err, &ie) {
		reportInternal(s.Err, ie.Value, ie.Stack)
		return ExitInternal
	}
	// Anything not classified (cobra's unknown command, say) is a usage error.
	code := exitCode(err)
	if rf, ok := err.(recordsFailed); ok && rf.silent {
		return code
	}
	// Messages quote input (header names, values): escaped, never obeyed.
	fmt.Fprintf(s.Err, "stimmung: %s\n", termMessage(err.Error()))
	if code == ExitUsage {
		fmt.Fprintln(s.Err, "Run 'stimmung --help' for usage.")
	}
	return code
}

func newRoot(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "stimmung",
		Short: "Sentiment, themes and search for German and English customer feedback",
		Long: `stimmung turns open-ended customer feedback (survey comments, NPS, CSAT and
CES answers, support verbatims) in German and English into sentiment, themes
with their own sentiment, CX signals (effort, urgency, churn, a follow-up
priority) and a searchable index: one output line per comment, in input order.

Input: JSON lines (files or stdin), JSON arrays, CSV and XLSX exports.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.PersistentFlags().String("config", "", "configuration file (YAML) merged over the built-in default")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newAnalyze(s), newIndexCmd(s), newSearchCmd(s), newExplain(s), newLexiconCmd(s), newEval(s), newConfigCmd(s), newThemesCmd(s), newReportCmd(s), newServeCmd(s))
	return root
}

// configFlags maps flags to the configuration keys they set. A flag the user
// gave wins over the environment, the file and the default.
var configFlags = map[string]string{
	"workers":        "workers",
	"max-errors":     "max_errors",
	"max-line-bytes": "max_line_bytes",
	"lang":           "default_lang",
	"input-format":   "input.format",
	"encoding":       "input.encoding",
	"delimiter":      "input.delimiter",
	"preset":         "input.preset",
	"skip-rows":      "input.skip_rows",
	"sheet":          "input.sheet",
	"text-column":    "input.columns.text",
	"format":         "output.format",
	"debug":          "output.debug",
	"explain":        "output.explain",
	"themes":         "themes",
	"signals":        "signals",
}

// loadConfig merges the configuration for cmd; errors are *configs.Error.
func loadConfig(cmd *cobra.Command, s Streams, flags *pflag.FlagSet) (*configs.Config, error) {
	file, _ := cmd.Flags().GetString("config")
	keys := map[string]string{}
	if flags != nil {
		for name, key := range configFlags {
			if flags.Lookup(name) != nil {
				keys[name] = key
			}
		}
	}
	cfg, err := configs.Load(configs.Options{File: file, Environ: s.Environ, Flags: flags, FlagKeys: keys})
	if err != nil {
		return nil, err
	}
	return withLexiconFlags(cmd, cfg)
}

func addConfigFlags(fs *pflag.FlagSet) {
	fs.IntP("workers", "j", 0, fmt.Sprintf("parallel workers (0: one per CPU core; at most %d); output order never changes", configs.MaxWorkers))
	fs.Int("max-errors", 0, "stop after N failed records (0: never)")
	fs.Int("max-line-bytes", 0, "longest accepted input line in bytes (default 1 MiB)")
	fs.String("lang", "", "language for texts too short to detect: de or en (default de)")
	fs.String("input-format", "", "input format: auto, jsonl, json, csv, xlsx (default auto)")
	fs.String("encoding", "", "CSV encoding: auto, utf-8, windows-1252 (default auto)")
	fs.String("delimiter", "", `CSV delimiter: auto, ",", ";", "\t" (default auto)`)
	fs.String("preset", "", "input preset: qualtrics")
	fs.Int("skip-rows", 0, "rows after the CSV/XLSX header to skip")
	fs.String("sheet", "", "XLSX sheet name (default: the first sheet)")
	fs.StringSlice("text-column", nil, "text column(s); several give one record per column, id RESP:COLUMN")
	fs.StringP("format", "f", "", "output format: jsonl or csv (default jsonl; csv for --output *.csv)")
	fs.Bool("debug", false, "add sentences and tokens to each record")
	fs.Bool("explain", false, "add to each record the words and rules behind its sentiment")
	fs.String("themes", "", "theme taxonomy file (default: the built-in customer-experience taxonomy)")
	fs.String("signals", "", "signals taxonomy file: effort, urgency, churn cues (default: the built-in one)")
	addLexiconFlag(fs)
}
