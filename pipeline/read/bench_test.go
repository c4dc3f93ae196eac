package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

const benchRecords = 10_000

var benchWords = strings.Fields(`die Lieferung war leider zu spät und der Kundenservice hat nicht
	geantwortet the app keeps crashing when I open my account but support was friendly
	sehr gut schnell freundlich teuer kaputt wieder gerne never again great value`)

// benchComment returns the i-th 25-word comment.
func benchComment(i int) string {
	w := make([]string, 25)
	for k := range w {
		w[k] = benchWords[(i*7+k*3)%len(benchWords)]
	}
	return strings.Join(w, " ")
}

func benchJSONL() []byte {
	var b bytes.Buffer
	for i := range benchRecords {
		fmt.Fprintf(&b, `{"id":"r%05d","text":%q,"lang":"de","nps":%d,"touchpoint":"web"}`+"\n", i, benchComment(i), i%11)
	}
	return b.Bytes()
}

func benchCSV() []byte {
	var b bytes.Buffer
	b.WriteString("id;text;lang;nps;touchpoint\r\n")
	for i := range benchRecords {
		c := benchComment(i)
		if i%10 == 0 {
			c = `"` + c + `, mit ""Zitat"""`
		}
		fmt.Fprintf(&b, "r%05d;%s;de;%d;web\r\n", i, c, i%11)
	}
	return b.Bytes()
}

func benchRead(b *testing.B, data []byte, name string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	o := testOptions(name)
	for b.Loop() {
		src, err := Open(bytes.NewReader(data), o)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			r, err := src.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil || r.Err != nil {
				b.Fatal(err, r.Err)
			}
			n++
		}
		if n != benchRecords {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(benchRecords*b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(benchRecords*b.N), "ns/record")
}

func BenchmarkJSONL(b *testing.B) {
	benchRead(b, benchJSONL(), "bench.jsonl") // about 217 bytes a line
}

func BenchmarkCSV(b *testing.B) {
	benchRead(b, benchCSV(), "bench.csv")
}
