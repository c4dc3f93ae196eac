package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/read"
	"github.com/stimmung/stimmung/pipeline/serve"
)

// sampleCSV is the sample the index of the API tests is built from.
const sampleCSV = "../../testdata/sample/feedback.csv"

// testConfig is the built-in configuration, as stimmung serve has it
// without --config.
func testConfig(t testing.TB) *configs.Config {
	t.Helper()
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// buildIndex analyses data (read as name says: feedback.csv, x.jsonl)
// and indexes it into dir, as stimmung index does.
func buildIndex(dir, name string, data io.Reader) error {
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		return err
	}
	p, err := pipeline.Build(cfg)
	if err != nil {
		return err
	}
	o := pipeline.ReadOptions(cfg)
	o.Name = name
	src, err := read.Open(data, o)
	if err != nil {
		return err
	}
	ix, err := index.OpenWriter(dir, false)
	if err != nil {
		return err
	}
	versions := p.Versions()
	versions["stimmung"] = "test"
	versions["analysis"] = index.AnalysisVersion()
	w, err := index.NewWriter(ix, versions, 0)
	if err != nil {
		return errors.Join(err, ix.Close())
	}
	_, err = p.Run(context.Background(), src.Next, w, pipeline.RunOptions{})
	return errors.Join(err, w.Close(), ix.Close())
}

// sampleIndex builds the index of testdata/sample/feedback.csv (25
// comments, R001 to R025) in a temporary directory of the test's (about
// 0.1 s) and returns its path.
func sampleIndex(t testing.TB) string {
	t.Helper()
	f, err := os.Open(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := filepath.Join(t.TempDir(), "ix")
	if err := buildIndex(dir, "feedback.csv", f); err != nil {
		t.Fatalf("building the sample index: %v", err)
	}
	return dir
}

// newServer makes a server over dir with the options o (IndexDir and
// Config filled in) and closes it at the end of the test.
func newServer(t testing.TB, dir string, o serve.Options) *serve.Server {
	t.Helper()
	o.IndexDir = dir
	if o.Config == nil {
		o.Config = testConfig(t)
	}
	s, err := serve.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

// request is one request to a handler; header holds "Name: value" pairs.
type request struct {
	method, target string
	body           string
	header         []string
}

// do sends req to h in-process and returns the answer.
func do(t testing.TB, h http.Handler, req request) *httptest.ResponseRecorder {
	t.Helper()
	method := req.method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if req.body != "" {
		body = strings.NewReader(req.body)
	}
	r := httptest.NewRequest(method, "http://127.0.0.1:8080/", body)
	// The target as sent on the wire, unparsed by the test: path tricks
	// reach the server as a client would send them.
	r.RequestURI = req.target
	u, err := url.ParseRequestURI(req.target)
	if err != nil {
		t.Fatalf("target %q: %v", req.target, err)
	}
	r.URL = u
	for _, h := range req.header {
		k, v, _ := strings.Cut(h, ":")
		if strings.EqualFold(k, "Host") {
			r.Host = strings.TrimSpace(v)
			continue
		}
		r.Header.Add(k, strings.TrimSpace(v))
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// get is do with GET and no body.
func get(t testing.TB, h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, request{target: target, header: header})
}

// decode reads a JSON answer into a map.
func decode(t testing.TB, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v\n%s", err, w.Body.Bytes())
	}
	return m
}

// wantStatus fails unless the answer has the status; an error answer must
// be JSON with its status and a message.
func wantStatus(t testing.TB, w *httptest.ResponseRecorder, status int) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d; body:\n%s", w.Code, status, w.Body.Bytes())
	}
	if status >= 400 {
		wantErrorJSON(t, w)
	}
}

// wantErrorJSON checks the shape of an error answer and returns its
// message.
func wantErrorJSON(t testing.TB, w *httptest.ResponseRecorder) string {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("error answer with Content-Type %q, want application/json; body:\n%s", ct, w.Body.Bytes())
	}
	var e struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
	}
	dec := json.NewDecoder(bytes.NewReader(w.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("error answer is not {error, status}: %v\n%s", err, w.Body.Bytes())
	}
	if e.Status != w.Code || e.Error == "" {
		t.Errorf("error answer %+v with status %d", e, w.Code)
	}
	return e.Error
}

// jsonLines splits an NDJSON answer into its objects.
func jsonLines(t testing.TB, b []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// newTCPServer serves s on a loopback port over real TCP, with the
// http.Server of s (its timeouts and limits), until the end of the test.
func newTCPServer(t testing.TB, s *serve.Server) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = s.HTTPServer()
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}
