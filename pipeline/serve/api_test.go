package serve_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/serve"
)

// The API's happy paths over the sample index (testdata/sample/feedback.csv,
// 25 comments R001..R025 from 2026-10-01 to 2026-10-09), with checked
// content; the bad requests are in guard_test.go.

func TestHealthz(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{Version: "v-test"}).Handler()
	w := get(t, h, "/healthz")
	wantStatus(t, w, http.StatusOK)
	got := decode(t, w)
	want := map[string]any{"status": "ok", "version": "v-test", "documents": 25.0, "writes": false, "incomplete": false}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("healthz %s = %v, want %v (%s)", k, got[k], v, w.Body.Bytes())
		}
	}
}

// metricValue finds one sample of the Prometheus text format: name with
// exactly these labels (in the order the client library writes them:
// sorted by name).
func metricValue(t *testing.T, text, name, labels string) (float64, bool) {
	t.Helper()
	series := name
	if labels != "" {
		series += "{" + labels + "}"
	}
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return f, true
		}
	}
	return 0, false
}

func TestMetrics(t *testing.T) {
	s := newServer(t, sampleIndex(t), serve.Options{})
	h := s.Handler()
	scrape := func() string {
		t.Helper()
		w := get(t, h, "/metrics")
		wantStatus(t, w, http.StatusOK)
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("/metrics Content-Type %q, want the Prometheus text format", ct)
		}
		return w.Body.String()
	}
	want := func(text, name, labels string, v float64) {
		t.Helper()
		got, ok := metricValue(t, text, name, labels)
		if !ok {
			t.Errorf("/metrics has no %s{%s}", name, labels)
		} else if got != v {
			t.Errorf("%s{%s} = %v, want %v", name, labels, got, v)
		}
	}

	// Before any request: every series is there, at zero.
	text := scrape()
	for _, name := range []string{"stimmung_http_request_duration_seconds",
		"stimmung_records_analysed_total", "stimmung_index_documents", "stimmung_errors_total", "go_goroutines"} {
		if !strings.Contains(text, "# TYPE "+name+" ") {
			t.Errorf("/metrics has no %s", name)
		}
	}
	want(text, "stimmung_index_documents", "", 25)
	want(text, "stimmung_records_analysed_total", `outcome="ok"`, 0)
	want(text, "stimmung_records_analysed_total", `outcome="failed"`, 0)
	want(text, "stimmung_errors_total", `route="/v1/search"`, 0)

	get(t, h, "/v1/search?q=Lieferung")
	get(t, h, "/v1/search?q=Paket")
	get(t, h, "/v1/search?nope=1")
	get(t, h, "/v1/comments/R001")
	get(t, h, "/v1/comments/R999")
	get(t, h, "/no/such/page")
	do(t, h, request{method: "POST", target: "/v1/analyze", body: "{\"text\": \"Tolle Beratung\"}\n{broken\n{\"text\": \"Never again\"}\n"})

	text = scrape()
	want(text, "stimmung_http_requests_total", `code="200",route="/v1/search"`, 2)
	want(text, "stimmung_http_requests_total", `code="400",route="/v1/search"`, 1)
	want(text, "stimmung_http_requests_total", `code="200",route="/v1/comments/{id}"`, 1)
	want(text, "stimmung_http_requests_total", `code="404",route="/v1/comments/{id}"`, 1)
	want(text, "stimmung_http_requests_total", `code="404",route="page"`, 1)
	want(text, "stimmung_http_requests_total", `code="200",route="/v1/analyze"`, 1)
	want(text, "stimmung_http_request_duration_seconds_count", `route="/v1/search"`, 3)
	want(text, "stimmung_records_analysed_total", `outcome="ok"`, 2)
	want(text, "stimmung_records_analysed_total", `outcome="failed"`, 1)
	want(text, "stimmung_errors_total", `route="/v1/search"`, 0)

	// A request the server cannot answer (its index is closed: a request
	// that outlived the shutdown) is a 500, counted once as an error.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, get(t, h, "/v1/search?q=Paket"), http.StatusInternalServerError)
	text = scrape()
	want(text, "stimmung_http_requests_total", `code="500",route="/v1/search"`, 1)
	want(text, "stimmung_errors_total", `route="/v1/search"`, 1)
}

// ids lists the "id" of each object.
func ids(t *testing.T, objs []any) []string {
	t.Helper()
	out := make([]string, 0, len(objs))
	for _, o := range objs {
		m, ok := o.(map[string]any)
		if !ok {
			t.Fatalf("%v is not an object", o)
		}
		id, _ := m["id"].(string)
		out = append(out, id)
	}
	return out
}

func TestAnalyze(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for _, tc := range []struct {
		name, body string
		// want: each output line's id, or "!stage" for an error record
		// of that stage
		want []string
	}{
		{"one object", `{"id": "a1", "text": "Der Kundenservice war sehr freundlich."}`, []string{"a1"}},
		{"object over lines", "{\"id\": \"a1\",\n \"text\": \"Der Kundenservice war sehr freundlich.\"}\n", []string{"!read", "!read"}},
		{"array", `[{"id": "a1", "text": "Super Service!"}, {"id": "a2", "text": "The delivery was late."}, {"id": "a3", "text": "Gut."}]`, []string{"a1", "a2", "a3"}},
		{"array with a bad element", `[{"id": "a1", "text": "Super"}, 5, {"id": "a3", "text": "schlecht"}]`, []string{"a1", "!read", "a3"}},
		{"array cut short", `[{"id": "a1", "text": "Super"}, {"id": "a2", "text": "sch`, []string{"a1", "!read"}},
		{"json lines", "{\"id\": \"a1\", \"text\": \"Super\"}\n{\"id\": \"a2\", \"text\": \"Schlecht\"}\n", []string{"a1", "a2"}},
		{"json lines, a broken line keeps its place", "{\"id\": \"a1\", \"text\": \"Super\"}\n{broken\n{\"id\": \"a3\", \"text\": \"Schlecht\"}\n{\"id\": \"a4\"}\n{\"id\": \"a5\", \"text\": \"ok\"}", []string{"a1", "!read", "a3", "!read", "a5"}},
		// One line in, one line out, as stimmung analyze: a blank line
		// is an error record too.
		{"json lines with CRLF and a blank line", "{\"id\": \"a1\", \"text\": \"Super\"}\r\n\r\n{\"id\": \"a2\", \"text\": \"Schlecht\"}\r\n", []string{"a1", "!read", "a2"}},
		{"empty array", `[]`, nil},
		{"not json", `hello`, []string{"!read"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(t, h, request{method: "POST", target: "/v1/analyze", body: tc.body})
			wantStatus(t, w, http.StatusOK)
			if ct := w.Header().Get("Content-Type"); ct != "application/x-ndjson" {
				t.Errorf("Content-Type %q", ct)
			}
			lines := jsonLines(t, w.Body.Bytes())
			var got []string
			for _, l := range lines {
				if e, ok := l["error"].(map[string]any); ok {
					got = append(got, "!"+e["stage"].(string))
					if msg, _ := e["message"].(string); msg == "" {
						t.Errorf("error record without a message: %v", l)
					}
					continue
				}
				got = append(got, l["id"].(string))
				if _, ok := l["sentiment"].(map[string]any); !ok {
					t.Errorf("record without sentiment: %v", l)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("records %q, want %q\n%s", got, tc.want, w.Body.Bytes())
			}
			for i, l := range lines { // line numbers of the input, in order
				if n, _ := l["line"].(float64); i > 0 && n <= lines[i-1]["line"].(float64) {
					t.Errorf("line %v after line %v", l["line"], lines[i-1]["line"])
				}
			}
		})
	}

	// The analysis is stimmung analyze's: a German and an English
	// comment get their language and sentiment, a negation is seen.
	w := do(t, h, request{method: "POST", target: "/v1/analyze",
		body: `[{"id": "de", "text": "Die Lieferung war nicht gut, sehr ärgerlich."}, {"id": "en", "text": "Friendly staff, great selection!"}]`})
	wantStatus(t, w, http.StatusOK)
	lines := jsonLines(t, w.Body.Bytes())
	for i, want := range []struct{ lang, label string }{{"de", "negative"}, {"en", "positive"}} {
		s := lines[i]["sentiment"].(map[string]any)
		if lines[i]["lang"] != want.lang || s["label"] != want.label {
			t.Errorf("%v: lang %v, label %v; want %s, %s", lines[i]["id"], lines[i]["lang"], s["label"], want.lang, want.label)
		}
	}
}

// searchTotal runs a search and returns its total and hits.
func searchTotal(t *testing.T, h http.Handler, target string) (float64, []any, map[string]any) {
	t.Helper()
	w := get(t, h, target)
	wantStatus(t, w, http.StatusOK)
	m := decode(t, w)
	hits, ok := m["hits"].([]any)
	if !ok {
		t.Fatalf("%s: no hits list: %s", target, w.Body.Bytes())
	}
	facets, _ := m["facets"].(map[string]any)
	return m["total"].(float64), hits, facets
}

func TestAnalyzeIndex(t *testing.T) {
	dir := sampleIndex(t)
	h := newServer(t, dir, serve.Options{AllowWrites: true}).Handler()
	w := do(t, h, request{method: "POST", target: "/v1/analyze?index=true",
		body: "{\"id\": \"N1\", \"date\": \"2026-11-02\", \"text\": \"Der Zauberwürfel kam kaputt an, sehr ärgerlich.\"}\n{\"id\": \"N2\", \"text\": \"The Zauberwürfel was a great gift!\"}\n{oops\n"})
	wantStatus(t, w, http.StatusOK)
	if got := len(jsonLines(t, w.Body.Bytes())); got != 3 {
		t.Fatalf("%d lines, want 3:\n%s", got, w.Body.Bytes())
	}
	// Searchable once the answer is sent; the broken line is not indexed.
	total, hits, _ := searchTotal(t, h, "/v1/search?q=Zauberw%C3%BCrfel&sort=id")
	if total != 2 || !slices.Equal(ids(t, hits), []string{"N1", "N2"}) {
		t.Errorf("search after indexing: total %v, hits %v", total, ids(t, hits))
	}
	if n := decode(t, get(t, h, "/healthz"))["documents"]; n != 27.0 {
		t.Errorf("healthz documents %v, want 27", n)
	}
	wantStatus(t, get(t, h, "/v1/comments/N1"), http.StatusOK)
	total, _, _ = searchTotal(t, h, "/v1/search?since=2026-11&lang=de")
	if total != 1 {
		t.Errorf("since=2026-11&lang=de: %v hits, want 1 (N1)", total)
	}
	// The same id again replaces the document.
	w = do(t, h, request{method: "POST", target: "/v1/analyze?index=1", body: `{"id": "N2", "text": "Changed my mind about the cube."}`})
	wantStatus(t, w, http.StatusOK)
	if total, _, _ := searchTotal(t, h, "/v1/search?q=Zauberw%C3%BCrfel"); total != 1 {
		t.Errorf("after replacing N2: %v hits for its old word, want 1", total)
	}
	if n := decode(t, get(t, h, "/healthz"))["documents"]; n != 27.0 {
		t.Errorf("healthz documents %v, want 27", n)
	}
}

// TestWritesKeepIndexVersions: a server that indexes records keeps the
// versions stimmung index writes (the analysis version that search checks
// queries against), so that a later stimmung index or search does not
// take the index for another stimmung's.
func TestWritesKeepIndexVersions(t *testing.T) {
	dir := sampleIndex(t)
	before := indexVersions(t, dir)
	s := newServer(t, dir, serve.Options{AllowWrites: true, Version: "test"})
	wantStatus(t, do(t, s.Handler(), request{method: "POST", target: "/v1/analyze?index=true", body: `{"id": "N1", "text": "gut"}`}), http.StatusOK)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after := indexVersions(t, dir)
	if after["analysis"] != index.AnalysisVersion() {
		t.Errorf("versions after the server wrote: %v; want analysis %s", after, index.AnalysisVersion())
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("version %s: %q before the server wrote, %q after", k, v, after[k])
		}
	}
}

func indexVersions(t *testing.T, dir string) map[string]string {
	t.Helper()
	ix, err := index.OpenSearch(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Meta.Importing {
		t.Errorf("%s still marked as importing", dir)
	}
	return ix.Meta.Versions
}

func TestSearch(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for _, tc := range []struct {
		target string
		total  float64
		ids    []string // the page's hits in order, when given
	}{
		{"/v1/search", 25, nil},
		{"/v1/search?sort=id&size=5", 25, []string{"R001", "R002", "R003", "R004", "R005"}},
		{"/v1/search?sort=id&size=5&from=5", 25, []string{"R006", "R007", "R008", "R009", "R010"}},
		{"/v1/search?sort=id&from=24", 25, []string{"R025"}},
		{"/v1/search?sort=id&from=30", 25, []string{}},
		{"/v1/search?sort=-id&size=2", 25, []string{"R025", "R024"}},
		{"/v1/search?sort=nps,id&size=3", 25, []string{"R011", "R005", "R022"}},
		{"/v1/search?sort=-date&sort=id&size=3", 25, []string{"R024", "R025", "R021"}},
		{"/v1/search?q=Lieferung&sort=id", 3, []string{"R001", "R014", "R018"}},
		{"/v1/search?q=%22kept+on+hold%22", 1, []string{"R005"}},
		{"/v1/search?q=Lieferung+-Verpackung&sort=id", 2, []string{"R001", "R014"}},
		{"/v1/search?touchpoint=delivery&sort=id", 6, []string{"R001", "R004", "R009", "R014", "R018", "R023"}},
		{"/v1/search?touchpoint=delivery,billing&sort=id&size=0", 9, []string{}},
		{"/v1/search?touchpoint=delivery&touchpoint=billing&size=0", 9, []string{}},
		{"/v1/search?lang=en&size=0", 8, []string{}},
		{"/v1/search?nps=detractor&size=0", 13, []string{}},
		{"/v1/search?nps=9-10&sort=id&size=3", 8, []string{"R002", "R004", "R009"}},
		{"/v1/search?csat=satisfied&sort=id&size=3", 11, []string{"R002", "R004", "R006"}},
		{"/v1/search?csat=neutral,dissatisfied&size=0", 13, []string{}},
		{"/v1/search?since=2026-10-08&sort=id", 5, []string{"R021", "R022", "R023", "R024", "R025"}},
		{"/v1/search?since=2026-10-02&until=2026-10-02&sort=id", 3, []string{"R003", "R004", "R005"}},
		{"/v1/search?touchpoint=support&lang=de&sentiment=%3C0&sort=id", 2, []string{"R011", "R016"}},
		{"/v1/search?q=Zauberw%C3%BCrfel", 0, []string{}},
	} {
		t.Run(tc.target, func(t *testing.T) {
			total, hits, _ := searchTotal(t, h, tc.target)
			if total != tc.total {
				t.Errorf("total %v, want %v", total, tc.total)
			}
			if tc.ids != nil && !slices.Equal(ids(t, hits), tc.ids) {
				t.Errorf("hits %q, want %q", ids(t, hits), tc.ids)
			}
		})
	}

	// Hits are the analysed records with their score and highlights.
	_, hits, _ := searchTotal(t, h, "/v1/search?q=Lieferung&sort=id&size=1")
	hit := hits[0].(map[string]any)
	if hit["text"] != "Die Lieferung kam drei Tage zu spät, und niemand hat sich gemeldet. Sehr ärgerlich!" {
		t.Errorf("hit text %q", hit["text"])
	}
	if hl, _ := hit["_highlights"].([]any); len(hl) == 0 || !strings.Contains(hl[0].(string), "<mark>Lieferung</mark>") {
		t.Errorf("highlights %v, want <mark>Lieferung</mark>", hit["_highlights"])
	}
	if _, ok := hit["_score"].(float64); !ok {
		t.Errorf("hit without _score: %v", hit)
	}
	_, hits, _ = searchTotal(t, h, "/v1/search?q=Lieferung&size=1&highlight=false")
	if hl, _ := hits[0].(map[string]any)["_highlights"].([]any); len(hl) != 0 {
		t.Errorf("highlight=false gave highlights %v", hl)
	}

	// Facets with counts, in the order asked, with size=0 too.
	total, hits, facets := searchTotal(t, h, "/v1/search?size=0&facet=touchpoint&facet=lang,nps_group")
	if total != 25 || len(hits) != 0 {
		t.Errorf("size=0: total %v, %d hits", total, len(hits))
	}
	wantFacet(t, facets, "touchpoint", map[string]float64{"delivery": 6, "support": 5, "app": 4, "store": 4, "web": 3, "billing": 3})
	wantFacet(t, facets, "lang", map[string]float64{"de": 15, "en": 8})
	wantFacet(t, facets, "nps_group", map[string]float64{"detractor": 13, "promoter": 8, "passive": 4})
	_, _, facets = searchTotal(t, h, "/v1/search?size=0&facet=touchpoint&facet_size=2")
	if terms := facets["touchpoint"].(map[string]any)["terms"].([]any); len(terms) != 2 {
		t.Errorf("facet_size=2 gave %d terms", len(terms))
	}
	_, _, facets = searchTotal(t, h, "/v1/search?q=Lieferung&facet=touchpoint")
	wantFacet(t, facets, "touchpoint", map[string]float64{"delivery": 3})
}

// wantFacet checks a facet's terms and counts.
func wantFacet(t *testing.T, facets map[string]any, name string, want map[string]float64) {
	t.Helper()
	f, ok := facets[name].(map[string]any)
	if !ok {
		t.Errorf("no facet %q in %v", name, facets)
		return
	}
	got := map[string]float64{}
	for _, term := range f["terms"].([]any) {
		tm := term.(map[string]any)
		got[tm["term"].(string)] = tm["count"].(float64)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("facet %s: %v, want %v", name, got, want)
	}
}

func TestFacets(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	w := get(t, h, "/v1/facets")
	wantStatus(t, w, http.StatusOK)
	m := decode(t, w)
	if m["total"] != 25.0 {
		t.Errorf("total %v", m["total"])
	}
	if _, ok := m["hits"]; ok {
		t.Errorf("facets answer has hits: %s", w.Body.Bytes())
	}
	facets := m["facets"].(map[string]any)
	for _, name := range index.FacetNames() {
		if _, ok := facets[name]; !ok {
			t.Errorf("no facet %q without facet=", name)
		}
	}
	wantFacet(t, facets, "month", map[string]float64{"2026-10": 25})
	wantFacet(t, facets, "lang", map[string]float64{"de": 15, "en": 8})

	// Drill-down: the facets of a narrower search, only those asked.
	m = decode(t, get(t, h, "/v1/facets?touchpoint=support&facet=lang&facet=nps_group"))
	facets = m["facets"].(map[string]any)
	if m["total"] != 5.0 || len(facets) != 2 {
		t.Errorf("support: total %v, facets %v", m["total"], facets)
	}
	wantFacet(t, facets, "lang", map[string]float64{"de": 4, "en": 1})
	wantFacet(t, facets, "nps_group", map[string]float64{"detractor": 4, "promoter": 1})
	wantStatus(t, get(t, h, "/v1/facets?facet=color"), http.StatusBadRequest)
}

func TestReport(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	w := get(t, h, "/v1/report?min_n=5")
	wantStatus(t, w, http.StatusOK)
	m := decode(t, w)
	for k, v := range map[string]float64{"records": 25, "promoters": 8, "passives": 4, "detractors": 13, "min_n": 5} {
		if m[k] != v {
			t.Errorf("report %s = %v, want %v", k, m[k], v)
		}
	}
	nps := m["nps"].(map[string]any)
	if v := nps["value"].(float64); v != -20 { // (8 - 13) / 25
		t.Errorf("nps %v, want -20", v)
	}
	m = decode(t, get(t, h, "/v1/report?lang=de&q=Lieferung+OR+Kundenservice&by=touchpoint"))
	if m["records"] != 4.0 { // R001, R014, R018 (Lieferung), R002 (Kundenservice)
		t.Errorf("report lang=de q=Lieferung OR Kundenservice: %v records, want 4", m["records"])
	}
	if b, _ := m["breakdowns"].([]any); len(b) != 1 {
		t.Errorf("report by=touchpoint has no breakdown: %v", m)
	}
	// The report's equality with stimmung report --index -f json is
	// tested in cmd/stimmung (TestServeReportEqualsCLI).
}

func TestComment(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	w := get(t, h, "/v1/comments/R005")
	wantStatus(t, w, http.StatusOK)
	var c struct {
		ID        string         `json:"id"`
		Record    map[string]any `json:"record"`
		Explained struct {
			Text    string `json:"text"`
			Explain []struct {
				Text   string   `json:"text"`
				Match  string   `json:"match"`
				Source string   `json:"source"`
				Final  float64  `json:"final"`
				Rules  []string `json:"rules"`
			} `json:"explain"`
		} `json:"explained"`
		Mark *serve.Mark `json:"mark"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	if c.ID != "R005" || c.Record["id"] != "R005" || c.Mark != nil {
		t.Errorf("comment: id %q, record id %v, mark %v", c.ID, c.Record["id"], c.Mark)
	}
	if c.Explained.Text != c.Record["text"] {
		t.Errorf("explained text %q, record text %q", c.Explained.Text, c.Record["text"])
	}
	found := map[string]string{}
	for _, e := range c.Explained.Explain {
		found[e.Text] = e.Source
		if e.Source == "" {
			t.Errorf("explain entry without a source: %+v", e)
		}
	}
	for _, word := range []string{"on hold", "never again", "can't"} {
		if _, ok := found[word]; !ok {
			t.Errorf("explain has no %q: %v", word, found)
		}
	}
	// Umlauts and emoji come through as they are.
	m := decode(t, get(t, h, "/v1/comments/R002"))
	if text := m["record"].(map[string]any)["text"]; text != "Super freundlicher Kundenservice, mein Problem war in 5 Minuten gelöst 👍" {
		t.Errorf("R002 text %q", text)
	}
	for _, target := range []string{"/v1/comments/R999", "/v1/comments/r001", "/v1/comments/%20R001"} {
		w := get(t, h, target)
		wantStatus(t, w, http.StatusNotFound)
	}
}

// queueIDs returns the ids of the queue and each one's status and note.
func queueIDs(t *testing.T, h http.Handler, target string) map[string]string {
	t.Helper()
	w := get(t, h, target)
	wantStatus(t, w, http.StatusOK)
	var q struct {
		Comments int `json:"comments"`
		Queue    []struct {
			ID, Status, Note, Updated string
		} `json:"queue"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &q); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range q.Queue {
		out[e.ID] = e.Status + "|" + e.Note
		if e.Status != "" && e.Updated == "" {
			t.Errorf("queue entry %s marked without a time", e.ID)
		}
	}
	return out
}

func TestQueue(t *testing.T) {
	dir := sampleIndex(t)
	s := newServer(t, dir, serve.Options{AllowWrites: true})
	h := s.Handler()
	q := queueIDs(t, h, "/v1/queue")
	if q["R005"] != "|" || q["R011"] != "|" {
		t.Fatalf("queue before marks: %v, want R005 and R011 unmarked", q)
	}
	if n := len(queueIDs(t, h, "/v1/queue?queue_size=3")); n != 3 {
		t.Errorf("queue_size=3: %d entries", n)
	}
	w := do(t, h, request{method: "POST", target: "/v1/queue/R005", body: `{"status": "handled", "note": "Rückruf erledigt ✓ <b>"}`})
	wantStatus(t, w, http.StatusOK)
	if m := decode(t, w); m["status"] != "handled" || m["updated"] == nil {
		t.Errorf("mark answer %v", m)
	}
	wantStatus(t, do(t, h, request{method: "POST", target: "/v1/queue/R011", body: `{"status": "open"}`}), http.StatusOK)
	check := func(h http.Handler) {
		t.Helper()
		q := queueIDs(t, h, "/v1/queue")
		if q["R005"] != "handled|Rückruf erledigt ✓ <b>" || q["R011"] != "open|" {
			t.Errorf("queue: R005 %q, R011 %q", q["R005"], q["R011"])
		}
		if _, ok := queueIDs(t, h, "/v1/queue?status=handled")["R005"]; !ok {
			t.Errorf("status=handled misses R005")
		}
		if q := queueIDs(t, h, "/v1/queue?status=open"); q["R011"] != "open|" || q["R005"] != "" {
			t.Errorf("status=open: %v", q)
		}
		var c struct{ Mark *serve.Mark }
		if err := json.Unmarshal(get(t, h, "/v1/comments/R005").Body.Bytes(), &c); err != nil || c.Mark == nil || c.Mark.Status != "handled" {
			t.Errorf("comment R005 mark %+v (%v)", c.Mark, err)
		}
		// The report's queue carries the marks too.
		var r struct {
			Queue []struct{ ID, Status string } `json:"queue"`
		}
		if err := json.Unmarshal(get(t, h, "/v1/report").Body.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(r.Queue, func(e struct{ ID, Status string }) bool { return e.ID == "R005" })
		if i < 0 || r.Queue[i].Status != "handled" {
			t.Errorf("report queue: %+v", r.Queue)
		}
	}
	check(h)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, serve.StoreFile)); err != nil {
		t.Fatal(err)
	}

	// The marks persist: a new server, read-only, on the same directory.
	ro := newServer(t, dir, serve.Options{}).Handler()
	check(ro)
	w = do(t, ro, request{method: "POST", target: "/v1/queue/R005", body: `{"status": "open"}`})
	wantStatus(t, w, http.StatusForbidden)
	check(ro)
}

func TestPage(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for _, target := range []string{"/", "/?q=Lieferung&theme=delivery", "/v1/search", "/healthz", "/no-such-page"} {
		w := get(t, h, target)
		csp := w.Header().Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") ||
			!regexp.MustCompile(`(^|; )script-src 'self'(;|$)`).MatchString(csp) ||
			!strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: Content-Security-Policy %q", target, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := w.Header().Get(k); got != v {
				t.Errorf("%s: %s %q, want %q", target, k, got, v)
			}
		}
	}
	w := get(t, h, "/")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("/: Content-Type %q", ct)
	}
	page, err := os.ReadFile("web/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if w.Body.String() != string(page) {
		t.Errorf("/ is not web/index.html")
	}
	// HEAD answers the headers only.
	w = do(t, h, request{method: "HEAD", target: "/"})
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD /: %d, %d bytes", w.Code, w.Body.Len())
	}
}

// TestPageAssets serves every file under web/ with its own bytes, and no
// directory.
func TestPageAssets(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	err := filepath.WalkDir("web", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := "/" + filepath.ToSlash(strings.TrimPrefix(p, "web"))
		target = strings.Replace(target, "//", "/", 1)
		if d.IsDir() {
			for _, tg := range []string{target, strings.TrimSuffix(target, "/") + "/"} {
				if tg == "/" {
					continue
				}
				w := get(t, h, tg)
				if w.Code == http.StatusOK {
					t.Errorf("directory %s: 200\n%s", tg, w.Body.Bytes())
				}
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil // embed leaves these out
		}
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w := get(t, h, target)
		if w.Code != http.StatusOK || w.Body.String() != string(want) {
			t.Errorf("%s: %d, %d bytes; want %s's %d bytes", target, w.Code, w.Body.Len(), p, len(want))
		}
		if strings.HasSuffix(p, ".js") && !strings.Contains(w.Header().Get("Content-Type"), "javascript") {
			t.Errorf("%s: Content-Type %q", target, w.Header().Get("Content-Type"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSearchWhileIndexing: "Searches keep answering while comments are
// analysed and indexed through the API." Clients search in parallel with
// requests that index; no search fails, and each batch is found as soon
// as its request has answered. Run it with -race.
func TestSearchWhileIndexing(t *testing.T) {
	s := newServer(t, sampleIndex(t), serve.Options{AllowWrites: true})
	srv := newTCPServer(t, s)
	client := srv.Client()

	const writers, batches, perBatch = 3, 4, 25
	done := make(chan struct{})
	var searches, failures sync.Map
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			targets := []string{"/v1/search?q=Lieferung&facet=theme", "/v1/search?size=5&sort=-date&facet=touchpoint",
				"/v1/facets?lang=de", "/v1/search?q=Schachtel*&size=50"}
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				target := targets[(c+i)%len(targets)]
				resp, err := client.Get(srv.URL + target)
				if err != nil {
					failures.Store(fmt.Sprint(c, i), err.Error())
					continue
				}
				var m map[string]any
				err = json.NewDecoder(resp.Body).Decode(&m)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || err != nil {
					failures.Store(fmt.Sprint(c, i), fmt.Sprintf("%s: %d %v", target, resp.StatusCode, err))
				}
				n, _ := searches.LoadOrStore(c, new(int))
				*n.(*int)++
			}
		}()
	}
	var iw sync.WaitGroup
	for wr := range writers {
		iw.Add(1)
		go func() {
			defer iw.Done()
			for b := range batches {
				word := fmt.Sprintf("Schachtel%c%c", 'a'+wr, 'a'+b) // one word a batch
				var body strings.Builder
				for i := range perBatch {
					fmt.Fprintf(&body, "{\"id\": \"W%d-%d-%d\", \"text\": \"Die %s kam beschädigt an, Nummer %d.\"}\n", wr, b, i, word, i)
				}
				resp, err := client.Post(srv.URL+"/v1/analyze?index=true", "application/x-ndjson", strings.NewReader(body.String()))
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("analyze: %d", resp.StatusCode)
					return
				}
				resp, err = client.Get(srv.URL + "/v1/search?size=0&q=" + word)
				if err != nil {
					t.Error(err)
					return
				}
				var m map[string]any
				err = json.NewDecoder(resp.Body).Decode(&m)
				resp.Body.Close()
				if err != nil || m["total"] != float64(perBatch) {
					t.Errorf("batch %s: found %v right after indexing (%v), want %d", word, m["total"], err, perBatch)
				}
			}
		}()
	}
	iw.Wait()
	close(done)
	wg.Wait()
	failures.Range(func(k, v any) bool {
		t.Errorf("search %v failed: %v", k, v)
		return true
	})
	total := 0
	searches.Range(func(k, v any) bool { total += *v.(*int); return true })
	if total < 10 {
		t.Errorf("only %d searches answered while indexing", total)
	}
	t.Logf("%d searches answered during %d indexing requests", total, writers*batches)
	if n, _, _ := searchTotal(t, s.Handler(), "/v1/search?size=0&q=Schachtel*"); n != writers*batches*perBatch {
		t.Errorf("%v comments indexed, want %d", n, writers*batches*perBatch)
	}
}
