package report

import (
	"runtime"
	"testing"
)

// TestTallyMemoryFlat: a report's memory does not grow with the number of
// comments. The tally of 200,000 records (the sample's, each with an id
// of its own) holds no more than that of 20,000, beyond noise: counts are
// sums, and ids, examples and the queue are capped.
func TestTallyMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("counts 220,000 records")
	}
	sample := sampleLines(t, 25)
	retained := func(n int) uint64 {
		tally := NewTally(Filter{}, []string{ByTheme, ByDay, ByTouchpoint}, 0)
		c := NewCounter(tally, CounterOptions{Workers: 2})
		for i := range n {
			c.Line(int64(i+1), withID(sample[i%len(sample)], i))
		}
		c.Close()
		c = nil
		var ms runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		runtime.KeepAlive(tally)
		return ms.HeapAlloc
	}
	retained(1000) // warm up: the parser's caches, the runtime's own
	small, large := retained(20_000), retained(200_000)
	t.Logf("heap with the tally of 20,000 records: %d KB; of 200,000: %d KB", small>>10, large>>10)
	if large > small+512<<10 {
		t.Errorf("the tally of 200,000 records holds %d KB more than that of 20,000", (large-small)>>10)
	}
}
