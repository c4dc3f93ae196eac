package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/pipeline/metrics"
)

// WriteText prints the summary table, a table per kind for each set
// with kinds and, with detail, each set's full report.
func WriteText(w io.Writer, sets []*SetScore, all *Overall, detail bool) error {
	var b strings.Builder
	rows := [][]string{{"set", "n", "accuracy", "macro-F1", "majority", "class", "vs majority"}}
	for _, s := range sets {
		r := s.Report
		rows = append(rows, []string{s.Name, strconv.Itoa(r.N), f4(r.Accuracy), f4(r.MacroF1),
			f4(r.MajorityBaseline), r.MajorityClass, fmt.Sprintf("%+.4f", VsMajority(r.Accuracy, r.MajorityBaseline))})
	}
	if len(sets) > 1 {
		r := all.Report
		rows = append(rows, []string{"all", strconv.Itoa(r.N), f4(r.Accuracy), f4(r.MacroF1),
			f4(all.MajorityBaseline), "(each set's)", fmt.Sprintf("%+.4f", VsMajority(r.Accuracy, all.MajorityBaseline))})
	}
	metrics.WriteTable(&b, rows, "lrrrrlr")

	var notes []string
	for _, s := range sets {
		if s.NoContent > 0 {
			notes = append(notes, fmt.Sprintf("%s %d", s.Name, s.NoContent))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(&b, "scored as neutral, flagged no_content: %s\n", strings.Join(notes, ", "))
	}

	for _, s := range sets {
		if s.Kinds == nil {
			continue
		}
		fmt.Fprintf(&b, "\n%s by kind\n", s.Name)
		rows := [][]string{{"kind", "n", "accuracy", "macro-F1", "most common miss"}}
		for _, k := range s.Kinds {
			name := k.Kind
			if name == "" {
				name = "(none)"
			}
			miss := "-"
			if k.Miss.N > 0 {
				miss = fmt.Sprintf("%s → %s (%d)", k.Miss.Gold, k.Miss.Pred, k.Miss.N)
			}
			rows = append(rows, []string{name, strconv.Itoa(k.N), f4(k.Accuracy), f4(k.MacroF1), miss})
		}
		metrics.WriteTable(&b, rows, "lrrrl")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if !detail {
		return nil
	}
	for _, s := range sets {
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
		if err := s.Report.WriteText(w); err != nil {
			return err
		}
	}
	return nil
}

// The JSON document of eval (README, "Evaluating"): {"sets": [...],
// "overall": {...}}. A set is metrics.Report's JSON object (score.py's
// keys, then majority_class, per_class, confusion, misses) followed by
// SetExtraJSON's keys.

// Doc is the JSON document of eval; NewDoc fills it.
type Doc struct {
	Sets    []json.RawMessage `json:"sets"`
	Overall OverallJSON       `json:"overall"`
}

// SetExtraJSON holds the keys a set's JSON object has beyond those of
// metrics.Report's (see SetJSON).
type SetExtraJSON struct {
	File       string     `json:"file,omitempty"`
	VsMajority float64    `json:"vs_majority"`
	NoContent  int        `json:"no_content"`
	Kinds      []KindJSON `json:"kinds,omitempty"`
}

// KindJSON is the figures of one kind of a set.
type KindJSON struct {
	Kind     string   `json:"kind"`
	N        int      `json:"n"`
	Accuracy float64  `json:"accuracy"`
	MacroF1  float64  `json:"macro_f1"`
	Classes  []string `json:"classes"`
	// MostCommonMiss is null when every item of the kind is right.
	MostCommonMiss *KindMissJSON `json:"most_common_miss"`
}

// KindMissJSON is a kind's most common miss.
type KindMissJSON struct {
	Gold      string `json:"gold"`
	Predicted string `json:"predicted"`
	N         int    `json:"n"`
}

// OverallJSON is the figures of all sets together ("overall").
type OverallJSON struct {
	Name             string   `json:"name"`
	Sets             int      `json:"sets"`
	N                int      `json:"n"`
	Coverage         float64  `json:"coverage"`
	Accuracy         float64  `json:"accuracy"`
	MacroF1          float64  `json:"macro_f1"`
	WeightedF1       float64  `json:"weighted_f1"`
	MajorityBaseline float64  `json:"majority_baseline"`
	VsMajority       float64  `json:"vs_majority"`
	Classes          []string `json:"classes"`
	NoContent        int      `json:"no_content"`
}

// WriteJSON prints the figures as one JSON document (Doc) on one line.
func WriteJSON(w io.Writer, sets []*SetScore, all *Overall) error {
	doc, err := NewDoc(sets, all)
	if err != nil {
		return err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// NewDoc returns the JSON document of the sets and of all of them.
func NewDoc(sets []*SetScore, all *Overall) (*Doc, error) {
	doc := &Doc{Sets: make([]json.RawMessage, 0, len(sets))}
	for _, s := range sets {
		b, err := SetJSON(s)
		if err != nil {
			return nil, err
		}
		doc.Sets = append(doc.Sets, b)
	}
	r := all.Report
	doc.Overall = OverallJSON{
		Name: "all", Sets: all.Sets, N: r.N,
		Coverage: metrics.Round4(r.Coverage), Accuracy: metrics.Round4(r.Accuracy),
		MacroF1: metrics.Round4(r.MacroF1), WeightedF1: metrics.Round4(r.WeightedF1),
		MajorityBaseline: metrics.Round4(all.MajorityBaseline),
		VsMajority:       VsMajority(r.Accuracy, all.MajorityBaseline),
		Classes:          r.Classes, NoContent: all.NoContent,
	}
	if doc.Overall.Classes == nil {
		doc.Overall.Classes = []string{}
	}
	return doc, nil
}

// SetJSON is the report's JSON object with SetExtraJSON's keys appended.
func SetJSON(s *SetScore) (json.RawMessage, error) {
	base, err := s.Report.JSON()
	if err != nil {
		return nil, err
	}
	extra := SetExtraJSON{File: s.File, VsMajority: VsMajority(s.Report.Accuracy, s.Report.MajorityBaseline), NoContent: s.NoContent}
	for _, k := range s.Kinds {
		jk := KindJSON{Kind: k.Kind, N: k.N, Accuracy: metrics.Round4(k.Accuracy), MacroF1: metrics.Round4(k.MacroF1), Classes: k.Classes}
		if k.Miss.N > 0 {
			jk.MostCommonMiss = &KindMissJSON{Gold: k.Miss.Gold, Predicted: k.Miss.Pred, N: k.Miss.N}
		}
		extra.Kinds = append(extra.Kinds, jk)
	}
	more, err := json.Marshal(extra)
	if err != nil {
		return nil, err
	}
	// Both are objects with at least one key: join them into one.
	if len(base) < 2 || base[len(base)-1] != '}' || len(more) < 3 || more[0] != '{' {
		return nil, fmt.Errorf("eval: cannot join JSON objects %q and %q", base, more)
	}
	out := make([]byte, 0, len(base)+len(more))
	out = append(out, base[:len(base)-1]...)
	out = append(out, ',')
	out = append(out, more[1:]...)
	return out, nil
}

func f4(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
