package evaluate

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/learn"
	"github.com/stimmung/stimmung/pipeline/metrics"
)

// CVItem is one gold line of a cross-validated file.
type CVItem struct {
	ID, Text, Lang, Gold string
	Class                int  // class to learn from
	Learnable            bool // Class is usable for learning
	Empty                bool // no text (no_content): scored as neutral
	Fold                 int
}

// CVGold collects the gold lines of a file to cross-validate, in file
// order; an id counts once, with its last line (as in GoldSet).
type CVGold struct {
	Items []CVItem
	// Unlabelled counts the records without a usable "label" (or that
	// could not be read), left out.
	Unlabelled int
	seen       map[string]int
}

// Add adds a record with the class to learn from (learnable false when it
// has none).
func (g *CVGold) Add(r *models.Record, class int, learnable bool) {
	var gold string
	if raw := r.Field("label"); r.Err != nil || raw == nil || json.Unmarshal(raw, &gold) != nil || strings.TrimSpace(gold) == "" {
		g.Unlabelled++
		return
	}
	id := r.ID
	if id == "" {
		id = pipeline.DefaultID(r)
	}
	it := CVItem{ID: id, Text: r.Original, Lang: r.Lang, Gold: gold, Empty: !r.Analysed(), Class: class, Learnable: learnable}
	if g.seen == nil {
		g.seen = map[string]int{}
	}
	if i, ok := g.seen[id]; ok {
		g.Items[i] = it // as eval: an id counts once, with its last line
		return
	}
	g.seen[id] = len(g.Items)
	g.Items = append(g.Items, it)
}

// CVResult is one file's cross-validation.
type CVResult struct {
	Name           string
	Folds          int
	Plain, Learned *metrics.Report
	// Layers counts the learned layers (folds × languages) and Entries
	// their entries, on average.
	Layers  int
	Entries float64
	// Elapsed is set by the caller (it includes reading the file).
	Elapsed time.Duration
}

// CVOptions configure CrossValidate.
type CVOptions struct {
	// Folds is the number of folds, 2 or more, at most the number of items.
	Folds int
	// Learn configures lexicon learning; its Workers run the pipeline too.
	Learn learn.Options
	// Dir is a directory for the learned layers' files.
	Dir string
	// WriteLayer writes a learned polarity layer to a file.
	WriteLayer func(path string, r *learn.Result) error
}

// CrossValidate runs k-fold cross-validation of lexicon learning on the
// items of the file name: each fold is scored by the pipeline of cfg with
// the layer learned on the other folds (Learned) and by the plain pipeline
// (Plain). It changes the items' Fold.
func CrossValidate(cfg *configs.Config, name string, items []CVItem, o CVOptions) (*CVResult, error) {
	folds := o.Folds
	AssignFolds(items, folds)
	res := &CVResult{Name: filepath.Base(name), Folds: folds}

	plain, err := predictItems(cfg, items, nil, o.Learn.Workers)
	if err != nil {
		return nil, err
	}
	learned := make([]cvPred, len(items))
	langs := map[string]bool{}
	for _, it := range items {
		langs[it.Lang] = true
	}
	for f := range folds {
		var train []learn.Example
		for _, it := range items {
			if it.Fold != f && it.Learnable && !it.Empty {
				train = append(train, learn.Example{ID: it.ID, Text: it.Text, Lang: it.Lang, Class: it.Class})
			}
		}
		var files []pipeline.LexiconFile
		for _, lang := range lexicons.Languages {
			if !langs[lang] && !langs[""] {
				continue
			}
			lo := o.Learn
			lo.Lang = lang
			lr, err := learn.Learn(context.Background(), cfg, train, lo)
			if err != nil {
				// Too few comments of this language in the training
				// folds: its layer stays empty.
				continue
			}
			path := filepath.Join(o.Dir, fmt.Sprintf("fold%d_%s.tsv", f, lang))
			if err := o.WriteLayer(path, lr); err != nil {
				return nil, err
			}
			files = append(files, pipeline.LexiconFile{Path: path, Lang: lang})
			res.Layers++
			res.Entries += float64(len(lr.Layer(lexicons.Polarity)))
		}
		c, err := pipeline.WithLexicons(cfg, files...)
		if err != nil {
			return nil, err
		}
		in := func(i int) bool { return items[i].Fold == f }
		preds, err := predictItems(c, items, in, o.Learn.Workers)
		if err != nil {
			return nil, err
		}
		for i := range items {
			if in(i) {
				learned[i] = preds[i]
			}
		}
	}
	if res.Layers > 0 {
		res.Entries /= float64(res.Layers)
	}
	res.Plain = metrics.Compute(cvPairs(items, plain), metrics.Options{})
	res.Learned = metrics.Compute(cvPairs(items, learned), metrics.Options{})
	res.Plain.Name, res.Learned.Name = res.Name, res.Name
	return res, nil
}

// AssignFolds deals the items to folds in the order of a hash of their id:
// balanced, independent of the file's order, the same on every run.
func AssignFolds(items []CVItem, folds int) {
	order := make([]int, len(items))
	hashes := make([]uint64, len(items))
	for i := range items {
		h := fnv.New64a()
		h.Write([]byte(items[i].ID))
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
		items[i].Fold = k % folds
	}
}

// cvPred is a record's predicted label ("" when it got none) and score.
type cvPred struct {
	label string
	score float64
}

// predictItems runs the pipeline of cfg on the items that in selects (all
// when in is nil) and returns their predictions by index. An empty comment
// is neutral with score 0 (eval's rule for no_content answers).
func predictItems(cfg *configs.Config, items []CVItem, in func(int) bool, workers int) ([]cvPred, error) {
	p, err := pipeline.Build(cfg)
	if err != nil {
		return nil, err
	}
	out := make([]cvPred, len(items))
	i := 0
	next := func() (*models.Record, error) {
		for i < len(items) && (items[i].Empty || in != nil && !in(i)) {
			i++
		}
		if i >= len(items) {
			return nil, io.EOF
		}
		it := &items[i]
		i++
		return &models.Record{Source: "eval", Line: int64(i), ID: it.ID, Original: it.Text, Text: it.Text, Lang: it.Lang}, nil
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
		if items[k].Empty {
			out[k] = cvPred{label: models.Neutral}
		}
	}
	return out, nil
}

type cvWriter func(r *models.Record)

func (f cvWriter) Write(r *models.Record) error { f(r); return nil }
func (cvWriter) Flush() error                   { return nil }

func cvPairs(items []CVItem, preds []cvPred) []metrics.Pair {
	out := make([]metrics.Pair, len(items))
	for i, it := range items {
		out[i] = metrics.Pair{ID: it.ID, Text: it.Text, Gold: it.Gold, Pred: preds[i].label, Score: preds[i].score, Rating: math.NaN()}
		if preds[i].label == "" {
			out[i].Score = math.NaN()
		}
	}
	return out
}

// WriteCVText prints a table of the results: per file the plain and the
// learned figures.
func WriteCVText(w io.Writer, results []*CVResult) error {
	var b strings.Builder
	rows := [][]string{{"set", "n", "folds", "accuracy", "", "macro-F1", "", "weighted-F1", "", "majority", "entries/layer"}}
	rows = append(rows, []string{"", "", "", "plain", "learned", "plain", "learned", "plain", "learned", "", ""})
	for _, r := range results {
		rows = append(rows, []string{r.Name, fmt.Sprint(r.Plain.N), fmt.Sprint(r.Folds),
			cvF4(r.Plain.Accuracy), cvF4(r.Learned.Accuracy), cvF4(r.Plain.MacroF1), cvF4(r.Learned.MacroF1),
			cvF4(r.Plain.WeightedF1), cvF4(r.Learned.WeightedF1),
			cvF4(r.Plain.MajorityBaseline) + " " + r.Plain.MajorityClass, fmt.Sprintf("%.0f", r.Entries)})
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

// CVSetJSON is one file's cross-validation in WriteCVJSON's document
// {"sets": [...]}; Plain and Learned are metrics.Report's JSON objects.
type CVSetJSON struct {
	Set     string          `json:"set"`
	Folds   int             `json:"folds"`
	Entries float64         `json:"entries_per_layer"`
	Seconds float64         `json:"seconds"`
	Plain   json.RawMessage `json:"plain"`
	Learned json.RawMessage `json:"learned"`
}

// WriteCVJSON prints the results as one indented JSON document
// {"sets": [CVSetJSON...]}.
func WriteCVJSON(w io.Writer, results []*CVResult) error {
	var out struct {
		Sets []CVSetJSON `json:"sets"`
	}
	for _, r := range results {
		p, err := r.Plain.JSON()
		if err != nil {
			return err
		}
		l, err := r.Learned.JSON()
		if err != nil {
			return err
		}
		out.Sets = append(out.Sets, CVSetJSON{Set: r.Name, Folds: r.Folds, Entries: math.Round(r.Entries), Seconds: math.Round(r.Elapsed.Seconds()*10) / 10, Plain: p, Learned: l})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func cvF4(x float64) string { return fmt.Sprintf("%.4f", x) }
