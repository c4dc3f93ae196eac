package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline/serve"
)

// TestServeReportEqualsCLI: GET /v1/report answers what stimmung report
// --index -f json prints for the same query and filters, the follow-up
// marks of the store included.
func TestServeReportEqualsCLI(t *testing.T) {
	ix := filepath.Join(t.TempDir(), "ix")
	if _, errs, code := run(t, nil, "index", "-q", "--index", ix, "../../testdata/sample/feedback.csv"); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A mark, for the queues to carry.
	w := serveRequest(t, serve.Options{IndexDir: ix, Config: cfg, AllowWrites: true, Version: Version},
		"POST", "/v1/queue/R005", `{"status": "handled", "note": "called back"}`)
	if w.Code != http.StatusOK {
		t.Fatalf("mark: %d %s", w.Code, w.Body.Bytes())
	}
	o := serve.Options{IndexDir: ix, Config: cfg, Version: Version}

	for _, tc := range []struct {
		name   string
		target string
		args   []string
	}{
		{"everything", "/v1/report", nil},
		{"breakdowns", "/v1/report?min_n=3&by=theme,touchpoint&by=month&lang=de",
			[]string{"--min-n", "3", "--by", "theme,touchpoint", "--by", "month", "--lang", "de"}},
		{"query and filters", "/v1/report?q=Lieferung+OR+Kundenservice+OR+delivery&since=2026-10-02&until=2026-10-08&touchpoint=delivery,support&queue_size=3",
			[]string{"--since", "2026-10-02", "--until", "2026-10-08", "--touchpoint", "delivery,support", "--queue-size", "3", "Lieferung", "OR", "Kundenservice", "OR", "delivery"}},
		{"theme and where", "/v1/report?theme=service&where=touchpoint%3Dsupport&where=touchpoint%3Dstore&min_n=1",
			[]string{"--theme", "service", "--where", "touchpoint=support", "--where", "touchpoint=store", "--min-n", "1"}},
		{"comparison", "/v1/report?since=2026-10-05&until=2026-10-09&compare=previous&waterfall_by=lang&min_n=2",
			[]string{"--since", "2026-10-05", "--until", "2026-10-09", "--compare", "previous", "--waterfall-by", "lang", "--min-n", "2"}},
		{"label", "/v1/report?label=negative", []string{"--label", "negative"}},
		{"label, nps and flag", "/v1/report?label=negative,mixed&nps=detractor&nps=passive&flag=effort,churn&min_n=1",
			[]string{"--label", "negative,mixed", "--nps", "detractor,passive", "--flag", "effort,churn", "--min-n", "1"}},
		{"nothing matches", "/v1/report?q=Zauberw%C3%BCrfel", []string{"Zauberwürfel"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cli, errs, code := run(t, nil, append([]string{"report", "--index", ix, "-f", "json"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("report: exit %d: %s", code, errs)
			}
			w := serveRequest(t, o, "GET", tc.target, "")
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", tc.target, w.Code, w.Body.Bytes())
			}
			if got, want := canonicalJSON(t, w.Body.Bytes()), canonicalJSON(t, []byte(cli)); got != want {
				t.Errorf("%s differs from stimmung report --index -f json %s:\n%s\n---\n%s", tc.target, strings.Join(tc.args, " "), got, want)
			}
			if tc.name == "everything" && !strings.Contains(cli, `"called back"`) {
				t.Errorf("the report's queue has no mark:\n%s", cli)
			}
		})
	}
}

// serveRequest sends one request to a new server over o, closed after.
func serveRequest(t *testing.T, o serve.Options, method, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	s, err := serve.New(o)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	var b io.Reader
	if body != "" {
		b = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, "http://127.0.0.1:8080"+target, b)
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	return w
}

// canonicalJSON re-encodes a JSON document with sorted keys and indented,
// so that two encodings of the same value compare equal and differ
// readably.
func canonicalJSON(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	out, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
