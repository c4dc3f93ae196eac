package evaluate

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/metrics"
)

// Prediction is what a record, or a line of a predictions file, says.
type Prediction struct {
	// Label is never "": a sentiment without a label gets NoLabel, so that
	// it counts as a prediction (a wrong one), as in score.py.
	Label string
	Score float64
	// NoContent marks the neutral prediction given to a record flagged
	// no_content that has no sentiment (see NoContentPrediction).
	NoContent bool
}

// NoContentPrediction is what a record flagged no_content without a
// sentiment counts as: neutral with score 0, what the sentiment stage would
// say about a text that says nothing if it looked at it. Here eval departs
// from score.py, which counts such a record as missing (always wrong): the
// figures should measure the scorer, not the normalizer's skipping.
var NoContentPrediction = Prediction{Label: metrics.Neutral, Score: 0, NoContent: true}

// NoLabel is the label of a prediction whose sentiment has none.
const NoLabel = "(no label)"

// Item is one usable gold line.
type Item struct {
	ID, Text, Label string
	// Rating is the gold rating, NaN when absent.
	Rating float64
	// Kind is the gold line's "kind" ("" when it has none).
	Kind string
}

// Problem is a gold line that cannot be used.
type Problem struct {
	File    string
	Line    int64
	Message string
}

// String is "FILE:LINE: message".
func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message) }

// GoldSet collects the gold items of one file, in file order, and, when
// the pipeline ran, the predictions of its records. It is the pipeline's
// Writer, so records arrive in input order; without the pipeline, hand it
// the records of the reader.
type GoldSet struct {
	// Name is the gold file's name as given.
	Name  string
	Items []Item
	// Dups counts the lines that repeat an earlier id (the later line
	// wins), Failed the records that failed in the pipeline.
	Dups, Failed int
	Problems     []Problem
	// Preds are the predictions by id: of the records when FromRun, else
	// set by the caller (from a predictions file).
	Preds   map[string]Prediction
	FromRun bool
	index   map[string]int
}

// NewGoldSet returns an empty set for the gold file name; fromRun says
// whether its records come from the pipeline (and carry predictions).
func NewGoldSet(name string, fromRun bool) *GoldSet {
	return &GoldSet{Name: name, index: map[string]int{}, Preds: map[string]Prediction{}, FromRun: fromRun}
}

// Flush does nothing: a GoldSet keeps everything in memory.
func (g *GoldSet) Flush() error { return nil }

// Write adds a record: its gold line, and its prediction when FromRun.
func (g *GoldSet) Write(r *models.Record) error {
	label, rating, msg := goldOf(r)
	if msg != "" {
		g.Problems = append(g.Problems, Problem{File: g.Name, Line: r.Line, Message: msg})
		return nil
	}
	id := r.ID
	if id == "" {
		id = pipeline.DefaultID(r)
	}
	it := Item{ID: id, Text: r.Original, Label: label, Rating: rating, Kind: kindOf(r.Field("kind"))}
	// Like score.py's dict: an id seen before keeps its place and takes
	// the later line's label.
	if i, ok := g.index[id]; ok {
		g.Items[i] = it
		g.Dups++
	} else {
		g.index[id] = len(g.Items)
		g.Items = append(g.Items, it)
	}
	if !g.FromRun {
		return nil
	}
	if r.Err != nil {
		g.Failed++
		return nil
	}
	// A later record of the same id without a sentiment does not undo an
	// earlier prediction: score.py skips such lines of analyze's output.
	// One flagged no_content is a prediction (neutral) of its own.
	switch {
	case r.Sentiment != nil:
		l := r.Sentiment.Label
		if l == "" {
			l = NoLabel
		}
		g.Preds[id] = Prediction{Label: l, Score: r.Sentiment.Score}
	case r.HasFlag(models.FlagNoContent):
		g.Preds[id] = NoContentPrediction
	}
	return nil
}

// Unusable reports whether the file gets no report: it has unusable
// lines, or not a single gold line.
func (g *GoldSet) Unusable() bool { return len(g.Problems) > 0 || len(g.Items) == 0 }

// LabelCount is a gold label and the number of items with it.
type LabelCount struct {
	Label string
	N     int
}

// OddLabels returns the gold labels stimmung never predicts (any but
// positive, negative, neutral and mixed), sorted, with their counts. Like
// score.py, any gold label is a class; such a label is most likely a typo,
// and its lines all count as misses.
func (g *GoldSet) OddLabels() []LabelCount {
	odd := map[string]int{}
	for _, it := range g.Items {
		switch it.Label {
		case metrics.Positive, metrics.Negative, metrics.Neutral, metrics.Mixed:
		default:
			odd[it.Label]++
		}
	}
	var out []LabelCount
	for _, l := range slices.Sorted(maps.Keys(odd)) {
		out = append(out, LabelCount{l, odd[l]})
	}
	return out
}

// Unmatched reports whether predictions from elsewhere (not FromRun) were
// given and not one of them has the id of a gold item.
func (g *GoldSet) Unmatched() bool {
	if g.FromRun || len(g.Preds) == 0 {
		return false
	}
	for _, it := range g.Items {
		if _, ok := g.Preds[it.ID]; ok {
			return false
		}
	}
	return true
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

// ratingOf reads a gold rating with models.ParseRating (the one rating
// parser): absent, null and "" are no rating (NaN); a value that is not a
// number is a problem (ok false).
func ratingOf(raw json.RawMessage) (float64, bool) {
	r := models.ParseRating(raw)
	switch {
	case !r.Given:
		return math.NaN(), true
	case !r.Valid:
		return 0, false
	}
	return r.Value, true
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
