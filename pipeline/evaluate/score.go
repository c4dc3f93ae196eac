package evaluate

import (
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/pipeline/metrics"
)

// SetScore is the evaluation of one gold set.
type SetScore struct {
	// Name is the set's name in the tables (see SetNames); File the gold
	// file it was read from, "" when it came from elsewhere.
	Name, File string
	// Report holds score.py's figures and the per-class detail.
	Report *metrics.Report
	// Kinds are the figures per value of the gold "kind" field, sorted by
	// kind, the items without a kind last; nil when no item has a kind.
	Kinds []KindScore
	// NoContent counts the items whose prediction is the neutral given to
	// a record flagged no_content.
	NoContent int
	// scored are the items with the predicted label as this set counts it
	// (a predicted mixed is neutral unless the set uses mixed), so that
	// pooling keeps every item right or wrong as it was in its set.
	scored []metrics.Pair
}

// KindScore is the figures of the items of one kind.
type KindScore struct {
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
	Miss KindMiss
}

type KindMiss struct {
	Gold, Pred string
	N          int
}

// ScoreSet scores the predictions preds (by id) against the gold items of
// one set, in file order: the whole set as score.py would (with the
// no_content rule applied where preds were made), and each kind. It reads
// nothing and prints nothing, so every way of getting predictions (the
// pipeline, a --predictions file, a fold of cross-validation) is scored by
// the same code.
func ScoreSet(name string, items []Item, preds map[string]Prediction, o metrics.Options) *SetScore {
	pairs := make([]metrics.Pair, len(items))
	sc := &SetScore{Name: name}
	for i, it := range items {
		p := metrics.Pair{ID: it.ID, Text: it.Text, Gold: it.Label, Score: math.NaN(), Rating: it.Rating}
		if pr, ok := preds[it.ID]; ok {
			p.Pred, p.Score = pr.Label, pr.Score
			if pr.NoContent {
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
func scoreKinds(items []Item, scored []metrics.Pair) []KindScore {
	byKind := map[string][]metrics.Pair{}
	for i, it := range items {
		byKind[it.Kind] = append(byKind[it.Kind], scored[i])
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
	out := make([]KindScore, len(kinds))
	for i, k := range kinds {
		out[i] = scoreKind(k, byKind[k])
	}
	return out
}

// scoreKind computes accuracy and macro-F1 of some items whose predicted
// labels are final (the set's mixed rule applied): metrics.Compute would
// apply the rule again, to the kind's classes instead of the set's.
func scoreKind(kind string, ps []metrics.Pair) KindScore {
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
	k := KindScore{Kind: kind, N: len(ps)}
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
		m := KindMiss{Gold: cell[0], Pred: cell[1], N: n}
		if m.N > k.Miss.N || m.N == k.Miss.N && (m.Gold < k.Miss.Gold || m.Gold == k.Miss.Gold && m.Pred < k.Miss.Pred) {
			k.Miss = m
		}
	}
	return k
}

// Overall is the evaluation of all sets together.
type Overall struct {
	Sets int
	// Report is computed over every item as its set scored it, so that
	// its accuracy is the mean of the sets' accuracies weighted by n.
	Report *metrics.Report
	// MajorityBaseline is the accuracy of answering each set's own
	// majority class: the mean of the sets' baselines weighted by n.
	MajorityBaseline float64
	NoContent        int
}

// Pool scores all sets together.
func Pool(sets []*SetScore) *Overall {
	var all []metrics.Pair
	o := &Overall{Sets: len(sets)}
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

// SetNames names each set after its file, without directory and extension;
// files whose names would clash keep their path.
func SetNames(paths []string) []string {
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

// VsMajority is accuracy minus baseline, both rounded first, so that the
// difference agrees with the figures printed beside it.
func VsMajority(accuracy, baseline float64) float64 {
	return metrics.Round4(metrics.Round4(accuracy) - metrics.Round4(baseline))
}
