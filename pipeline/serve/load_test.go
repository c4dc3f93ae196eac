package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/internal/synth"
	"github.com/stimmung/stimmung/pipeline/serve"
)

// TestLoad is a bounded load test over loopback: a server with writes
// allowed, over an index of synthetic comments, and a few clients that
// mix searches (queries, filters, facets, sorts, pages) with analyze
// requests of 100 comments, every fifth of them indexed. It reports
// /v1/search's p50, p99 and max, /v1/analyze's records/s and the
// server's memory before, during and after. No request may fail.
//
//	STIMMUNG_LOAD=3m go test -run TestLoad -count 1 -v -timeout 30m ./pipeline/serve
//
// STIMMUNG_LOAD_DOCS sets the index's size (100,000); the index is built
// once into $TMPDIR/stimmung-load-N (delete it to rebuild) and copied for
// each run, since the run writes into it. STIMMUNG_LOAD_SEARCHERS and
// STIMMUNG_LOAD_ANALYZERS set the clients (4 and 2).
func TestLoad(t *testing.T) {
	spec := os.Getenv("STIMMUNG_LOAD")
	if spec == "" {
		t.Skip("a load test of a few minutes: STIMMUNG_LOAD=3m go test -run TestLoad -count 1 -v -timeout 30m ./pipeline/serve")
	}
	dur, err := time.ParseDuration(spec)
	if err != nil || dur <= 0 {
		t.Fatalf("STIMMUNG_LOAD=%q: want a duration such as 3m", spec)
	}
	docs := loadEnvInt(t, "STIMMUNG_LOAD_DOCS", 100_000)
	searchers := loadEnvInt(t, "STIMMUNG_LOAD_SEARCHERS", 4)
	analyzers := loadEnvInt(t, "STIMMUNG_LOAD_ANALYZERS", 2)

	dir := filepath.Join(t.TempDir(), "ix")
	start := time.Now()
	if err := os.CopyFS(dir, os.DirFS(loadIndex(t, docs))); err != nil {
		t.Fatal(err)
	}
	t.Logf("index of %d documents copied in %v: %d MB", docs, time.Since(start).Round(time.Millisecond), dirBytes(dir)>>20)

	s, err := serve.New(serve.Options{IndexDir: dir, Config: testConfig(t), AllowWrites: true, Version: "load"})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.ListenAndServe(ctx, ln) }()
	defer func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("ListenAndServe: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: searchers + analyzers}, Timeout: time.Minute}

	// Warm up as a running service would be (the index's files read once),
	// then measure the memory the server starts from.
	for _, target := range searchTargets(rand.New(rand.NewPCG(0, 0)), 20) {
		if _, err := fetch(client, base+target); err != nil {
			t.Fatalf("warm-up %s: %v", target, err)
		}
	}
	before := memNow(true)

	var (
		stats      loadStats
		peakHeap   atomic.Uint64
		stopLoad   = make(chan struct{})
		clients    sync.WaitGroup
		loadStart  = time.Now()
		sampleDone = make(chan struct{})
	)
	go func() { // the memory's peak, once a second
		defer close(sampleDone)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-stopLoad:
				return
			case <-tick.C:
				if m := memNow(false); m.heapInuse > peakHeap.Load() {
					peakHeap.Store(m.heapInuse)
				}
			}
		}
	}()
	for c := range searchers {
		clients.Add(1)
		go func() {
			defer clients.Done()
			r := rand.New(rand.NewPCG(1, uint64(c)))
			for {
				select {
				case <-stopLoad:
					return
				default:
				}
				target := searchTargets(r, 1)[0]
				t0 := time.Now()
				_, err := fetch(client, base+target)
				stats.search(time.Since(t0), target, err)
			}
		}()
	}
	for c := range analyzers {
		clients.Add(1)
		go func() {
			defer clients.Done()
			for i := 0; ; i++ {
				select {
				case <-stopLoad:
					return
				default:
				}
				body := analyzeBatch(t, c, i, 100)
				target := "/v1/analyze"
				if i%5 == 0 {
					target += "?index=true"
				}
				t0 := time.Now()
				n, err := post(client, base+target, body)
				stats.analyze(time.Since(t0), n, target, err)
			}
		}()
	}
	time.Sleep(dur)
	close(stopLoad)
	clients.Wait()
	<-sampleDone
	elapsed := time.Since(loadStart)
	after := memNow(false)
	afterGC := memNow(true)

	stats.mu.Lock()
	defer stats.mu.Unlock()
	lat := stats.searchLat
	slices.Sort(lat)
	alat := stats.analyzeLat
	slices.Sort(alat)
	t.Logf("%v of load on %d CPUs (GOMAXPROCS %d): %d searchers, %d analyzers (100 comments a request, every fifth indexed)",
		elapsed.Round(time.Second), runtime.NumCPU(), runtime.GOMAXPROCS(0), searchers, analyzers)
	t.Logf("/v1/search: %d searches, %.1f/s; p50 %v, p90 %v, p99 %v, max %v",
		len(lat), float64(len(lat))/elapsed.Seconds(), pct(lat, 50), pct(lat, 90), pct(lat, 99), pct(lat, 100))
	t.Logf("/v1/analyze: %d requests, %d records, %.0f records/s over the run; a request of 100: p50 %v, p99 %v, max %v",
		len(alat), stats.records, float64(stats.records)/elapsed.Seconds(), pct(alat, 50), pct(alat, 99), pct(alat, 100))
	t.Logf("index: %d documents after (%d before), %d MB on disk", docCount(t, base, client), docs, dirBytes(dir)>>20)
	t.Logf("memory (this process: server and clients): heap in use %d MB before (after GC), peak %d MB (sampled each second), %d MB after, %d MB after GC; RSS %d MB before, %d MB after, peak %d MB",
		before.heapInuse>>20, peakHeap.Load()>>20, after.heapInuse>>20, afterGC.heapInuse>>20, before.rss>>20, afterGC.rss>>20, afterGC.rssPeak>>20)
	t.Logf("errors: %d", len(stats.errors))
	for i, e := range stats.errors {
		if i == 10 {
			break
		}
		t.Errorf("%s", e)
	}
	if len(lat) == 0 || len(alat) == 0 {
		t.Errorf("no searches (%d) or no analyze requests (%d) answered", len(lat), len(alat))
	}
}

type loadStats struct {
	mu         sync.Mutex
	searchLat  []time.Duration
	analyzeLat []time.Duration
	records    int
	errors     []string
}

func (s *loadStats) search(d time.Duration, target string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errors = append(s.errors, fmt.Sprintf("GET %s: %v", target, err))
		return
	}
	s.searchLat = append(s.searchLat, d)
}

func (s *loadStats) analyze(d time.Duration, records int, target string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errors = append(s.errors, fmt.Sprintf("POST %s: %v", target, err))
		return
	}
	s.analyzeLat = append(s.analyzeLat, d)
	s.records += records
}

// pct is the p-th percentile of sorted durations (100: the largest).
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p+99)/100 - 1
	return sorted[max(0, min(i, len(sorted)-1))].Round(10 * time.Microsecond)
}

// searchTargets makes n searches as analysts ask them: a word or two or
// none, a few filters, facets, a sort and a page.
func searchTargets(r *rand.Rand, n int) []string {
	queries := []string{"", "", "Lieferung", "Kundenservice", "app", "refund", "Rechnung", "Abrechnung", "billing", "friendly staff",
		`"nicht empfehlen"`, "Versand*", "delivery late", "Wartezeit", "wifi", "+Zimmer -sauber", "overcharged", "login", "freundlich~1", "hotline"}
	filters := [][2]string{{"lang", "de"}, {"lang", "en"}, {"nps", "detractor"}, {"nps", "promoter"}, {"touchpoint", "app"},
		{"touchpoint", "delivery,support"}, {"touchpoint", "hotel"}, {"label", "negative"}, {"label", "positive"},
		{"sentiment", "<-0.3"}, {"since", "2025-01"}, {"until", "2025-06-30"}, {"theme", "delivery"}, {"theme", "billing"}, {"flag", "churn"}}
	facets := []string{"theme", "label", "touchpoint", "month", "lang", "nps_group", "flags"}
	sorts := []string{"", "", "-date", "date", "-priority", "score"}
	out := make([]string, n)
	for i := range out {
		v := url.Values{}
		if q := queries[r.IntN(len(queries))]; q != "" {
			v.Set("q", q)
		}
		for range r.IntN(3) {
			f := filters[r.IntN(len(filters))]
			if !v.Has(f[0]) || f[0] == "touchpoint" || f[0] == "lang" || f[0] == "theme" {
				v.Add(f[0], f[1])
			}
		}
		path := "/v1/search"
		switch k := r.IntN(10); {
		case k == 0:
			path = "/v1/facets"
		case k < 4:
			v.Set("size", "0")
		default:
			v.Set("size", "20")
			if from := r.IntN(4) * 20; from > 0 {
				v.Set("from", strconv.Itoa(from))
			}
			if s := sorts[r.IntN(len(sorts))]; s != "" {
				v.Set("sort", s)
			}
		}
		if path == "/v1/search" {
			for _, f := range facets {
				if r.IntN(3) == 0 {
					v.Add("facet", f)
				}
			}
		}
		out[i] = path + "?" + v.Encode()
	}
	return out
}

// analyzeBatch is n synthetic comments as JSON lines with ids of their own
// (client c's request i), so that indexing them adds documents.
func analyzeBatch(t *testing.T, c, i, n int) []byte {
	var b bytes.Buffer
	if err := synth.WriteJSONL(&b, n, uint64(1000+c*1_000_000+i)); err != nil {
		t.Error(err)
	}
	return bytes.ReplaceAll(b.Bytes(), []byte(`{"id":"S`), fmt.Appendf(nil, `{"id":"L%d-%d-`, c, i))
}

// fetch GETs a URL and reads the answer; anything but 200 is an error.
func fetch(c *http.Client, u string) (int64, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return 0, fmt.Errorf("status %d: %s", resp.StatusCode, msg)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	return n, err
}

// post sends JSON lines and counts the records of the answer.
func post(c *http.Client, u string, body []byte) (int, error) {
	resp, err := c.Post(u, "application/x-ndjson", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return 0, fmt.Errorf("status %d: %s", resp.StatusCode, msg)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if i := bytes.Index(b, []byte(`"error":{`)); i >= 0 {
		return 0, fmt.Errorf("an error record: %.200s", b[max(0, i-100):])
	}
	return bytes.Count(b, []byte("\n")), nil
}

func docCount(t *testing.T, base string, c *http.Client) int {
	resp, err := c.Get(base + "/healthz")
	if err != nil {
		t.Error(err)
		return -1
	}
	defer resp.Body.Close()
	var h struct{ Documents int }
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Error(err)
	}
	return h.Documents
}

type memSample struct{ heapInuse, rss, rssPeak uint64 }

// memNow reads the process's heap in use (after a GC when gc) and its
// resident memory now and at its peak (Linux; 0 elsewhere).
func memNow(gc bool) memSample {
	if gc {
		runtime.GC()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := memSample{heapInuse: ms.HeapInuse}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			k, v, _ := strings.Cut(line, ":")
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			switch k {
			case "VmRSS":
				m.rss = kb << 10
			case "VmHWM":
				m.rssPeak = kb << 10
			}
		}
	}
	return m
}

// loadIndex builds (once) an index of n synthetic comments and returns its
// directory; it must not be written to.
func loadIndex(t *testing.T, n int) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("stimmung-load-%d", n))
	if index.Exists(dir) {
		ix, err := index.OpenSearch(dir, "", "")
		if err == nil {
			c, _ := ix.Bleve.DocCount()
			ok := c == uint64(n) && !ix.Meta.Importing && ix.Meta.Format == index.FormatVersion
			ix.Close()
			if ok {
				return dir
			}
		}
		os.RemoveAll(dir)
	}
	t.Logf("building an index of %d synthetic comments in %s", n, dir)
	var buf bytes.Buffer
	if err := synth.WriteJSONL(&buf, n, 7); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := buildIndex(dir, "synth.jsonl", &buf); err != nil {
		os.RemoveAll(dir)
		t.Fatal(err)
	}
	t.Logf("built in %v (%.0f documents/s)", time.Since(start).Round(time.Second), float64(n)/time.Since(start).Seconds())
	return dir
}

func dirBytes(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

func loadEnvInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive whole number", name, s)
	}
	return n
}
