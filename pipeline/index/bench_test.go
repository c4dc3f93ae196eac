package index

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/encode"
	"github.com/stimmung/stimmung/pipeline/internal/synth"
	"github.com/stimmung/stimmung/pipeline/read"
)

// The benchmarks run on synthetic comments (pipeline/internal/synth):
// German and English, 6–40 words, dates over two years, NPS, CSAT and
// touchpoints. STIMMUNG_BENCH_DOCS sets how many (default 200,000 for
// indexing); STIMMUNG_BENCH_INDEX names a directory that keeps the
// 1,000,000-document index of the search benchmarks between runs.

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func benchPipeline(b testing.TB) *pipeline.Pipeline {
	b.Helper()
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.Build(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// runInto runs the pipeline over data into w.
func runInto(b testing.TB, p *pipeline.Pipeline, data []byte, w pipeline.Writer) pipeline.Stats {
	b.Helper()
	src, err := read.Open(bytes.NewReader(data), read.Options{Name: "bench.jsonl", Format: "jsonl", Columns: read.DefaultColumns()})
	if err != nil {
		b.Fatal(err)
	}
	st, err := p.Run(context.Background(), src.Next, w, pipeline.RunOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// defaultsWriter indexes records the way a first integration would: Bleve's
// default mapping (dynamic fields, _all, every field stored), each record's
// analysed JSON decoded into a map, batches that wait for the disk.
type defaultsWriter struct {
	ix    bleve.Index
	batch *bleve.Batch
	size  int
}

func (d *defaultsWriter) Write(r *models.Record) error {
	var m map[string]any
	if err := json.Unmarshal(encode.AppendRecord(nil, r, encode.Options{}), &m); err != nil {
		return err
	}
	if err := d.batch.Index(r.ID, m); err != nil {
		return err
	}
	if d.batch.Size() >= d.size {
		if err := d.ix.Batch(d.batch); err != nil {
			return err
		}
		d.batch = d.ix.NewBatch()
	}
	return nil
}

func (d *defaultsWriter) Flush() error { return nil }

func (d *defaultsWriter) Close() error {
	if d.batch.Size() > 0 {
		if err := d.ix.Batch(d.batch); err != nil {
			return err
		}
	}
	return d.ix.Close()
}

// BenchmarkIndex measures indexing end to end, from JSON lines through all
// stages into a persisted index, in documents per second:
//
//	go test -run XXX -bench Index -benchtime 1x ./pipeline/index
//
// The variants show what each choice buys; "stimmung" is what `stimmung
// index` does.
func BenchmarkIndex(b *testing.B) {
	n := envInt("STIMMUNG_BENCH_DOCS", 200_000)
	var buf bytes.Buffer
	if err := synth.WriteJSONL(&buf, n, 1); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	p := benchPipeline(b)
	versions := p.Versions()

	b.Run("pipeline-only", func(b *testing.B) {
		for b.Loop() {
			start := time.Now()
			runInto(b, p, data, discard{})
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")
		}
	})
	b.Run("bleve-defaults", func(b *testing.B) {
		for b.Loop() {
			dir := filepath.Join(b.TempDir(), "ix")
			ix, err := bleve.New(dir, bleve.NewIndexMapping())
			if err != nil {
				b.Fatal(err)
			}
			w := &defaultsWriter{ix: ix, batch: ix.NewBatch(), size: DefaultBatchSize}
			start := time.Now()
			runInto(b, p, data, w)
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")
		}
	})
	def := DefaultOptions()
	variants := []struct {
		name  string
		batch int
		opts  Options
	}{
		{"stimmung-docs-safe-batches", DefaultBatchSize, Options{LockTimeout: def.LockTimeout, Indexers: def.Indexers, SyncBatches: true}},
		{"stimmung-batch-500", 500, def},
		{"stimmung", DefaultBatchSize, def},
		{"stimmung-batch-5000", 5000, def},
		{"stimmung-bleve-numbers", DefaultBatchSize, Options{LockTimeout: def.LockTimeout, Indexers: def.Indexers, BleveNumbers: true}},
		{"stimmung-one-indexer", DefaultBatchSize, Options{LockTimeout: def.LockTimeout, Indexers: 1}},
	}
	for _, v := range variants {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				dir := filepath.Join(b.TempDir(), "ix")
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				start := time.Now()
				ix, err := OpenWriterWith(dir, false, v.opts)
				if err != nil {
					b.Fatal(err)
				}
				w, err := NewWriter(ix, versions, v.batch)
				if err != nil {
					b.Fatal(err)
				}
				runInto(b, p, data, w)
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				if err := ix.Close(); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")
				runtime.ReadMemStats(&m1)
				b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/float64(n), "allocs/doc")
				b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/float64(n), "alloc-B/doc")
				b.ReportMetric(float64(dirSize(dir))/float64(n), "disk-B/doc")
			}
		})
	}
}

type discard struct{}

func (discard) Write(*models.Record) error { return nil }
func (discard) Flush() error               { return nil }

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// searchIndex returns the directory of an index of n synthetic documents,
// building it when STIMMUNG_BENCH_INDEX does not already hold one.
func searchIndex(b *testing.B, n int) string { return benchIndex(b, n, false) }

// benchIndex builds (or finds) the benchmark index, as monthly shards with
// sharded.
func benchIndex(b *testing.B, n int, sharded bool) string {
	b.Helper()
	dir := os.Getenv("STIMMUNG_BENCH_INDEX")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("stimmung-bench-%d", n))
	}
	// STIMMUNG_BENCH_DV=compressed measures Bleve's doc-value layout on
	// every field (see hotDVOpts).
	opts := DefaultOptions()
	if os.Getenv("STIMMUNG_BENCH_DV") == "compressed" {
		opts.CompressedDocValues = true
		dir += "-compressed"
	}
	if sharded {
		dir += "-shards"
		if IsShardRoot(dir) {
			return dir // delete it to rebuild
		}
	}
	if Exists(dir) {
		ix, err := OpenWith(dir, false, opts)
		if err == nil {
			c, _ := ix.Bleve.DocCount()
			imp := ix.Meta.Importing
			format := ix.Meta.Format
			ix.Close()
			if c == uint64(n) && !imp && format == FormatVersion {
				return dir
			}
		}
		os.RemoveAll(dir)
	}
	b.Logf("building an index of %d documents in %s", n, dir)
	var buf bytes.Buffer
	if err := synth.WriteJSONL(&buf, n, 7); err != nil {
		b.Fatal(err)
	}
	p := benchPipeline(b)
	start := time.Now()
	if sharded {
		sw, err := NewShardWriterWith(dir, p.Versions(), 0, false, opts)
		if err != nil {
			b.Fatal(err)
		}
		runInto(b, p, buf.Bytes(), sw)
		if err := sw.Close(); err != nil {
			b.Fatal(err)
		}
	} else {
		ix, err := OpenWriterWith(dir, false, opts)
		if err != nil {
			b.Fatal(err)
		}
		w, err := NewWriter(ix, p.Versions(), 0)
		if err != nil {
			b.Fatal(err)
		}
		runInto(b, p, buf.Bytes(), w)
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("built in %v (%.0f docs/s), %d MB", time.Since(start), float64(n)/time.Since(start).Seconds(), dirSize(dir)>>20)
	return dir
}

// searchRequests are analysts' questions: a text query, two filters, top
// 20 with highlights, facets over all matches.
func searchRequests() []Request {
	return []Request{
		{Query: "Lieferung", Filters: Filters{Labels: []string{"negative"}, Since: "2025-01-01", Until: "2025-03-31"}},
		{Query: "Kundenservice", Filters: Filters{NPS: []string{"detractor"}, Langs: []string{"de"}}},
		{Query: "app crash*", Filters: Filters{Touchpoints: []string{"app"}, Sentiment: "<-0.3"}},
		{Query: "refund", Filters: Filters{Themes: []string{"returns_refunds"}, Labels: []string{"negative"}}},
		{Query: `"nicht empfehlen"`, Filters: Filters{NPS: []string{"detractor"}, Since: "2024-06"}},
		{Query: "Verspätung", Filters: Filters{Touchpoints: []string{"train"}, Labels: []string{"negative"}}},
		{Query: "friendly staff", Filters: Filters{Langs: []string{"en"}, NPS: []string{"promoter"}}},
		{Query: "Rechnung falsch", Filters: Filters{Themes: []string{"billing"}, Since: "2025-07"}},
	}
}

func withDefaults(r Request) Request {
	r.Facets = []string{"theme", "label", "touchpoint", "month"}
	r.Size = 20
	r.Highlight = true
	return r
}

// BenchmarkSearch measures searches on 1,000,000 documents: each
// iteration runs every request of searchRequests once; p50 and p99 are
// over all single searches.
//
//	go test -run XXX -bench Search -benchtime 20x -timeout 1h ./pipeline/index
func BenchmarkSearch(b *testing.B) {
	n := envInt("STIMMUNG_BENCH_SEARCH_DOCS", 1_000_000)
	b.Run("one-index", func(b *testing.B) { benchSearch(b, searchIndex(b, n)) })
	b.Run("monthly-shards", func(b *testing.B) { benchSearch(b, benchIndex(b, n, true)) })
}

func benchSearch(b *testing.B, dir string) {
	ix, err := OpenSearch(dir, "", "")
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	reqs := searchRequests()
	for _, r := range reqs { // warm the caches once, as a running service would be
		if _, err := Search(ix, withDefaults(r)); err != nil {
			b.Fatal(err)
		}
	}
	var lat []time.Duration
	per := make([][]time.Duration, len(reqs))
	totals := make([]uint64, len(reqs))
	var hits uint64
	b.ResetTimer()
	for b.Loop() {
		for i, r := range reqs {
			start := time.Now()
			res, err := Search(ix, withDefaults(r))
			if err != nil {
				b.Fatal(err)
			}
			d := time.Since(start)
			lat = append(lat, d)
			per[i] = append(per[i], d)
			totals[i] = res.Total
			hits += res.Total
		}
	}
	for i, r := range reqs {
		slices.Sort(per[i])
		b.Logf("%-22q %+v: %7d matches, median %v, max %v", r.Query, r.Filters, totals[i], per[i][len(per[i])/2].Round(time.Millisecond/10), per[i][len(per[i])-1].Round(time.Millisecond/10))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(hits)/float64(len(lat)), "matches/search")
}

// BenchmarkOpen measures opening the 1,000,000-document index for search
// and answering a first query.
func BenchmarkOpen(b *testing.B) {
	n := envInt("STIMMUNG_BENCH_SEARCH_DOCS", 1_000_000)
	dir := searchIndex(b, n)
	var open, first []time.Duration
	for b.Loop() {
		start := time.Now()
		ix, err := Open(dir, false)
		if err != nil {
			b.Fatal(err)
		}
		open = append(open, time.Since(start))
		if _, err := Search(ix, withDefaults(searchRequests()[0])); err != nil {
			b.Fatal(err)
		}
		first = append(first, time.Since(start))
		ix.Close()
	}
	slices.Sort(open)
	slices.Sort(first)
	b.ReportMetric(float64(open[len(open)-1].Microseconds())/1000, "max-open-ms")
	b.ReportMetric(float64(first[len(first)-1].Microseconds())/1000, "max-open+search-ms")
}
