package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/evaluate"
	"github.com/stimmung/stimmung/pipeline/metrics"
)

func newEval(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval GOLD.jsonl [GOLD.jsonl...]",
		Short: "Score the sentiment against labelled files (the figures of shared/tools/score.py)",
		Long: `Runs the configured pipeline on each GOLD file, exactly as analyze would, and
scores each record's sentiment against the file's labels. With --predictions,
scores an existing output of analyze (or any JSON lines with "id" and
"sentiment": {"score", "label"}) against each GOLD file instead.

GOLD lines are {"id", "text", "lang", "label"[, "rating"][, "kind"]}: label is
positive, negative, neutral or mixed (any other string is a class too), rating
an optional mean human rating (a number), kind an optional name of the kind
of text (irony, negation, ...). Gold and predictions are matched by id. Each
file is a set, named after the file without its directory and extension.

Printed first, one table: a row per set with n, accuracy, macro-F1 over the
classes the set uses, the majority-class baseline (accuracy of always
answering the set's most frequent class, named beside it) and accuracy minus
that baseline; with several sets, a last row "all" over every item (its
baseline is that of answering each set's own majority class). Then, for each
set whose gold lines have a kind, a table per kind: n, accuracy, macro-F1
over the classes present in that kind, and the most common miss
(gold → predicted, with its count).

With --detail (-v), each set's full report follows: coverage, F1 weighted by
support, the accuracy of the sign of the score when every label is positive
or negative, Pearson's r between score and rating when more than two items
have both, precision, recall and F1 per class, and the confusion matrix.
--misses implies --detail. With --json, all of it is one JSON document
{"sets": [...], "overall": {...}} (see the README for the fields).

The rules are score.py's, with one exception: a record that failed, or got
no sentiment (but see no_content below), counts as a wrong prediction; a
predicted mixed counts as neutral unless the set uses mixed; for the sign, a
score of 0 is wrong and a missing prediction counts; an id that appears twice
counts once, with its last line. max_errors does not apply: every record is
scored. The exception: a record flagged no_content ("-", "null", "nothing!", "keine Angabe", an
empty text), which gets no sentiment, counts as a prediction of neutral with
score 0, in the pipeline's output and in a --predictions file alike. score.py
counts it as missing.

A GOLD line that cannot be read, or has no usable label (missing, not a
string, empty) or rating (not a number), is reported on stderr with its line
number, and that file gets no report: figures over part of a file would look
like figures over all of it. The exit code is then 4.

With --aspects, each GOLD line also has "aspects": [{"category", "polarity"}]
(GermEval 2017's aspect categories; an empty list for a text about nothing
of interest), and the themes stage's theme names are scored against the
categories: micro precision, recall and F1 over (text, category) pairs and
over (text, category, polarity), per category, and the baseline of always
answering the most frequent category. A theme labelled mixed counts as
neutral. Use a taxonomy whose theme names are the categories, for example
--themes configs/examples/deutsche-bahn-themes.yaml.

Exit codes: 0 report printed (whatever the accuracy), 1 usage, 2 configuration,
4 a file missing or unreadable, or unusable gold lines.`,
		Example: `  stimmung eval ../shared/data/dev/germeval_dev_de.jsonl
  stimmung eval --misses 3 ../shared/data/dev/sb10k_dev_de.jsonl ../shared/data/dev/negation_de.jsonl
  stimmung analyze gold.jsonl > pred.jsonl && stimmung eval --predictions pred.jsonl gold.jsonl
  stimmung eval --detail ../shared/data/dev/cx_written.jsonl
  stimmung eval --json a.jsonl b.jsonl | jq '.sets[] | {name, accuracy, macro_f1}'
  stimmung eval --aspects --themes configs/examples/deutsche-bahn-themes.yaml ../shared/data/dev/germeval_dev_de.jsonl`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("eval needs at least one gold file")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return eval(cmd, s, args) },
	}
	addConfigFlags(cmd.Flags())
	// Accepted, so that a command line of analyze works here too, but
	// hidden from the help: eval writes no records and scores every one.
	for _, name := range []string{"max-errors", "format", "debug", "explain"} {
		_ = cmd.Flags().MarkHidden(name) // explain may not exist; nothing to hide then
	}
	cmd.Flags().String("predictions", "", `score this file (JSON lines with "id" and "sentiment"; - for stdin) instead of running the pipeline`)
	cmd.Flags().Bool("json", false, `print one JSON document: {"sets": [score.py's keys, then per_class, confusion, kinds, misses], "overall": {...}}`)
	cmd.Flags().BoolP("detail", "v", false, "after the tables, print each set's full report: per-class precision, recall and F1, confusion matrix")
	cmd.Flags().Int("misses", 0, "show up to N wrongly predicted items per gold/predicted pair, in file order (implies --detail)")
	cmd.Flags().Bool("aspects", false, `score the themes against the gold "aspects" ([{"category","polarity"}]): micro-F1 of categories and of category with polarity`)
	addEvalLearnFlags(cmd.Flags()) // --learn, --folds: evallearn.go
	return cmd
}

// maxGoldProblems bounds the messages about unusable gold lines per file.
const maxGoldProblems = 20

func eval(cmd *cobra.Command, s Streams, args []string) error {
	cfg, err := loadConfig(cmd, s, cmd.Flags())
	if err != nil {
		return err
	}
	predPath, _ := cmd.Flags().GetString("predictions")
	asJSON, _ := cmd.Flags().GetBool("json")
	nMisses, _ := cmd.Flags().GetInt("misses")
	if nMisses < 0 {
		return usageError{fmt.Errorf("--misses %d: want 0 or more", nMisses)}
	}
	detail, _ := cmd.Flags().GetBool("detail")
	detail = detail || nMisses > 0
	// Check every file before the first run: a typo in the last name should
	// not cost the runs over the ones before it.
	for _, name := range args {
		if name == "-" {
			return usageError{errors.New("gold must be a file, not stdin")}
		}
		fi, err := os.Stat(name)
		if err != nil {
			return ioError{fmt.Errorf("gold: %w", err)}
		}
		if fi.IsDir() {
			return ioError{fmt.Errorf("gold %s is a directory", name)}
		}
	}
	if evalLearnWanted(cmd) {
		return evalLearn(cmd, s, cfg, args)
	}

	if aspects, _ := cmd.Flags().GetBool("aspects"); aspects {
		if cmd.Flags().Changed("predictions") {
			return usageError{errors.New("--aspects runs the pipeline; it does not take --predictions")}
		}
		return evalAspects(cfg, s, args, asJSON, nMisses)
	}

	var preds map[string]evaluate.Prediction
	var p *pipeline.Pipeline
	if cmd.Flags().Changed("predictions") {
		if preds, err = loadPredictions(predPath, s); err != nil {
			return err
		}
	} else {
		if p, err = pipeline.Build(cfg); err != nil {
			return err
		}
		if !slices.Contains(p.Names(), "sentiment") {
			fmt.Fprintln(s.Err, "stimmung: the pipeline has no sentiment stage: only records flagged no_content get a prediction (neutral)")
		}
	}

	rep := newReporter(s.Err, false, false, 0)
	names := evaluate.SetNames(args)
	var sets []*evaluate.SetScore
	var bad []string
	for i, name := range args {
		g := evaluate.NewGoldSet(name, p != nil)
		src := &inputChain{names: []string{name}, opts: pipeline.ReadOptions(cfg), rep: rep}
		if p != nil {
			_, err = p.Run(context.Background(), src.next, g, pipeline.RunOptions{Workers: cfg.Workers})
		} else {
			err = readAll(src, g)
		}
		src.close()
		if err != nil {
			// The reader classifies its errors (I/O, configuration);
			// anything else is still a failure to read the input.
			if exitCode(err) == ExitUsage {
				err = ioError{err}
			}
			return err
		}
		if reportGoldProblems(s.Err, g) {
			bad = append(bad, name)
			continue
		}
		if p == nil {
			g.Preds = preds
		}
		warnGold(s.Err, g, predPath)
		sc := evaluate.ScoreSet(names[i], g.Items, g.Preds, metrics.Options{Misses: nMisses})
		sc.File = name
		sets = append(sets, sc)
	}
	if len(sets) > 0 {
		all := evaluate.Pool(sets)
		if asJSON {
			err = evaluate.WriteJSON(s.Out, sets, all)
		} else {
			err = evaluate.WriteText(s.Out, sets, all, detail)
		}
		if err != nil {
			return err
		}
	}
	if len(bad) > 0 {
		return ioError{fmt.Errorf("no report for %s: unusable gold lines", strings.Join(bad, ", "))}
	}
	return nil
}

// readAll hands every record of src to g, without running any stage.
func readAll(src *inputChain, g *evaluate.GoldSet) error {
	for {
		r, err := src.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := g.Write(r); err != nil {
			return err
		}
	}
}

// reportGoldProblems prints the unusable lines of the file and reports
// whether it gets no report: it has such lines, or not a single gold line.
func reportGoldProblems(w io.Writer, g *evaluate.GoldSet) bool {
	for i, p := range g.Problems {
		if i == maxGoldProblems {
			fmt.Fprintf(w, "stimmung: %s: %s\n", g.Name, plural(len(g.Problems)-i, "more unusable line", "more unusable lines"))
			break
		}
		fmt.Fprintf(w, "stimmung: %s\n", termMessage(p.String()))
	}
	if len(g.Problems) == 0 && len(g.Items) == 0 {
		fmt.Fprintf(w, "stimmung: %s: no gold lines\n", g.Name)
	}
	return g.Unusable()
}

// warnGold tells about what changes the figures without being an error.
func warnGold(w io.Writer, g *evaluate.GoldSet, predPath string) {
	if g.Dups > 0 {
		fmt.Fprintf(w, "stimmung: %s: %s an earlier id; each id counts once, with its last line\n", g.Name, plural(g.Dups, "line repeats", "lines repeat"))
	}
	if g.Failed > 0 {
		fmt.Fprintf(w, "stimmung: %s: %s; each counts as a wrong prediction\n", g.Name, plural(g.Failed, "record failed", "records failed"))
	}
	if odd := g.OddLabels(); len(odd) > 0 {
		var parts []string
		for i, l := range odd {
			if i == 5 {
				parts = append(parts, fmt.Sprintf("and %d more", len(odd)-i))
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", termText(strconv.Quote(l.Label)), plural(l.N, "line", "lines")))
		}
		fmt.Fprintf(w, "stimmung: %s: gold labels stimmung never predicts (it predicts positive, negative, neutral, mixed): %s; they count as classes of their own\n", g.Name, strings.Join(parts, ", "))
	}
	if g.Unmatched() {
		fmt.Fprintf(w, "stimmung: %s: no id matches an id in %s\n", g.Name, predPath)
	}
}

// plural returns "1 line" or "2 lines".
func plural(n int, one, more string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + more
}

// loadPredictions reads a predictions file (- for stdin) with
// evaluate.ReadPredictions and tells about its lines that are not JSON
// objects.
func loadPredictions(name string, s Streams) (map[string]evaluate.Prediction, error) {
	in := s.In
	shown := name
	if name == "-" {
		shown = "stdin"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, ioError{fmt.Errorf("predictions: %w", err)}
		}
		defer f.Close()
		in = f
	}
	preds, bad, err := evaluate.ReadPredictions(in)
	if err != nil {
		return nil, ioError{fmt.Errorf("predictions: %s: %w", shown, err)}
	}
	// score.py stops at such a line; here it only costs the prediction.
	if len(bad) > 0 {
		fmt.Fprintf(s.Err, "stimmung: %s:%d: not a JSON object, skipped", shown, bad[0])
		if len(bad) > 1 {
			fmt.Fprintf(s.Err, " (and %s)", plural(len(bad)-1, "more line", "more lines"))
		}
		fmt.Fprintln(s.Err)
	}
	return preds, nil
}
