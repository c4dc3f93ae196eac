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
// terms and indexing three times slower (BenchmarkIndex). Here a value
// gets four terms, at shifts 0, 40, 48 and 56, in the same prefix coding;
// rangeQuery covers a range with the coarsest buckets that fit inside it
// and, at its edges, with the finer terms that the field's dictionary
// actually holds. The shift-0 term is Bleve's own, so sorting by the
// field works unchanged.
var numLevels = [...]uint{0, 40, 48, 56}

const signBit = uint64(1) << 63

// numField is a number or date field indexed at numLevels. Its key is
// numeric.Float64ToInt64 of a number or the UnixNano of a time: both keep
// the order of the values.
type numField struct {
	name  string
	key   int64
	value []byte // the shift-0 term
	freqs bindex.TokenFrequencies
	date  bool
}

func newNumField(name string, v float64) *numField {
	return &numField{name: name, key: numeric.Float64ToInt64(v)}
}

func newDateField(name string, t time.Time) *numField {
	return &numField{name: name, key: t.UnixNano(), date: true}
}

func (f *numField) Name() string                                      { return f.name }
func (f *numField) ArrayPositions() []uint64                          { return nil }
func (f *numField) Options() bindex.FieldIndexingOptions              { return numberOpts }
func (f *numField) NumPlainTextBytes() uint64                         { return 8 }
func (f *numField) AnalyzedLength() int                               { return len(numLevels) }
func (f *numField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }
func (f *numField) Size() int                                         { return 200 }

func (f *numField) EncodedFieldType() byte {
	if f.date {
		return 'd'
	}
	return 'n'
}

func (f *numField) Value() []byte {
	if f.value == nil {
		f.value = numeric.MustNewPrefixCodedInt64(f.key, 0)
	}
	return f.value
}

func (f *numField) Analyze() {
	f.freqs = make(bindex.TokenFrequencies, len(numLevels))
	for _, s := range numLevels {
		term := numeric.MustNewPrefixCodedInt64(f.key, s)
		if s == 0 {
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
	lo, hi int64
}

// newNumberRange is the range of numbers from lo to hi (nil is open) with
// the given inclusiveness.
func newNumberRange(field string, lo, hi *float64, loIn, hiIn bool) *rangeQuery {
	q := &rangeQuery{field: field, lo: math.MinInt64, hi: math.MaxInt64}
	if lo != nil {
		q.lo = numeric.Float64ToInt64(*lo)
		if !loIn && q.lo != math.MaxInt64 {
			q.lo++
		}
	}
	if hi != nil {
		q.hi = numeric.Float64ToInt64(*hi)
		if !hiIn && q.hi != math.MinInt64 {
			q.hi--
		}
	}
	return q
}

// newDateRange is the range of times from start (inclusive) to end
// (exclusive); a zero time is open.
func newDateRange(field string, start, end time.Time, startIn, endIn bool) *rangeQuery {
	q := &rangeQuery{field: field, lo: math.MinInt64, hi: math.MaxInt64}
	if !start.IsZero() {
		q.lo = start.UnixNano()
		if !startIn {
			q.lo++
		}
	}
	if !end.IsZero() {
		q.hi = end.UnixNano()
		if !endIn {
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
	err := q.cover(i, uint64(q.lo)^signBit, uint64(q.hi)^signBit, len(numLevels)-1, &terms)
	if err != nil {
		return nil, err
	}
	if len(terms) == 0 {
		return searcher.NewMatchNoneSearcher(i)
	}
	return searcher.NewMultiTermSearcherBytes(ctx, i, terms, q.field, 1.0, options, true)
}

// term is the prefix-coded term of the bucket holding the sortable value u
// at shift s.
func term(u uint64, s uint) []byte {
	return numeric.MustNewPrefixCodedInt64(int64(u^signBit), s)
}

// cover appends the terms that cover the sortable range [lo, hi]: whole
// buckets of level l inside it, and the edges at the finer levels. Only
// terms the dictionary holds are appended.
func (q *rangeQuery) cover(i bindex.IndexReader, lo, hi uint64, l int, out *[][]byte) error {
	s := numLevels[l]
	if l == 0 {
		return q.present(i, term(lo, 0), term(hi, 0), out)
	}
	size := uint64(1) << s
	first := lo >> s
	if lo&(size-1) != 0 {
		first++ // lo is inside a bucket: it starts the left edge
	}
	last := hi >> s
	if hi&(size-1) != size-1 {
		if last == 0 {
			return q.cover(i, lo, hi, l-1, out)
		}
		last-- // hi is inside a bucket: it ends the right edge
	}
	if first > last || first<<s>>s != first {
		return q.cover(i, lo, hi, l-1, out)
	}
	if err := q.present(i, term(first<<s, s), term(last<<s, s), out); err != nil {
		return err
	}
	if start := first << s; lo < start {
		if err := q.cover(i, lo, start-1, l-1, out); err != nil {
			return err
		}
	}
	if end := (last+1)<<s - 1; end < hi && (last+1)<<s != 0 {
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
