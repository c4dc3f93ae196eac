package index

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestRangeQueryAgainstBruteForce indexes random numbers and times in the
// compact form and checks random ranges against a plain scan of the values.
func TestRangeQueryAgainstBruteForce(t *testing.T) {
	ix, err := bleve.NewUsing(filepath.Join(t.TempDir(), "ix"), NewMapping(), "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 3000
	nums := make([]float64, n)
	times := make([]time.Time, n)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	b := ix.NewBatch()
	bld := NewBuilder()
	for i := range n {
		switch i % 4 {
		case 0: // a score with four decimals
			nums[i] = math.Round((rng.Float64()*2-1)*10000) / 10000
		case 1: // a rating
			nums[i] = float64(rng.IntN(11))
		case 2: // a wide spread, at the index's precision of 0.0001
			nums[i] = math.Round((rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(12)))*1e4) / 1e4
		default:
			nums[i] = 0
		}
		times[i] = base.Add(time.Duration(rng.Int64N(int64(2 * 365 * 24 * time.Hour)))).Truncate(time.Second) // the index keeps seconds
		d := document.NewDocument(strconv.Itoa(i))
		d.AddField(newNumField("score", nums[i], bld.fieldOpts("score")))
		d.AddField(newDateField("date", times[i], bld.fieldOpts("date")))
		if err := b.IndexAdvanced(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Batch(b); err != nil {
		t.Fatal(err)
	}
	count := func(q query.Query) uint64 {
		t.Helper()
		res, err := ix.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	pick := func() float64 {
		if rng.IntN(3) == 0 {
			return nums[rng.IntN(n)] // a bound that is a value
		}
		return (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(8)-3))
	}
	for k := range 300 {
		lo, hi := pick(), pick()
		if lo > hi {
			lo, hi = hi, lo
		}
		loIn, hiIn := rng.IntN(2) == 0, rng.IntN(2) == 0
		var lp, hp *float64
		if k%7 != 0 {
			lp = &lo
		}
		if k%5 != 0 {
			hp = &hi
		}
		want := uint64(0)
		for _, v := range nums {
			if (lp == nil || v > lo || loIn && v == lo) && (hp == nil || v < hi || hiIn && v == hi) {
				want++
			}
		}
		q := newNumberRange("score", lp, hp, loIn, hiIn)
		if got := count(q); got != want {
			for i, v := range nums {
				in := (lp == nil || v > lo || loIn && v == lo) && (hp == nil || v < hi || hiIn && v == hi)
				k := numKey(v)
				if in != (k >= q.lo && k <= q.hi) {
					t.Logf("value %v key %d: brute %v, keys [%d, %d]", v, k, in, q.lo, q.hi)
				}
				_ = i
			}
			t.Fatalf("score in %v..%v (open lo %v, hi %v, incl %v %v): %d documents, want %d", lo, hi, lp == nil, hp == nil, loIn, hiIn, got, want)
		}
	}
	for range 200 {
		a := base.Add(time.Duration(rng.Int64N(int64(2 * 365 * 24 * time.Hour))))
		b := a.Add(time.Duration(rng.Int64N(int64(90 * 24 * time.Hour))))
		if rng.IntN(2) == 0 { // day boundaries, as the filters use
			a = a.Truncate(24 * time.Hour)
			b = b.Truncate(24 * time.Hour)
		}
		want := uint64(0)
		for _, tm := range times {
			if !tm.Before(a) && tm.Before(b) {
				want++
			}
		}
		if got := count(newDateRange("date", a, b, true, false)); got != want {
			t.Fatalf("date in [%v, %v): %d documents, want %d", a, b, got, want)
		}
	}
}
