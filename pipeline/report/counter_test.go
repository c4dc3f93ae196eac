package report

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"
)

// TestCounterEqualsSerial: counting several MB of analysed lines with 1, 2
// and 5 workers gives byte for byte the tally of adding them one after
// the other, with breakdowns, a comparison and a small queue (whose ties
// depend on input order), and names the same bad lines in order.
func TestCounterEqualsSerial(t *testing.T) {
	lines := sampleLines(t, 6000)
	for i := 5; i < len(lines); i += 997 {
		lines[i] = lines[i][:len(lines[i])/2] // a broken line now and then
	}
	newTally := func() *Tally {
		day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
		t := NewTally(Filter{Since: day("2026-10-04"), Until: day("2026-10-09")}, []string{ByTheme, ByMonth, "touchpoint"}, 7)
		t.Compare(Filter{Since: day("2026-09-28"), Until: day("2026-10-03")}, ByTouchpoint)
		return t
	}
	serial := newTally()
	p := NewParser(serial.Columns()...)
	var wantBad []int64
	for i, l := range lines {
		it, err := p.Parse(l)
		if err != nil {
			wantBad = append(wantBad, int64(i+1))
			continue
		}
		serial.Add(it)
	}
	want, _ := json.Marshal(serial.Partial())
	for _, workers := range []int{1, 2, 5} {
		par := newTally()
		c := NewCounter(par, CounterOptions{Workers: workers})
		for i, l := range lines {
			c.Line(int64(i+1), l)
		}
		bad, n := c.Close()
		got, _ := json.Marshal(par.Partial())
		if !bytes.Equal(got, want) {
			t.Errorf("%d workers: the tally differs from the serial one", workers)
		}
		if n != len(wantBad) || len(bad) != len(wantBad) {
			t.Fatalf("%d workers: %d bad lines (%d named), want %d", workers, n, len(bad), len(wantBad))
		}
		for i, b := range bad {
			if b.Line != wantBad[i] || b.Err == nil {
				t.Errorf("%d workers: bad line %d is %d (%v), want %d", workers, i, b.Line, b.Err, wantBad[i])
			}
		}
	}
	if serial.Counts.Records < 1000 || len(serial.Queue.Entries) != 7 {
		t.Errorf("the test counts too little: %d records, %d queued", serial.Counts.Records, len(serial.Queue.Entries))
	}
}

// TestParseEncoded: records as package encode writes them read the same
// when the parser stops before their sentences.
func TestParseEncoded(t *testing.T) {
	data, err := os.ReadFile("testdata/analysed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	full, enc := NewParser("touchpoint"), NewParser("touchpoint")
	enc.Encoded = true
	for _, l := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		a, errA := full.Parse(l)
		b, errB := enc.Parse(l)
		if errA != nil || errB != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("%s:\nfull    %+v (%v)\nencoded %+v (%v)", l, a, errA, b, errB)
		}
	}
}
