package index

import (
	"context"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Numbers and dates are indexed in a compact form of Bleve's own.
//
// Bleve's numeric and date fields index every value at 16 precisions
// (prefix-coded terms at shifts 0, 4, ..., 60) so that its range query
// can cover any range with few terms. With a score, an effort, a priority,
// ratings, a date and a score per theme, that made numbers 85% of all
// terms and indexing three times slower (BenchmarkIndex).
//
// Here a value becomes an integer key — a number in units of 0.0001 (the
// precision stimmung writes scores with), a time in seconds — and gets one
// term per level of numLevels or dateLevels: the key itself, then the
// bucket of the key at each coarser size. The sizes are decimal for
// numbers and calendar-like for times, so that the ranges people ask for
// (score < -0.3, nps <= 6, a month of dates) are covered by a handful of
// whole buckets; rangeQuery takes the coarsest buckets inside a range and
// covers its edges with the finer terms the field's dictionary actually
// holds. Terms are Bleve's prefix-coded integers (the level in the shift
// byte), so the key term is a valid shift-0 numeric term and sorting by
// the field works unchanged.
var (
	numLevels  = []int64{1, 100, 1_000, 10_000, 100_000}              // 0.0001, 0.01, 0.1, 1, 10
	dateLevels = []int64{1, 3_600, 86_400, 16 * 86_400, 256 * 86_400} // second, hour, day, 16 and 256 days
)

// numScale is the number of keys per unit of a number.
const numScale = 10_000

// keyLimit bounds keys, so that bucket arithmetic cannot overflow; a
// number beyond ±10^14 is clamped.
const keyLimit = int64(1) << 60

// numKey is the key of a number: v in units of 0.0001, rounded.
func numKey(v float64) int64 { return clampKey(math.Round(v * numScale)) }

// levelTerm is the term of key at level l (bucket size size).
func levelTerm(key int64, l int, size int64) []byte {
	b := floorDiv(key, size)
	return numeric.MustNewPrefixCodedInt64(b<<uint(l), uint(l))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// numField is a number or date field indexed at its levels.
type numField struct {
	name   string
	key    int64
	levels []int64
	value  []byte // the key's term
	freqs  bindex.TokenFrequencies
	opts   bindex.FieldIndexingOptions
}

func newNumField(name string, v float64, opts bindex.FieldIndexingOptions) *numField {
	return &numField{name: name, key: numKey(v), levels: numLevels, opts: opts}
}

func newDateField(name string, t time.Time, opts bindex.FieldIndexingOptions) *numField {
	return &numField{name: name, key: t.Unix(), levels: dateLevels, opts: opts}
}

func (f *numField) Name() string                                      { return f.name }
func (f *numField) ArrayPositions() []uint64                          { return nil }
func (f *numField) Options() bindex.FieldIndexingOptions              { return f.opts }
func (f *numField) NumPlainTextBytes() uint64                         { return 8 }
func (f *numField) AnalyzedLength() int                               { return len(numLevels) }
func (f *numField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }
func (f *numField) Size() int                                         { return 200 }

// EncodedFieldType: numeric; Bleve reads it only for stored fields, and
// these are not stored.
func (f *numField) EncodedFieldType() byte { return 'n' }

func (f *numField) Value() []byte {
	if f.value == nil {
		f.value = levelTerm(f.key, 0, 1)
	}
	return f.value
}

func (f *numField) Analyze() {
	f.freqs = make(bindex.TokenFrequencies, len(f.levels))
	for l, size := range f.levels {
		term := levelTerm(f.key, l, size)
		if l == 0 {
			f.value = term
		}
		tf := &bindex.TokenFreq{Term: term}
		tf.SetFrequency(1)
		f.freqs[string(term)] = tf
	}
}

// rangeQuery matches documents whose field key lies in [lo, hi].
type rangeQuery struct {
	field  string
	levels []int64
	lo, hi int64
}

// newNumberRange is the range of numbers from lo to hi (nil is open) with
// the given inclusiveness, on keys (units of 0.0001).
func newNumberRange(field string, lo, hi *float64, loIn, hiIn bool) *rangeQuery {
	q := &rangeQuery{field: field, levels: numLevels, lo: -keyLimit, hi: keyLimit}
	if lo != nil {
		x, eps := scaled(*lo)
		if loIn {
			q.lo = clampKey(math.Ceil(x - eps))
		} else {
			q.lo = clampKey(math.Floor(x+eps) + 1)
		}
	}
	if hi != nil {
		x, eps := scaled(*hi)
		if hiIn {
			q.hi = clampKey(math.Floor(x + eps))
		} else {
			q.hi = clampKey(math.Ceil(x-eps) - 1)
		}
	}
	return q
}

// scaled is v in key units, with the rounding error of the scaling: a
// bound of -0.3 must meet the key of -0.3 (-3000), not -2999.
func scaled(v float64) (x, eps float64) {
	x = v * numScale
	return x, max(1e-6, math.Abs(x)*1e-12)
}

func clampKey(k float64) int64 {
	switch {
	case math.IsNaN(k):
		return 0
	case k > float64(keyLimit):
		return keyLimit
	case k < -float64(keyLimit):
		return -keyLimit
	}
	return int64(k)
}

// newDateRange is the range of times from start to end (a zero time is
// open), on keys in seconds.
func newDateRange(field string, start, end time.Time, startIn, endIn bool) *rangeQuery {
	q := &rangeQuery{field: field, levels: dateLevels, lo: -keyLimit, hi: keyLimit}
	if !start.IsZero() {
		q.lo = start.Unix()
		if start.Nanosecond() > 0 || !startIn {
			q.lo++
		}
	}
	if !end.IsZero() {
		q.hi = end.Unix()
		if end.Nanosecond() == 0 && !endIn {
			q.hi--
		}
	}
	return q
}

func (q *rangeQuery) Searcher(ctx context.Context, i bindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if q.lo > q.hi {
		return searcher.NewMatchNoneSearcher(i)
	}
	var terms [][]byte
	if err := q.cover(i, q.lo, q.hi, len(q.levels)-1, &terms); err != nil {
		return nil, err
	}
	if len(terms) == 0 {
		return searcher.NewMatchNoneSearcher(i)
	}
	return searcher.NewMultiTermSearcherBytes(ctx, i, terms, q.field, 1.0, options, true)
}

// cover appends the terms that cover the keys [lo, hi]: the whole buckets
// of level l inside it, and the edges at the finer levels. Only terms the
// dictionary holds are appended.
func (q *rangeQuery) cover(i bindex.IndexReader, lo, hi int64, l int, out *[][]byte) error {
	if l == 0 {
		return q.present(i, levelTerm(lo, 0, 1), levelTerm(hi, 0, 1), out)
	}
	size := q.levels[l]
	first := floorDiv(lo+size-1, size) // the first bucket that starts at or after lo
	last := floorDiv(hi+1, size) - 1   // the last bucket that ends at or before hi
	if first > last {
		return q.cover(i, lo, hi, l-1, out)
	}
	if err := q.present(i, levelTerm(first*size, l, size), levelTerm(last*size, l, size), out); err != nil {
		return err
	}
	if start := first * size; lo < start {
		if err := q.cover(i, lo, start-1, l-1, out); err != nil {
			return err
		}
	}
	if end := (last+1)*size - 1; end < hi {
		if err := q.cover(i, end+1, hi, l-1, out); err != nil {
			return err
		}
	}
	return nil
}

// present appends the dictionary's terms from a to b (inclusive).
func (q *rangeQuery) present(i bindex.IndexReader, a, b []byte, out *[][]byte) error {
	d, err := i.FieldDictRange(q.field, a, b)
	if err != nil {
		return err
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		*out = append(*out, []byte(e.Term))
	}
}
