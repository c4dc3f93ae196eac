package report

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkReportJSONLines counts analysed records as `stimmung report`
// does: parse each line, add it. The lines are the sample's analysed
// output (pipeline/report/testdata/analysed.jsonl; regenerate it with
// stimmung analyze -q testdata/sample/feedback.csv), repeated.
func BenchmarkReportJSONLines(b *testing.B) {
	data, err := os.ReadFile("testdata/analysed.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	p := NewParser()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		var c Counts
		for _, l := range lines {
			it, err := p.Parse(l)
			if err != nil {
				b.Fatal(err)
			}
			c.Add(it)
		}
		n += len(lines)
		_ = c.KPIs(0)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}
