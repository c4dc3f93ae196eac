package index

import (
	"context"
	"runtime"
	"testing"

	"github.com/stimmung/stimmung/pipeline/report"
)

// BenchmarkReportIndex measures a report over the 1,000,000 documents of
// the search benchmarks' index (built on the first run, see benchIndex):
// Scan reads each matching record, and a report's Counter (the KPIs and
// their ids, theme impact, the follow-up queue and breakdowns by theme and
// month, a worker per CPU) takes it, as stimmung report --index does. "scan" is the reading alone, the baseline; "query" reports on
// the matches of a query and two filters. The heap after the run is the
// report's memory, which must not grow with the number of records.
//
//	go test -run XXX -bench ReportIndex -benchtime 3x -timeout 1h ./pipeline/index
func BenchmarkReportIndex(b *testing.B) {
	n := envInt("STIMMUNG_BENCH_SEARCH_DOCS", 1_000_000)
	dir := searchIndex(b, n)
	ix, err := OpenSearch(dir, "", "")
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	run := func(b *testing.B, r Request, count bool) {
		var visited uint64
		b.ReportAllocs()
		for b.Loop() {
			c := report.NewCounter(report.NewTally(report.Filter{}, []string{report.ByTheme, report.ByMonth}, 0), report.CounterOptions{Encoded: true})
			m, err := ix.Scan(context.Background(), r, func(src []byte) error {
				if count {
					c.Line(0, src)
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			if _, bad := c.Close(); bad > 0 {
				b.Fatal(bad, "unreadable records")
			}
			visited += m
		}
		b.ReportMetric(float64(visited)/b.Elapsed().Seconds(), "records/s")
		b.ReportMetric(float64(visited)/float64(b.N), "records/op")
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	}
	b.Run("scan", func(b *testing.B) { run(b, Request{}, false) })
	b.Run("all", func(b *testing.B) { run(b, Request{}, true) })
	b.Run("query", func(b *testing.B) {
		run(b, Request{Query: "Lieferung OR Kundenservice", Filters: Filters{Langs: []string{"de"}, Since: "2025-01-01"}}, true)
	})
}
