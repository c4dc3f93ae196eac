package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/pipeline/metrics"
)

// setScore is the evaluation of one gold set.
type setScore struct {
	// Name is the set's name in the tables (see setNames); File the gold
	// file it was read from, "" when it came from elsewhere.
	Name, File string
	// Report holds score.py's figures and the per-class detail.
	Report *metrics.Report
	// Kinds are the figures per value of the gold "kind" field, sorted by
	// kind, the items without a kind last; nil when no item has a kind.
	Kinds []kindScore
	// NoContent counts the items whose prediction is the neutral given to
	// a record flagged no_content.
	NoContent int
	// scored are the items with the predicted label as this set counts it
	// (a predicted mixed is neutral unless the set uses mixed), so that
	// pooling keeps every item right or wrong as it was in its set.
	scored []metrics.Pair
}

// kindScore is the figures of the items of one kind.
type kindScore struct {
	// Kind is "" for the items without a kind.
	Kind     string
	N        int
	Accuracy float64
	// MacroF1 is the mean F1 over Classes, the gold classes present among
	// these items; precision counts the predictions among them only.
	MacroF1 float64
	Classes []string
	// Miss is the most common wrong prediction (gold, predicted, count);
	// Miss.N is 0 when every item is right.
	Miss kindMiss
}

type kindMiss struct {
	Gold, Pred string
	N          int
}

// scoreSet scores the predictions preds (by id) against the gold items of
// one set, in file order: the whole set as score.py would (with the
// no_content rule applied where preds were made), and each kind. It reads
// nothing and prints nothing, so every way of getting predictions (the
// pipeline, a --predictions file, a fold of cross-validation) is scored by
// the same code.
func scoreSet(name string, items []goldItem, preds map[string]prediction, o metrics.Options) *setScore {
	pairs := make([]metrics.Pair, len(items))
	sc := &setScore{Name: name}
	for i, it := range items {
		p := metrics.Pair{ID: it.id, Text: it.text, Gold: it.label, Score: math.NaN(), Rating: it.rating}
		if pr, ok := preds[it.id]; ok {
			p.Pred, p.Score = pr.label, pr.score
			if pr.noContent {
				sc.NoContent++
			}
		}
		pairs[i] = p
	}
	sc.Report = metrics.Compute(pairs, o)
	sc.Report.Name = name

	keepMixed := slices.Contains(sc.Report.Classes, metrics.Mixed)
	sc.scored = make([]metrics.Pair, len(pairs))
	for i, p := range pairs {
		if p.Pred == metrics.Mixed && !keepMixed {
			p.Pred = metrics.Neutral
		}
		sc.scored[i] = p
	}
	sc.Kinds = scoreKinds(items, sc.scored)
	return sc
}

// scoreKinds groups the scored items by kind; nil when none has a kind.
func scoreKinds(items []goldItem, scored []metrics.Pair) []kindScore {
	byKind := map[string][]metrics.Pair{}
	for i, it := range items {
		byKind[it.kind] = append(byKind[it.kind], scored[i])
	}
	if len(byKind) == 1 && byKind[""] != nil {
		return nil
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b string) int {
		if (a == "") != (b == "") {
			if a == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	out := make([]kindScore, len(kinds))
	for i, k := range kinds {
		out[i] = scoreKind(k, byKind[k])
	}
	return out
}

// scoreKind computes accuracy and macro-F1 of some items whose predicted
// labels are final (the set's mixed rule applied): metrics.Compute would
// apply the rule again, to the kind's classes instead of the set's.
func scoreKind(kind string, ps []metrics.Pair) kindScore {
	support, predicted, tp := map[string]int{}, map[string]int{}, map[string]int{}
	misses := map[[2]string]int{}
	correct := 0
	for _, p := range ps {
		support[p.Gold]++
		if p.Pred != "" {
			predicted[p.Pred]++
		}
		if p.Pred == p.Gold {
			tp[p.Gold]++
			correct++
			continue
		}
		pred := p.Pred
		if pred == "" {
			pred = metrics.None
		}
		misses[[2]string{p.Gold, pred}]++
	}
	k := kindScore{Kind: kind, N: len(ps)}
	for c := range support {
		k.Classes = append(k.Classes, c)
	}
	slices.Sort(k.Classes)
	var f1s float64
	for _, c := range k.Classes {
		var prec, rec, f1 float64
		if predicted[c] > 0 {
			prec = float64(tp[c]) / float64(predicted[c])
		}
		rec = float64(tp[c]) / float64(support[c])
		if prec+rec > 0 {
			f1 = 2 * prec * rec / (prec + rec)
		}
		f1s += f1
	}
	if k.N > 0 {
		k.Accuracy = float64(correct) / float64(k.N)
		k.MacroF1 = f1s / float64(len(k.Classes))
	}
	for cell, n := range misses {
		m := kindMiss{Gold: cell[0], Pred: cell[1], N: n}
		if m.N > k.Miss.N || m.N == k.Miss.N && (m.Gold < k.Miss.Gold || m.Gold == k.Miss.Gold && m.Pred < k.Miss.Pred) {
			k.Miss = m
		}
	}
	return k
}

// overallScore is the evaluation of all sets together.
type overallScore struct {
	Sets int
	// Report is computed over every item as its set scored it, so that
	// its accuracy is the mean of the sets' accuracies weighted by n.
	Report *metrics.Report
	// MajorityBaseline is the accuracy of answering each set's own
	// majority class: the mean of the sets' baselines weighted by n.
	MajorityBaseline float64
	NoContent        int
}

// poolSets scores all sets together.
func poolSets(sets []*setScore) *overallScore {
	var all []metrics.Pair
	o := &overallScore{Sets: len(sets)}
	majority := 0
	for _, s := range sets {
		all = append(all, s.scored...)
		o.NoContent += s.NoContent
		for _, c := range s.Report.PerClass {
			if c.Class == s.Report.MajorityClass {
				majority += c.Support
			}
		}
	}
	o.Report = metrics.Compute(all, metrics.Options{})
	o.Report.Name = "all"
	if n := o.Report.N; n > 0 {
		o.MajorityBaseline = float64(majority) / float64(n)
	}
	return o
}

// setNames names each set after its file, without directory and extension;
// files whose names would clash keep their path.
func setNames(paths []string) []string {
	names := make([]string, len(paths))
	count := map[string]int{}
	for i, p := range paths {
		base := filepath.Base(p)
		names[i] = strings.TrimSuffix(base, filepath.Ext(base))
		count[names[i]]++
	}
	for i, n := range names {
		if count[n] > 1 {
			names[i] = paths[i]
		}
	}
	return names
}

// vsMajority is accuracy minus baseline, both rounded first, so that the
// difference agrees with the figures printed beside it.
func vsMajority(accuracy, baseline float64) float64 {
	return metrics.Round4(metrics.Round4(accuracy) - metrics.Round4(baseline))
}

// writeEvalText prints the summary table, a table per kind for each set
// with kinds and, with detail, each set's full report.
func writeEvalText(w io.Writer, sets []*setScore, all *overallScore, detail bool) error {
	var b strings.Builder
	rows := [][]string{{"set", "n", "accuracy", "macro-F1", "majority", "class", "vs majority"}}
	for _, s := range sets {
		r := s.Report
		rows = append(rows, []string{s.Name, strconv.Itoa(r.N), f4(r.Accuracy), f4(r.MacroF1),
			f4(r.MajorityBaseline), r.MajorityClass, fmt.Sprintf("%+.4f", vsMajority(r.Accuracy, r.MajorityBaseline))})
	}
	if len(sets) > 1 {
		r := all.Report
		rows = append(rows, []string{"all", strconv.Itoa(r.N), f4(r.Accuracy), f4(r.MacroF1),
			f4(all.MajorityBaseline), "(each set's)", fmt.Sprintf("%+.4f", vsMajority(r.Accuracy, all.MajorityBaseline))})
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
// jsonSetExtra's keys.

type jsonEval struct {
	Sets    []json.RawMessage `json:"sets"`
	Overall jsonOverall       `json:"overall"`
}

type jsonSetExtra struct {
	File       string            `json:"file,omitempty"`
	VsMajority float64           `json:"vs_majority"`
	NoContent  int               `json:"no_content"`
	Kinds      []jsonKindFigures `json:"kinds,omitempty"`
}

type jsonKindFigures struct {
	Kind     string   `json:"kind"`
	N        int      `json:"n"`
	Accuracy float64  `json:"accuracy"`
	MacroF1  float64  `json:"macro_f1"`
	Classes  []string `json:"classes"`
	// MostCommonMiss is null when every item of the kind is right.
	MostCommonMiss *jsonKindMiss `json:"most_common_miss"`
}

type jsonKindMiss struct {
	Gold      string `json:"gold"`
	Predicted string `json:"predicted"`
	N         int    `json:"n"`
}

type jsonOverall struct {
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

// writeEvalJSON prints the figures as one JSON document on one line.
func writeEvalJSON(w io.Writer, sets []*setScore, all *overallScore) error {
	doc := jsonEval{Sets: make([]json.RawMessage, 0, len(sets))}
	for _, s := range sets {
		b, err := setJSON(s)
		if err != nil {
			return err
		}
		doc.Sets = append(doc.Sets, b)
	}
	r := all.Report
	doc.Overall = jsonOverall{
		Name: "all", Sets: all.Sets, N: r.N,
		Coverage: metrics.Round4(r.Coverage), Accuracy: metrics.Round4(r.Accuracy),
		MacroF1: metrics.Round4(r.MacroF1), WeightedF1: metrics.Round4(r.WeightedF1),
		MajorityBaseline: metrics.Round4(all.MajorityBaseline),
		VsMajority:       vsMajority(r.Accuracy, all.MajorityBaseline),
		Classes:          r.Classes, NoContent: all.NoContent,
	}
	if doc.Overall.Classes == nil {
		doc.Overall.Classes = []string{}
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// setJSON is the report's JSON object with jsonSetExtra's keys appended.
func setJSON(s *setScore) (json.RawMessage, error) {
	base, err := s.Report.JSON()
	if err != nil {
		return nil, err
	}
	extra := jsonSetExtra{File: s.File, VsMajority: vsMajority(s.Report.Accuracy, s.Report.MajorityBaseline), NoContent: s.NoContent}
	for _, k := range s.Kinds {
		jk := jsonKindFigures{Kind: k.Kind, N: k.N, Accuracy: metrics.Round4(k.Accuracy), MacroF1: metrics.Round4(k.MacroF1), Classes: k.Classes}
		if k.Miss.N > 0 {
			jk.MostCommonMiss = &jsonKindMiss{Gold: k.Miss.Gold, Predicted: k.Miss.Pred, N: k.Miss.N}
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
