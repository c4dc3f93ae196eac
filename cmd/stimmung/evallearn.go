package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/learn"
	"github.com/stimmung/stimmung/pipeline/metrics"
)

// addEvalLearnFlags adds eval's cross-validation flags: --learn, --folds
// and the flags of lexicon learn that choose the labels and the fit.
func addEvalLearnFlags(fs *pflag.FlagSet) {
	fs.Bool("learn", false, "cross-validate `lexicon learn` on each gold file: learn on k-1 folds, score the held-out fold with the learned layer, and compare with the plain pipeline")
	fs.Int("folds", 5, "number of folds for --learn")
	addLearnFlags(fs)
	fs.Lookup("label-field").Usage = "field with the label to learn from (the gold label is always \"label\")"
}

// evalLearnWanted reports whether eval should cross-validate learning.
func evalLearnWanted(cmd *cobra.Command) bool {
	on, _ := cmd.Flags().GetBool("learn")
	return on
}

// cvItem is one gold line of a cross-validated file.
type cvItem struct {
	id, text, lang, gold string
	class                int  // class to learn from
	learnable            bool // class is usable for learning
	empty                bool // no text (no_content): scored as neutral
	fold                 int
}

// cvResult is one file's cross-validation.
type cvResult struct {
	name           string
	folds          int
	plain, learned *metrics.Report
	// layers counts the learned layers (folds × languages) and entries
	// their entries, on average.
	layers  int
	entries float64
	elapsed time.Duration
}

// evalLearn runs k-fold cross-validation of lexicon learn on each gold file
// and prints, per file, the figures of the plain pipeline and of the
// pipeline with the layer learned on the other folds.
func evalLearn(cmd *cobra.Command, s Streams, cfg *configs.Config, args []string) error {
	folds, _ := cmd.Flags().GetInt("folds")
	if folds < 2 {
		return usageError{fmt.Errorf("--folds %d: want 2 or more", folds)}
	}
	if cmd.Flags().Changed("predictions") || cmd.Flags().Changed("aspects") {
		return usageError{errors.New("--learn runs the pipeline and scores sentiment: it does not take --predictions or --aspects")}
	}
	rule, o, err := learnSettings(cmd)
	if err != nil {
		return err
	}
	o.Workers = cfg.Workers
	asJSON, _ := cmd.Flags().GetBool("json")
	var results []*cvResult
	for _, name := range args {
		res, err := crossValidate(cfg, name, s, rule, o, folds)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	if asJSON {
		return writeCVJSON(s.Out, results)
	}
	return writeCVText(s.Out, results)
}

func crossValidate(cfg *configs.Config, name string, s Streams, rule labelRule, o learn.Options, folds int) (*cvResult, error) {
	start := time.Now()
	items, err := readCVItems(cfg, name, s, rule)
	if err != nil {
		return nil, err
	}
	if len(items) < folds {
		return nil, ioError{fmt.Errorf("%s: %d gold lines for %d folds", name, len(items), folds)}
	}
	assignFolds(items, folds)
	res := &cvResult{name: filepath.Base(name), folds: folds}

	plain, err := predictItems(cfg, items, nil, o.Workers)
	if err != nil {
		return nil, err
	}
	learned := make([]cvPred, len(items))
	dir, err := os.MkdirTemp("", "stimmung-cv-")
	if err != nil {
		return nil, ioError{err}
	}
	defer os.RemoveAll(dir)
	langs := map[string]bool{}
	for _, it := range items {
		langs[it.lang] = true
	}
	for f := range folds {
		var train []learn.Example
		for _, it := range items {
			if it.fold != f && it.learnable && !it.empty {
				train = append(train, learn.Example{ID: it.id, Text: it.text, Lang: it.lang, Class: it.class})
			}
		}
		var files []pipeline.LexiconFile
		for _, lang := range lexicons.Languages {
			if !langs[lang] && !langs[""] {
				continue
			}
			lo := o
			lo.Lang = lang
			lr, err := learn.Learn(context.Background(), cfg, train, lo)
			if err != nil {
				// Too few comments of this language in the training
				// folds: its layer stays empty.
				continue
			}
			path := filepath.Join(dir, fmt.Sprintf("fold%d_%s.tsv", f, lang))
			if err := writeLayer(path, nil, lr, lexicons.Polarity, nil); err != nil {
				return nil, err
			}
			files = append(files, pipeline.LexiconFile{Path: path, Lang: lang})
			res.layers++
			res.entries += float64(len(lr.Layer(lexicons.Polarity)))
		}
		c, err := pipeline.WithLexicons(cfg, files...)
		if err != nil {
			return nil, err
		}
		in := func(i int) bool { return items[i].fold == f }
		preds, err := predictItems(c, items, in, o.Workers)
		if err != nil {
			return nil, err
		}
		for i := range items {
			if in(i) {
				learned[i] = preds[i]
			}
		}
	}
	if res.layers > 0 {
		res.entries /= float64(res.layers)
	}
	res.plain = metrics.Compute(cvPairs(items, plain), metrics.Options{})
	res.learned = metrics.Compute(cvPairs(items, learned), metrics.Options{})
	res.plain.Name, res.learned.Name = res.name, res.name
	res.elapsed = time.Since(start)
	return res, nil
}

// readCVItems reads the gold lines of one file: a usable "label" each.
func readCVItems(cfg *configs.Config, name string, s Streams, rule labelRule) ([]cvItem, error) {
	rep := newReporter(s.Err, true, true, 0)
	src := &inputChain{names: []string{name}, opts: readOptions(cfg), rep: rep}
	defer src.close()
	var items []cvItem
	seen := map[string]int{}
	bad := 0
	for {
		r, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		var gold string
		if raw := r.Field("label"); r.Err != nil || raw == nil || json.Unmarshal(raw, &gold) != nil || strings.TrimSpace(gold) == "" {
			bad++
			continue
		}
		id := r.ID
		if id == "" {
			id = pipeline.DefaultID(r)
		}
		it := cvItem{id: id, text: r.Original, lang: r.Lang, gold: gold, empty: !r.Analysed()}
		it.class, it.learnable = rule.class(r)
		if i, ok := seen[id]; ok {
			items[i] = it // as eval: an id counts once, with its last line
			continue
		}
		seen[id] = len(items)
		items = append(items, it)
	}
	if bad > 0 {
		fmt.Fprintf(s.Err, "stimmung: %s: %s without a usable label, left out of the cross-validation\n", name, cvPlural(bad))
	}
	return items, nil
}

// assignFolds deals the items to folds in the order of a hash of their id:
// balanced, independent of the file's order, the same on every run.
func assignFolds(items []cvItem, folds int) {
	order := make([]int, len(items))
	hashes := make([]uint64, len(items))
	for i := range items {
		h := fnv.New64a()
		h.Write([]byte(items[i].id))
		order[i], hashes[i] = i, h.Sum64()
	}
	slices.SortFunc(order, func(a, b int) int {
		if hashes[a] != hashes[b] {
			if hashes[a] < hashes[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	for k, i := range order {
		items[i].fold = k % folds
	}
}

// predictItems runs the pipeline of cfg on the items that in selects (all
// when in is nil) and returns their predictions by index. An empty comment
// is neutral with score 0 (eval's rule for no_content answers).
func predictItems(cfg *configs.Config, items []cvItem, in func(int) bool, workers int) ([]cvPred, error) {
	p, err := pipeline.Build(cfg)
	if err != nil {
		return nil, err
	}
	out := make([]cvPred, len(items))
	i := 0
	next := func() (*models.Record, error) {
		for i < len(items) && (items[i].empty || in != nil && !in(i)) {
			i++
		}
		if i >= len(items) {
			return nil, io.EOF
		}
		it := &items[i]
		i++
		return &models.Record{Source: "eval", Line: int64(i), ID: it.id, Original: it.text, Text: it.text, Lang: it.lang}, nil
	}
	w := cvWriter(func(r *models.Record) {
		k := int(r.Line - 1)
		switch {
		case r.Err == nil && r.HasFlag(models.FlagNoContent):
			out[k] = cvPred{label: models.Neutral} // eval's rule for no_content answers
		case r.Err != nil || r.Sentiment == nil:
			out[k] = cvPred{}
		default:
			out[k] = cvPred{label: r.Sentiment.Label, score: r.Sentiment.Score}
		}
	})
	if _, err := p.Run(context.Background(), next, w, pipeline.RunOptions{Workers: workers}); err != nil {
		return nil, err
	}
	for k := range items {
		if items[k].empty {
			out[k] = cvPred{label: models.Neutral}
		}
	}
	return out, nil
}

type cvWriter func(r *models.Record)

func (f cvWriter) Write(r *models.Record) error { f(r); return nil }
func (cvWriter) Flush() error                   { return nil }

func cvPairs(items []cvItem, preds []cvPred) []metrics.Pair {
	out := make([]metrics.Pair, len(items))
	for i, it := range items {
		out[i] = metrics.Pair{ID: it.id, Text: it.text, Gold: it.gold, Pred: preds[i].label, Score: preds[i].score, Rating: math.NaN()}
		if preds[i].label == "" {
			out[i].Score = math.NaN()
		}
	}
	return out
}

func writeCVText(w io.Writer, results []*cvResult) error {
	var b strings.Builder
	rows := [][]string{{"set", "n", "folds", "accuracy", "", "macro-F1", "", "weighted-F1", "", "majority", "entries/layer"}}
	rows = append(rows, []string{"", "", "", "plain", "learned", "plain", "learned", "plain", "learned", "", ""})
	for _, r := range results {
		rows = append(rows, []string{r.name, fmt.Sprint(r.plain.N), fmt.Sprint(r.folds),
			cvF4(r.plain.Accuracy), cvF4(r.learned.Accuracy), cvF4(r.plain.MacroF1), cvF4(r.learned.MacroF1),
			cvF4(r.plain.WeightedF1), cvF4(r.learned.WeightedF1),
			cvF4(r.plain.MajorityBaseline) + " " + r.plain.MajorityClass, fmt.Sprintf("%.0f", r.entries)})
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for j, c := range row {
			widths[j] = max(widths[j], len([]rune(c)))
		}
	}
	for _, row := range rows {
		for j, c := range row {
			pad := strings.Repeat(" ", widths[j]-len([]rune(c)))
			if j == 0 || j == len(row)-2 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(pad + c)
			}
			if j < len(row)-1 {
				b.WriteString("  ")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\nlearned: each fold scored with the layer that `lexicon learn` fitted on the other folds; plain: the pipeline as configured.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCVJSON(w io.Writer, results []*cvResult) error {
	type set struct {
		Set     string          `json:"set"`
		Folds   int             `json:"folds"`
		Entries float64         `json:"entries_per_layer"`
		Seconds float64         `json:"seconds"`
		Plain   json.RawMessage `json:"plain"`
		Learned json.RawMessage `json:"learned"`
	}
	var out struct {
		Sets []set `json:"sets"`
	}
	for _, r := range results {
		p, err := r.plain.JSON()
		if err != nil {
			return err
		}
		l, err := r.learned.JSON()
		if err != nil {
			return err
		}
		out.Sets = append(out.Sets, set{Set: r.name, Folds: r.folds, Entries: math.Round(r.entries), Seconds: math.Round(r.elapsed.Seconds()*10) / 10, Plain: p, Learned: l})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// cvPred is a record's predicted label ("" when it got none) and score.
type cvPred struct {
	label string
	score float64
}

func cvF4(x float64) string { return fmt.Sprintf("%.4f", x) }

func cvPlural(n int) string {
	if n == 1 {
		return "1 line"
	}
	return fmt.Sprintf("%d lines", n)
}
