package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/read"
	"github.com/stimmung/stimmung/pipeline/write"
)

// benchInput builds n JSON lines of exactly 25 words each from the sample
// comments in testdata (our own texts), alternating German and English.
func benchInput(b *testing.B, n int) []byte {
	b.Helper()
	f, err := os.Open("../testdata/sample/feedback.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
			texts = append(texts, r.Text)
		}
	}
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		var words []string
		for j := i; len(words) < 25; j++ {
			words = append(words, strings.Fields(texts[j%len(texts)])...)
		}
		line, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("b%d", i), "text": strings.Join(words[:25], " "), "nps": i % 11})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkPipeline measures the whole run: read JSON lines → normalize →
// language → sentences → tokens → stems → sentiment (→ themes → signals)
// → write JSON lines, with the built-in configuration, once up to the
// sentiment stage and once with every stage.
func BenchmarkPipeline(b *testing.B) {
	const n = 20000
	input := benchInput(b, n)
	for _, stages := range []string{"sentiment", "all"} {
		cfg, err := configs.Load(configs.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if stages == "sentiment" {
			off := false
			for i := range cfg.Pipeline.Stages {
				if st := &cfg.Pipeline.Stages[i]; st.Name == "themes" || st.Name == "signals" {
					st.Enabled = &off
				}
			}
		}
		p, err := Build(cfg)
		if err != nil {
			b.Fatal(err)
		}
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("stages=%s/workers=%d", stages, workers), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(input)))
				for b.Loop() {
					src, err := read.Open(bytes.NewReader(input), read.Options{Name: "bench", Format: "jsonl",
						Columns: read.Columns{ID: "id", Text: []string{"text"}, Lang: "lang", NPS: "nps"}})
					if err != nil {
						b.Fatal(err)
					}
					st, err := p.Run(context.Background(), src.Next, write.NewJSONL(io.Discard, write.Options{}), RunOptions{Workers: workers})
					if err != nil || st.Records != n || st.Errors != 0 {
						b.Fatalf("run: %v %+v", err, st)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			})
		}
	}
}

// BenchmarkLongComment runs every stage on one long comment of growing
// size (the sample comments joined, read as German): the cost per KB must
// stay flat, since
// a cost that grows with the length is a comment that never finishes.
func BenchmarkLongComment(b *testing.B) {
	f, err := os.ReadFile("../testdata/sample/feedback.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var base strings.Builder
	for line := range strings.Lines(string(f)) {
		var r struct{ Text string }
		if json.Unmarshal([]byte(line), &r) == nil {
			base.WriteString(r.Text + " ")
		}
	}
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p, err := Build(cfg)
	if err != nil {
		b.Fatal(err)
	}
	for _, kb := range []int{32, 128, 512} {
		text := strings.Repeat(base.String(), kb*1024/base.Len()+1)[:kb*1024]
		b.Run(fmt.Sprintf("kb=%d", kb), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := &models.Record{ID: "x", Text: text, Original: text, Lang: "de", LangSource: "input"}
				p.Process(context.Background(), r, &Notes{})
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(kb), "µs/KB")
		})
	}
}
