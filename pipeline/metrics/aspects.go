package metrics

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// AspectDoc is one text's gold and predicted aspects: categories with a
// polarity. Each side is a set: a category given twice with one polarity
// counts once.
type AspectDoc struct {
	ID, Text   string
	Gold, Pred []Aspect
}

// Aspect is a category with its polarity.
type Aspect struct {
	Category, Polarity string
}

// AspectReport holds micro-averaged precision, recall and F1 over
// (text, category) and over (text, category, polarity), as GermEval 2017
// scores aspects, and the figures per category.
type AspectReport struct {
	Name                       string
	N                          int
	Category, CategoryPolarity PRF
	// Baseline is the category F1 of answering the most frequent gold
	// category (with its most frequent polarity) for every text.
	Baseline, BaselinePolarity PRF
	BaselineCategory           string
	PerCategory                []CategoryPRF
	Misses                     []AspectDoc
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP, FP, FN int
	Precision  float64
	Recall, F1 float64
}

// CategoryPRF is the PRF of one category.
type CategoryPRF struct {
	Category string
	PRF
	Support int
}

func prf(tp, fp, fn int) PRF {
	p := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		p.Precision = Round4(float64(tp) / float64(tp+fp))
	}
	if tp+fn > 0 {
		p.Recall = Round4(float64(tp) / float64(tp+fn))
	}
	if 2*tp+fp+fn > 0 {
		p.F1 = Round4(2 * float64(tp) / float64(2*tp+fp+fn))
	}
	return p
}

// ComputeAspects scores docs; misses keeps up to that many texts whose
// categories differ, in input order.
func ComputeAspects(docs []AspectDoc, misses int) *AspectReport {
	rep := &AspectReport{N: len(docs)}
	type count struct{ tp, fp, fn int }
	per := map[string]*count{}
	get := func(c string) *count {
		if per[c] == nil {
			per[c] = &count{}
		}
		return per[c]
	}
	var c, cp count
	freq := map[string]int{}
	polFreq := map[Aspect]int{}
	for _, d := range docs {
		gc, pc := categories(d.Gold), categories(d.Pred)
		gcp, pcp := pairs(d.Gold), pairs(d.Pred)
		for _, g := range gc {
			freq[g]++
		}
		for _, g := range gcp {
			polFreq[g]++
		}
		for _, p := range pc {
			if slices.Contains(gc, p) {
				c.tp++
				get(p).tp++
			} else {
				c.fp++
				get(p).fp++
			}
		}
		for _, g := range gc {
			if !slices.Contains(pc, g) {
				c.fn++
				get(g).fn++
			}
		}
		for _, p := range pcp {
			if slices.Contains(gcp, p) {
				cp.tp++
			} else {
				cp.fp++
			}
		}
		for _, g := range gcp {
			if !slices.Contains(pcp, g) {
				cp.fn++
			}
		}
		if len(rep.Misses) < misses && !slices.Equal(gc, pc) {
			rep.Misses = append(rep.Misses, d)
		}
	}
	rep.Category, rep.CategoryPolarity = prf(c.tp, c.fp, c.fn), prf(cp.tp, cp.fp, cp.fn)

	// The majority baseline: the most frequent category (ties by name) for
	// every text, with that category's most frequent polarity.
	best := ""
	for k, v := range freq {
		if best == "" || v > freq[best] || v == freq[best] && k < best {
			best = k
		}
	}
	if best != "" {
		bestPol := Aspect{}
		for k, v := range polFreq {
			if k.Category == best && (bestPol.Category == "" || v > polFreq[bestPol] || v == polFreq[bestPol] && k.Polarity < bestPol.Polarity) {
				bestPol = k
			}
		}
		var b, bp count
		total, totalP := 0, 0
		for _, d := range docs {
			total += len(categories(d.Gold))
			totalP += len(pairs(d.Gold))
			if slices.Contains(categories(d.Gold), best) {
				b.tp++
			} else {
				b.fp++
			}
			if slices.Contains(pairs(d.Gold), bestPol) {
				bp.tp++
			} else {
				bp.fp++
			}
		}
		rep.Baseline = prf(b.tp, b.fp, total-b.tp)
		rep.BaselinePolarity = prf(bp.tp, bp.fp, totalP-bp.tp)
		rep.BaselineCategory = best
	}
	names := make([]string, 0, len(per))
	for k := range per {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	for _, k := range names {
		x := per[k]
		rep.PerCategory = append(rep.PerCategory, CategoryPRF{Category: k, PRF: prf(x.tp, x.fp, x.fn), Support: freq[k]})
	}
	return rep
}

func categories(as []Aspect) []string {
	var out []string
	for _, a := range as {
		if !slices.Contains(out, a.Category) {
			out = append(out, a.Category)
		}
	}
	slices.Sort(out)
	return out
}

func pairs(as []Aspect) []Aspect {
	var out []Aspect
	for _, a := range as {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// WriteText prints the report for people.
func (r *AspectReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: n=%d aspect categories micro P=%s R=%s F1=%s; category+polarity micro P=%s R=%s F1=%s\n",
		r.Name, r.N, f4(r.Category.Precision), f4(r.Category.Recall), f4(r.Category.F1),
		f4(r.CategoryPolarity.Precision), f4(r.CategoryPolarity.Recall), f4(r.CategoryPolarity.F1))
	if r.BaselineCategory != "" {
		fmt.Fprintf(&b, "baseline (always %s): category F1=%s, category+polarity F1=%s\n", r.BaselineCategory, f4(r.Baseline.F1), f4(r.BaselinePolarity.F1))
	}
	rows := [][]string{{"category", "precision", "recall", "f1", "support", "predicted"}}
	for _, c := range r.PerCategory {
		rows = append(rows, []string{c.Category, f4(c.Precision), f4(c.Recall), f4(c.F1), fmt.Sprint(c.Support), fmt.Sprint(c.TP + c.FP)})
	}
	b.WriteString("\n")
	WriteTable(&b, rows, "lrrrrr")
	if len(r.Misses) > 0 {
		b.WriteString("\nmisses (gold → predicted)\n")
		for _, m := range r.Misses {
			fmt.Fprintf(&b, "  %s: %s → %s  %q\n", m.ID, aspectList(m.Gold), aspectList(m.Pred), clip(m.Text, 100))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func aspectList(as []Aspect) string {
	if len(as) == 0 {
		return "(none)"
	}
	var parts []string
	for _, a := range pairs(as) {
		parts = append(parts, a.Category+":"+a.Polarity)
	}
	return strings.Join(parts, " ")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
