package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
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

	var preds map[string]prediction
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
	names := setNames(args)
	var sets []*setScore
	var bad []string
	for i, name := range args {
		g := newGoldSet(name, p != nil)
		src := &inputChain{names: []string{name}, opts: readOptions(cfg), rep: rep}
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
		if g.reportProblems(s.Err) {
			bad = append(bad, name)
			continue
		}
		if p == nil {
			g.preds = preds
		}
		g.warn(s.Err, predPath)
		sc := scoreSet(names[i], g.items, g.preds, metrics.Options{Misses: nMisses})
		sc.File = name
		sets = append(sets, sc)
	}
	if len(sets) > 0 {
		all := poolSets(sets)
		if asJSON {
			err = writeEvalJSON(s.Out, sets, all)
		} else {
			err = writeEvalText(s.Out, sets, all, detail)
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
func readAll(src *inputChain, g *goldSet) error {
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

// prediction is what a record, or a line of a predictions file, says.
type prediction struct {
	// label is never "": a sentiment without a label gets noLabel, so that
	// it counts as a prediction (a wrong one), as in score.py.
	label string
	score float64
	// noContent marks the neutral prediction given to a record flagged
	// no_content that has no sentiment (see noContentPrediction).
	noContent bool
}

// noContentPrediction is what a record flagged no_content without a
// sentiment counts as: neutral with score 0, what the sentiment stage would
// say about a text that says nothing if it looked at it. Here eval departs
// from score.py, which counts such a record as missing (always wrong): the
// figures should measure the scorer, not the normalizer's skipping.
var noContentPrediction = prediction{label: metrics.Neutral, score: 0, noContent: true}

const noLabel = "(no label)"

// goldItem is one usable gold line.
type goldItem struct {
	id, text, label string
	rating          float64
	// kind is the gold line's "kind" ("" when it has none).
	kind string
}

// goldSet collects the gold items of one file, in file order, and, when
// the pipeline ran, the predictions of its records. It is the pipeline's
// Writer, so records arrive in input order.
type goldSet struct {
	name     string
	items    []goldItem
	index    map[string]int
	dups     int
	failed   int
	problems []string
	preds    map[string]prediction
	fromRun  bool
}

func newGoldSet(name string, fromRun bool) *goldSet {
	return &goldSet{name: name, index: map[string]int{}, preds: map[string]prediction{}, fromRun: fromRun}
}

func (g *goldSet) Flush() error { return nil }

func (g *goldSet) Write(r *models.Record) error {
	label, rating, msg := goldOf(r)
	if msg != "" {
		g.problems = append(g.problems, fmt.Sprintf("%s:%d: %s", g.name, r.Line, msg))
		return nil
	}
	id := r.ID
	if id == "" {
		id = pipeline.DefaultID(r)
	}
	it := goldItem{id: id, text: r.Original, label: label, rating: rating, kind: kindOf(r.Field("kind"))}
	// Like score.py's dict: an id seen before keeps its place and takes
	// the later line's label.
	if i, ok := g.index[id]; ok {
		g.items[i] = it
		g.dups++
	} else {
		g.index[id] = len(g.items)
		g.items = append(g.items, it)
	}
	if !g.fromRun {
		return nil
	}
	if r.Err != nil {
		g.failed++
		return nil
	}
	// A later record of the same id without a sentiment does not undo an
	// earlier prediction: score.py skips such lines of analyze's output.
	// One flagged no_content is a prediction (neutral) of its own.
	switch {
	case r.Sentiment != nil:
		l := r.Sentiment.Label
		if l == "" {
			l = noLabel
		}
		g.preds[id] = prediction{label: l, score: r.Sentiment.Score}
	case r.HasFlag(models.FlagNoContent):
		g.preds[id] = noContentPrediction
	}
	return nil
}

// kindOf reads a gold line's "kind": a string trimmed; another JSON value
// as written; absent or null is no kind.
func kindOf(raw json.RawMessage) string {
	if raw == nil || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return string(raw)
}

// goldOf returns the gold label and rating (NaN when absent) of r, or what
// makes r unusable as gold.
func goldOf(r *models.Record) (label string, rating float64, problem string) {
	raw := r.Field("label")
	if raw == nil {
		if r.Err != nil && r.Err.Stage == "read" {
			// A line that could not be read has no fields at all.
			return "", 0, r.Err.Message
		}
		return "", 0, `no "label" field`
	}
	if err := json.Unmarshal(raw, &label); err != nil {
		return "", 0, fmt.Sprintf(`"label" is %s, want a string`, jsonKind(raw))
	}
	if strings.TrimSpace(label) == "" {
		return "", 0, `"label" is empty`
	}
	rating, ok := ratingOf(r.Field("rating"))
	if !ok {
		return "", 0, fmt.Sprintf(`"rating" is %s, want a number`, jsonKind(r.Field("rating")))
	}
	return label, rating, ""
}

// ratingOf reads a rating: a JSON number, or a string holding one (a CSV
// cell); absent, null and "" mean no rating (NaN).
func ratingOf(raw json.RawMessage) (float64, bool) {
	if raw == nil || string(raw) == "null" {
		return math.NaN(), true
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		s = strings.TrimSpace(s)
		if s == "" {
			return math.NaN(), true
		}
		raw = json.RawMessage(strings.Replace(s, ",", ".", 1))
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

func jsonKind(raw json.RawMessage) string {
	switch {
	case len(raw) == 0:
		return "empty"
	case raw[0] == '"':
		return "a string"
	case raw[0] == '{':
		return "an object"
	case raw[0] == '[':
		return "an array"
	case raw[0] == 't' || raw[0] == 'f':
		return "a boolean"
	case raw[0] == 'n':
		return "null"
	}
	return "a number"
}

// reportProblems prints the unusable lines of the file and reports whether
// there were any; a file without a single gold line is one too.
func (g *goldSet) reportProblems(w io.Writer) bool {
	for i, p := range g.problems {
		if i == maxGoldProblems {
			fmt.Fprintf(w, "stimmung: %s: %s\n", g.name, plural(len(g.problems)-i, "more unusable line", "more unusable lines"))
			break
		}
		fmt.Fprintf(w, "stimmung: %s\n", termMessage(p))
	}
	if len(g.problems) == 0 && len(g.items) == 0 {
		fmt.Fprintf(w, "stimmung: %s: no gold lines\n", g.name)
		return true
	}
	return len(g.problems) > 0
}

// warn tells about what changes the figures without being an error.
func (g *goldSet) warn(w io.Writer, predPath string) {
	if g.dups > 0 {
		fmt.Fprintf(w, "stimmung: %s: %s an earlier id; each id counts once, with its last line\n", g.name, plural(g.dups, "line repeats", "lines repeat"))
	}
	if g.failed > 0 {
		fmt.Fprintf(w, "stimmung: %s: %s; each counts as a wrong prediction\n", g.name, plural(g.failed, "record failed", "records failed"))
	}
	// Like score.py, any gold label is a class; one that stimmung never
	// predicts is most likely a typo, and its lines all count as misses.
	odd := map[string]int{}
	for _, it := range g.items {
		switch it.label {
		case "positive", "negative", "neutral", "mixed":
		default:
			odd[it.label]++
		}
	}
	if len(odd) > 0 {
		labels := slices.Sorted(maps.Keys(odd))
		var parts []string
		for i, l := range labels {
			if i == 5 {
				parts = append(parts, fmt.Sprintf("and %d more", len(labels)-i))
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", termText(strconv.Quote(l)), plural(odd[l], "line", "lines")))
		}
		fmt.Fprintf(w, "stimmung: %s: gold labels stimmung never predicts (it predicts positive, negative, neutral, mixed): %s; they count as classes of their own\n", g.name, strings.Join(parts, ", "))
	}
	if !g.fromRun && len(g.preds) > 0 {
		matched := false
		for _, it := range g.items {
			if _, ok := g.preds[it.id]; ok {
				matched = true
				break
			}
		}
		if !matched {
			fmt.Fprintf(w, "stimmung: %s: no id matches an id in %s\n", g.name, predPath)
		}
	}
}

// plural returns "1 line" or "2 lines".
func plural(n int, one, more string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + more
}

// loadPredictions reads a predictions file by score.py's rules: a line
// counts when it has an "id", no "error" and a "sentiment" object; a later
// line of the same id wins. One exception: a line with an "id", no "error",
// no "sentiment" object and "flags" holding "no_content" is a prediction of
// neutral (noContentPrediction).
func loadPredictions(name string, s Streams) (map[string]prediction, error) {
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
	preds := map[string]prediction{}
	br := bufio.NewReaderSize(in, 64<<10)
	var bad []int
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			if !addPrediction(preds, b, line == 1) {
				bad = append(bad, line)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, ioError{fmt.Errorf("predictions: %s: %w", shown, err)}
		}
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

// addPrediction adds the prediction of one line, and reports false when
// the line is not a JSON object.
func addPrediction(preds map[string]prediction, b []byte, first bool) bool {
	if first {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		// Python's json (and so score.py) reads NaN and Infinity, and
		// Python writes them: read them as no score.
		if json.Unmarshal(nonFiniteToNull(b), &obj) != nil || obj == nil {
			return false
		}
	}
	if obj == nil {
		return false
	}
	rawID, ok := obj["id"]
	if !ok {
		return true
	}
	if _, failed := obj["error"]; failed {
		return true
	}
	id := predictionID(rawID)
	if id == "" {
		return true
	}
	var sent map[string]json.RawMessage
	if json.Unmarshal(obj["sentiment"], &sent) != nil || sent == nil {
		var flags []string
		if json.Unmarshal(obj["flags"], &flags) == nil && slices.Contains(flags, models.FlagNoContent) {
			preds[id] = noContentPrediction
		}
		return true
	}
	pr := prediction{label: noLabel, score: math.NaN()}
	var l string
	if json.Unmarshal(sent["label"], &l) == nil && l != "" {
		pr.label = l
	}
	if raw := sent["score"]; len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		// Not json.Unmarshal: 1e999 is +Inf for score.py (left out), not
		// an error.
		pr.score, _ = strconv.ParseFloat(string(raw), 64)
	}
	preds[id] = pr
	return true
}

// predictionID spells an id as the reader does for gold lines: a string
// trimmed, a number as written; null is no id.
func predictionID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// nonFiniteToNull replaces the tokens NaN, Infinity and -Infinity outside
// strings by null.
func nonFiniteToNull(b []byte) []byte {
	out := make([]byte, 0, len(b))
	inString, escaped := false, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			out = append(out, c)
			continue
		}
		if c == '"' {
			inString = true
		}
		if n := nonFiniteAt(b[i:]); n > 0 {
			out = append(out, "null"...)
			i += n - 1
			continue
		}
		out = append(out, c)
	}
	return out
}

func nonFiniteAt(b []byte) int {
	for _, tok := range []string{"NaN", "Infinity", "-Infinity"} {
		if bytes.HasPrefix(b, []byte(tok)) {
			return len(tok)
		}
	}
	return 0
}
