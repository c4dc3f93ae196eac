package report

import "slices"

// Tally is everything a report counts over a set of records: the KPIs'
// counts and ids, the breakdowns, theme impact, the follow-up queue and,
// with a comparison, both periods. Every part is a sum or a capped list in
// input order, so tallies of consecutive parts of the data merge (Merge)
// into the tally of all of it: what --partial and merge, and the Counter's
// workers, rely on.
type Tally struct {
	// Filter selects the records of the report; records outside it count
	// only towards the baseline of a comparison.
	Filter     Filter
	Counts     Counts
	IDs        KPIIDs
	Breakdowns []*Breakdown
	Impacts    Impacts
	Queue      *Queue
	// Then and Now are the periods of a comparison (nil without one);
	// ThenFilter selects the baseline's records.
	Then, Now  *Side
	ThenFilter Filter
}

// NewTally starts a tally of the records f selects, with a breakdown by
// each of by (a dimension or an input column) and a follow-up queue of
// queueSize comments.
func NewTally(f Filter, by []string, queueSize int) *Tally {
	t := &Tally{Filter: f, Impacts: Impacts{}, Queue: NewQueue(queueSize)}
	for _, b := range by {
		t.Breakdowns = append(t.Breakdowns, NewBreakdown(b))
	}
	return t
}

// Compare adds a comparison: the baseline's records are those then
// selects; the NPS change is split over the segments of waterfallBy.
func (t *Tally) Compare(then Filter, waterfallBy string) {
	t.ThenFilter = then
	t.Then, t.Now = NewSide(waterfallBy), NewSide(waterfallBy)
}

// Columns are the input columns the tally reads of each record: those of
// its filters, its column breakdowns and its waterfall segments.
func (t *Tally) Columns() []string {
	cols := t.Filter.Columns()
	add := func(c string) {
		if !IsDimension(c) && !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	for _, c := range t.ThenFilter.Columns() {
		add(c)
	}
	for _, b := range t.Breakdowns {
		add(b.By)
	}
	if t.Now != nil {
		add(t.Now.Segments.By)
	}
	return cols
}

// IsDimension reports whether by is one of the built-in breakdowns rather
// than an input column.
func IsDimension(by string) bool {
	switch by {
	case ByTheme, ByTouchpoint, ByLang, ByDay, ByWeek, ByMonth, ByQuarter:
		return true
	}
	return false
}

// Add counts one record.
func (t *Tally) Add(it Item) {
	if t.Then != nil && t.ThenFilter.Match(it) {
		t.Then.Add(it)
	}
	if !t.Filter.Match(it) {
		return
	}
	if t.Now != nil {
		t.Now.Add(it)
	}
	t.Counts.Add(it)
	t.IDs.Add(it)
	t.Impacts.Add(it)
	t.Queue.Add(it)
	for _, b := range t.Breakdowns {
		b.Add(it)
	}
}

// Merge adds the tally of the records that follow t's (made by Fork).
func (t *Tally) Merge(o *Tally) {
	t.Counts.Merge(o.Counts)
	t.IDs.Merge(o.IDs)
	t.Impacts.Merge(o.Impacts)
	t.Queue.Merge(o.Queue)
	for i, b := range t.Breakdowns {
		b.Merge(o.Breakdowns[i])
	}
	if t.Then != nil {
		t.Then.Merge(o.Then)
		t.Now.Merge(o.Now)
	}
}

// Fork returns an empty tally with t's filters, breakdowns, queue size and
// comparison, to count a part of the records and Merge into t.
func (t *Tally) Fork() *Tally {
	f := &Tally{Filter: t.Filter, Impacts: Impacts{}, Queue: NewQueue(t.Queue.Size)}
	f.Queue.Admit = t.Queue.Admit
	for _, b := range t.Breakdowns {
		f.Breakdowns = append(f.Breakdowns, NewBreakdown(b.By))
	}
	if t.Then != nil {
		f.Compare(t.ThenFilter, t.Then.Segments.By)
	}
	return f
}

// Partial is the tally as `stimmung report --partial` writes it.
func (t *Tally) Partial() Partial {
	return Partial{Version: PartialVersion, Counts: t.Counts, IDs: t.IDs, Breakdowns: t.Breakdowns, Impacts: t.Impacts,
		Queue: t.Queue, Then: t.Then, Now: t.Now}
}

// ErrPartialShape says a partial report was made with other breakdowns or
// another comparison than the first: such parts do not add up.
type ErrPartialShape struct{ What string }

func (e ErrPartialShape) Error() string { return "other " + e.What + " than the first part" }

// TallyOf starts a tally with the shape of the partial report p (its
// breakdowns and comparison) and a queue of queueSize, to merge parts into
// with MergePartial.
func TallyOf(p Partial, queueSize int) *Tally {
	t := &Tally{Impacts: Impacts{}, Queue: NewQueue(queueSize)}
	for _, b := range p.Breakdowns {
		t.Breakdowns = append(t.Breakdowns, NewBreakdown(b.By))
	}
	if p.Then != nil && p.Now != nil {
		t.Then, t.Now = NewSide(p.Then.Segments.By), NewSide(p.Now.Segments.By)
	}
	return t
}

// MergePartial adds a partial report of another part of the data; its
// breakdowns and comparison must be those of the tally (TallyOf the first
// part).
func (t *Tally) MergePartial(p Partial) error {
	if len(p.Breakdowns) != len(t.Breakdowns) {
		return ErrPartialShape{"breakdowns (--by)"}
	}
	for j, b := range p.Breakdowns {
		if b == nil || b.By != t.Breakdowns[j].By {
			return ErrPartialShape{"breakdowns (--by)"}
		}
	}
	if (p.Then != nil) != (t.Then != nil) || (p.Now != nil) != (t.Now != nil) {
		return ErrPartialShape{"comparison (--compare)"}
	}
	for j, b := range p.Breakdowns {
		t.Breakdowns[j].Merge(b)
	}
	t.Counts.Merge(p.Counts)
	t.IDs.Merge(p.IDs)
	t.Impacts.Merge(p.Impacts)
	if p.Queue != nil {
		t.Queue.Merge(p.Queue)
	}
	if p.Then != nil {
		t.Then.Merge(p.Then)
		t.Now.Merge(p.Now)
	}
	return nil
}

// Document makes the report of the tally: every figure with minN as the
// least n shown (<= 0: DefaultMinN).
func (t *Tally) Document(minN int) Document {
	k := t.Counts.KPIs(minN)
	doc := Document{KPIs: k, IDs: t.IDs, ThemeImpact: t.Impacts.Figures(t.Counts, k.MinN), Queue: t.Queue.Sorted()}
	if t.Then != nil {
		ch := Compare(t.Then, t.Now, k.MinN)
		doc.Change = &ch
	}
	for _, b := range t.Breakdowns {
		doc.Breakdowns = append(doc.Breakdowns, BreakdownFigures{By: b.By, Segments: b.Figures(t.Counts.Records, k.MinN)})
	}
	return doc
}
