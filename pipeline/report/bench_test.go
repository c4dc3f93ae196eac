package report

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

// BenchmarkReportJSONLines reads analysed records and counts the KPIs:
// parse each line, add it.
func BenchmarkReportJSONLines(b *testing.B) {
	lines := benchLines(b)
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

// BenchmarkReportFull is the whole of a report with breakdowns by theme
// and month (as the HTML report counts): the KPIs and their ids, theme
// impact, the breakdowns and the follow-up queue. "serial" adds record
// after record in one goroutine, the baseline; "counter" is what stimmung
// report does, a Counter with a worker per CPU.
func BenchmarkReportFull(b *testing.B) {
	lines := benchLines(b)
	newTally := func() *Tally { return NewTally(Filter{}, []string{ByTheme, ByMonth}, 0) }
	b.Run("serial", func(b *testing.B) {
		p := NewParser()
		b.ReportAllocs()
		for b.Loop() {
			t := newTally()
			for _, l := range lines {
				it, err := p.Parse(l)
				if err != nil {
					b.Fatal(err)
				}
				t.Add(it)
			}
		}
		b.ReportMetric(float64(b.N*len(lines))/b.Elapsed().Seconds(), "records/s")
	})
	b.Run("counter", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c := NewCounter(newTally(), CounterOptions{})
			for i, l := range lines {
				c.Line(int64(i+1), l)
			}
			if _, n := c.Close(); n > 0 {
				b.Fatal(n, "bad lines")
			}
		}
		b.ReportMetric(float64(b.N*len(lines))/b.Elapsed().Seconds(), "records/s")
	})
}

// benchLines are 100,000 analysed records (100 MB): the maps and the
// queue of a report reach their steady state within one iteration, and a
// Counter gets enough chunks to keep its workers busy.
func benchLines(b *testing.B) [][]byte { return sampleLines(b, 100_000) }

// sampleLines are the sample's analysed lines (testdata/analysed.jsonl;
// regenerate with stimmung analyze -q testdata/sample/feedback.csv)
// repeated to n records, each with an id of its own.
func sampleLines(tb testing.TB, n int) [][]byte {
	data, err := os.ReadFile("testdata/analysed.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	sample := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	lines := make([][]byte, n)
	for i := range lines {
		lines[i] = withID(sample[i%len(sample)], i)
	}
	return lines
}

// withID is an analysed line with its id prefixed by i: the ids of
// repeated lines are their own.
func withID(line []byte, i int) []byte {
	return bytes.Replace(line, []byte(`{"id":"`), fmt.Appendf(nil, `{"id":"%d-`, i), 1)
}
