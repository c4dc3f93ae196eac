package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/indexreport"
	"github.com/stimmung/stimmung/pipeline/read"
	"github.com/stimmung/stimmung/pipeline/render"
	"github.com/stimmung/stimmung/pipeline/report"
	"github.com/stimmung/stimmung/pipeline/write"
)

// Limits of the API beside the body's: a page of hits, the queue.
const (
	maxPageSize  = 200
	maxQueueSize = 1000
)

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /healthz", s.health)
	m.Handle("GET /metrics", s.metrics.handler())
	m.HandleFunc("POST /v1/analyze", s.analyzeComments)
	m.HandleFunc("GET /v1/search", s.search)
	m.HandleFunc("GET /v1/facets", s.facets)
	m.HandleFunc("GET /v1/report", s.report)
	m.HandleFunc("GET /v1/comments/{id}", s.comment)
	m.HandleFunc("GET /v1/queue", s.queue)
	m.HandleFunc("POST /v1/queue/{id}", s.mark)
	noRoute := func(w http.ResponseWriter, r *http.Request) {
		if allow := s.allowed(r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			fail(w, http.StatusMethodNotAllowed, "method %s: %s takes %s", r.Method, r.URL.Path, strings.Join(allow, ", "))
			return
		}
		fail(w, http.StatusNotFound, "no route %s %s", r.Method, r.URL.Path)
	}
	m.HandleFunc("/v1/", noRoute)
	// /v1 itself: a JSON 404, not the mux's redirect to /v1/ with an HTML
	// body.
	m.HandleFunc("/v1", noRoute)
	m.HandleFunc("/", s.page)
	s.mux = m
}

// allowed lists the methods that a route of its own answers on r's path:
// a known path asked with another method falls through to the catch-all
// /v1/, which then answers 405 rather than 404.
func (s *Server) allowed(r *http.Request) []string {
	var out []string
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		other := *r
		other.Method = method
		if _, pattern := s.mux.Handler(&other); pattern != "/v1/" && pattern != "/v1" && pattern != "/" && pattern != "" {
			out = append(out, method)
		}
	}
	return out
}

// answer writes v as JSON.
func answer(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		fail(w, http.StatusInternalServerError, "encoding the answer: %v", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(append(b, '\n'))
}

// health answers whether the server and its index work.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL)
	if err == nil {
		err = p.check()
	}
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	n, err := s.ix.Bleve.DocCount()
	if err != nil {
		fail(w, http.StatusServiceUnavailable, "index: %v", err)
		return
	}
	answer(w, map[string]any{"status": "ok", "version": s.o.Version, "documents": n, "writes": s.o.AllowWrites,
		"incomplete": s.ix.Meta.Importing && s.writer == nil})
}

// searchRequest reads the parameters that search and facets share.
func searchRequest(p *params) index.Request {
	return index.Request{
		Query: p.str("q"),
		Filters: index.Filters{Themes: p.list("theme"), Labels: p.list("label"), Langs: p.list("lang"),
			Touchpoints: p.list("touchpoint"), Flags: p.list("flag"), NPS: p.list("nps"), CSAT: p.list("csat"),
			Sentiment: p.str("sentiment"), Since: p.str("since"), Until: p.str("until")},
		Facets:    p.list("facet"),
		FacetSize: p.int("facet_size", 10, 1, 1000),
	}
}

// filterMessage words an error of a search's request for the API: a
// filter is a parameter here, not a flag.
func filterMessage(err error) string {
	if fe := (*index.FilterError)(nil); errors.As(err, &fe) {
		return fe.Message(func(n string) string { return "parameter " + n })
	}
	return err.Error()
}

// failQuery answers a search or scan that failed: the query's fault (a
// regular expression too complex to run) or the server's.
func failQuery(w http.ResponseWriter, err error) {
	if qe := (*index.QueryError)(nil); errors.As(err, &qe) {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	fail(w, http.StatusInternalServerError, "%v", err)
}

// runSearch runs a checked request; a bad query is the client's fault.
func (s *Server) runSearch(w http.ResponseWriter, req index.Request) (*index.Result, bool) {
	prepared, err := index.Prepare(req)
	if err != nil {
		fail(w, http.StatusBadRequest, "%s", filterMessage(err))
		return nil, false
	}
	res, err := prepared.Run(s.ix)
	if err != nil {
		failQuery(w, err)
		return nil, false
	}
	return res, true
}

// search answers a search as stimmung search -f json does: the total, a
// page of hits (records with _score and _highlights) and the facets.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	req := searchRequest(p)
	req.Sort = p.list("sort")
	req.Size = p.int("size", 20, 0, maxPageSize)
	req.From = p.int("from", 0, 0, index.MaxWindow-maxPageSize)
	req.Highlight = p.bool("highlight", true)
	if !p.ok(w) {
		return
	}
	size := req.Size
	if size == 0 {
		req.Size = 1 // Bleve wants one; the hit is dropped
	}
	res, ok := s.runSearch(w, req)
	if !ok {
		return
	}
	if size == 0 {
		res.Hits = nil
	}
	var b bytes.Buffer
	if err := render.JSON(&b, res); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

// facets answers the counts of a search's facets only, for drill-down.
func (s *Server) facets(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	req := searchRequest(p)
	if !p.ok(w) {
		return
	}
	if len(req.Facets) == 0 {
		req.Facets = index.FacetNames()
	}
	req.Size = 1
	res, ok := s.runSearch(w, req)
	if !ok {
		return
	}
	facets, err := render.FacetsJSON(res)
	if err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	answer(w, struct {
		Total  uint64          `json:"total"`
		Facets json.RawMessage `json:"facets"`
	}{res.Total, facets})
}

// reportSpec reads a report's parameters: the query and the filters, the
// breakdowns, the comparison.
func reportSpec(p *params) (string, report.Spec, int) {
	sp := report.Spec{Since: p.str("since"), Until: p.str("until"), Touchpoints: p.list("touchpoint"), Langs: p.list("lang"),
		Themes: p.list("theme"), Labels: p.list("label"), NPS: p.list("nps"), Flags: p.list("flag"), Where: p.all("where"), By: p.list("by"), Compare: p.str("compare"),
		WaterfallBy: p.str("waterfall_by"), QueueSize: p.int("queue_size", report.DefaultQueueSize, 1, maxQueueSize)}
	return p.str("q"), sp, p.int("min_n", report.DefaultMinN, 1, 1_000_000)
}

// tally counts the records of the index that match the query and spec.
func (s *Server) tally(w http.ResponseWriter, r *http.Request, q string, sp report.Spec, admit func(id string) bool) (*report.Tally, bool) {
	for _, b := range sp.By {
		if !report.IsDimension(b) && strings.ContainsAny(b, "\x00\n") {
			fail(w, http.StatusBadRequest, "parameter by=%q: not a column name", b)
			return nil, false
		}
	}
	t, err := sp.Tally()
	if err != nil {
		var se *report.SpecError
		if errors.As(err, &se) {
			fail(w, http.StatusBadRequest, "%s", se.Message(func(n string) string { return "parameter " + n }))
		} else {
			fail(w, http.StatusBadRequest, "%v", err)
		}
		return nil, false
	}
	t.Queue.Admit = admit
	req := indexreport.Request(q, sp)
	if _, err := index.Prepare(req); err != nil {
		fail(w, http.StatusBadRequest, "%s", filterMessage(err))
		return nil, false
	}
	if _, _, err := indexreport.Count(r.Context(), s.ix, req, t); err != nil {
		failQuery(w, err)
		return nil, false
	}
	return t, true
}

// report answers the report's JSON (stimmung report --index -f json).
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	q, sp, minN := reportSpec(p)
	if !p.ok(w) {
		return
	}
	t, ok := s.tally(w, r, q, sp, nil)
	if !ok {
		return
	}
	doc := t.Document(minN)
	if err := s.store.Annotate(doc.Queue); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	answer(w, doc)
}

// queue answers the follow-up queue with the analysts' marks; status=open
// or handled keeps those only.
func (s *Server) queue(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	q, sp, _ := reportSpec(p)
	status := p.str("status")
	if !p.ok(w) {
		return
	}
	if status != "" && status != StatusOpen && status != StatusHandled {
		fail(w, http.StatusBadRequest, "parameter status=%q: want open or handled", status)
		return
	}
	sp.By, sp.Compare = nil, ""
	// The top of the open (or handled) comments, not the open ones among
	// the top: a handled comment far down the priorities is still listed.
	var admit func(string) bool
	if status != "" {
		handled, err := s.store.Handled()
		if err != nil {
			fail(w, http.StatusInternalServerError, "%v", err)
			return
		}
		admit = func(id string) bool { return handled[id] == (status == StatusHandled) }
	}
	t, ok := s.tally(w, r, q, sp, admit)
	if !ok {
		return
	}
	kept := t.Queue.Sorted()
	if err := s.store.Annotate(kept); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	answer(w, struct {
		Comments int                 `json:"comments"`
		Queue    []report.QueueEntry `json:"queue"`
	}{t.Counts.Records, kept})
}

// mark records an analyst's mark on a comment: {"status": "handled" or
// "open", "note": "..."}.
func (s *Server) mark(w http.ResponseWriter, r *http.Request) {
	if !s.o.AllowWrites {
		fail(w, http.StatusForbidden, "this server is read-only: start it with --allow-writes to mark comments")
		return
	}
	id := r.PathValue("id")
	if err := noParams(r.URL); err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	var m Mark
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil || dec.More() {
		if mb := (*http.MaxBytesError)(nil); errors.As(err, &mb) {
			fail(w, http.StatusRequestEntityTooLarge, "body over %d bytes", mb.Limit)
			return
		}
		fail(w, http.StatusBadRequest, "body: want one JSON object {\"status\": \"handled\" or \"open\", \"note\": \"...\"}")
		return
	}
	if m.Status != StatusHandled && m.Status != StatusOpen {
		fail(w, http.StatusBadRequest, "status %q: want handled or open", m.Status)
		return
	}
	if len(m.Note) > maxNoteBytes {
		fail(w, http.StatusBadRequest, "note: over %d bytes", maxNoteBytes)
		return
	}
	src, err := index.Get(s.ix, id)
	if err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	if src == nil {
		fail(w, http.StatusNotFound, "no comment %q in the index", id)
		return
	}
	m.Updated = time.Now().UTC().Truncate(time.Second)
	if err := s.store.Set(id, m); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	answer(w, m)
}

// comment answers one record, its explanation (the analysis run again with
// explain: each word's lexicon entry and rules) and its follow-up mark.
func (s *Server) comment(w http.ResponseWriter, r *http.Request) {
	if err := noParams(r.URL); err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	id := r.PathValue("id")
	src, err := index.Get(s.ix, id)
	if err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	if src == nil {
		fail(w, http.StatusNotFound, "no comment %q in the index", id)
		return
	}
	explained, err := s.explainRecord(r, src)
	if err != nil {
		fail(w, http.StatusInternalServerError, "explaining %q: %v", id, err)
		return
	}
	var mark *Mark
	if m, ok, err := s.store.Get(id); err == nil && ok {
		mark = &m
	}
	answer(w, struct {
		ID        string          `json:"id"`
		Record    json.RawMessage `json:"record"`
		Explained json.RawMessage `json:"explained"`
		Mark      *Mark           `json:"mark"`
	}{id, src, explained, mark})
}

// explainRecord reads a stored record back as input (its input fields are
// all there) and analyses it again with explain.
func (s *Server) explainRecord(r *http.Request, src []byte) (json.RawMessage, error) {
	o := pipeline.ReadOptions(s.o.Config)
	o.Name, o.Format = "record", "jsonl"
	in, err := read.Open(bytes.NewReader(src), o)
	if err != nil {
		return nil, err
	}
	rec, err := in.Next()
	if err != nil {
		return nil, err
	}
	// Read back, the stored language looks given by the input: a language
	// that was detected is detected again, and the line is the stored one.
	var stored struct {
		Line       int64  `json:"line"`
		LangSource string `json:"lang_source"`
	}
	if json.Unmarshal(src, &stored) == nil {
		rec.Line = stored.Line
		if stored.LangSource != "input" {
			rec.Lang, rec.LangSource = "", ""
		}
	}
	s.explain.Process(r.Context(), rec, &pipeline.Notes{})
	return write.AppendRecord(nil, rec, write.Options{}), nil
}

// analyzeComments analyses the body: one JSON object, a JSON array of
// them or JSON lines, with the same output as stimmung analyze (JSON
// lines, one a record, in order; a broken record is an error record).
// With ?index=true the records also go into the index, through the one
// writer, and can be found once the answer is sent.
func (s *Server) analyzeComments(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	toIndex := p.bool("index", false)
	if !p.ok(w) {
		return
	}
	if toIndex && !s.o.AllowWrites {
		fail(w, http.StatusForbidden, "this server is read-only: start it with --allow-writes to index comments")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		if mb := (*http.MaxBytesError)(nil); errors.As(err, &mb) {
			fail(w, http.StatusRequestEntityTooLarge, "body over %d bytes: send the comments in several requests", mb.Limit)
			return
		}
		fail(w, http.StatusBadRequest, "body: %v", err)
		return
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		fail(w, http.StatusBadRequest, "body: empty; want a JSON object, a JSON array of objects or JSON lines")
		return
	}
	o := pipeline.ReadOptions(s.o.Config)
	o.Name, o.Format = "request", "jsonl"
	if trimmed[0] == '[' {
		o.Format = "json"
	}
	src, err := read.Open(bytes.NewReader(body), o)
	if err != nil {
		fail(w, http.StatusBadRequest, "body: %v", err)
		return
	}
	var out bytes.Buffer
	var sink pipeline.Writer = write.NewJSONL(&out, write.Options{})
	var indexErr error // the index's failure is the server's, not the request's
	if toIndex {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
		if s.writer == nil {
			fail(w, http.StatusServiceUnavailable, "the server is shutting down")
			return
		}
		sink = pipeline.Tee(sink, indexErrors{s.writer, &indexErr})
	}
	st, err := s.analyze.Run(r.Context(), src.Next, sink, pipeline.RunOptions{Workers: defaultAnalyzeWorkers})
	s.metrics.analysed.WithLabelValues("ok").Add(float64(st.Records - st.Errors))
	s.metrics.analysed.WithLabelValues("failed").Add(float64(st.Errors))
	if err == nil && toIndex {
		if err = s.writer.Sync(); err != nil {
			indexErr = err
		}
	}
	if err != nil {
		if r.Context().Err() != nil {
			return // the client went away
		}
		if indexErr != nil {
			fail(w, http.StatusInternalServerError, "indexing: %v", indexErr)
			return
		}
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(out.Bytes())
}

// indexErrors notes the index writer's failures, which are the server's.
type indexErrors struct {
	w   pipeline.Writer
	err *error
}

func (x indexErrors) Write(r *models.Record) error { return x.note(x.w.Write(r)) }
func (x indexErrors) Flush() error                 { return x.note(x.w.Flush()) }

func (x indexErrors) note(err error) error {
	if err != nil && *x.err == nil {
		*x.err = err
	}
	return err
}

// page serves the web page's files, embedded in the binary; / is the page.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		fail(w, http.StatusMethodNotAllowed, "method %s: the page's files are read only", r.Method)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	if p, err := newParams(r.URL); err != nil || len(p.v) > 0 && name != "index.html" {
		fail(w, http.StatusBadRequest, "files take no parameters")
		return
	}
	f, err := s.assets.Open(name)
	if err != nil {
		fail(w, http.StatusNotFound, "no such page %q", "/"+name)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		fail(w, http.StatusNotFound, "no such page %q", "/"+name)
		return
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		fail(w, http.StatusInternalServerError, "asset %q cannot be served", name)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, time.Time{}, rs)
}

var _ fs.FS = webFS
