package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits of one search. Bleve allocates room for from+size hits up front
// and holds every hit of the page in memory, so both are bounded: a deeper
// page is better reached with a filter (--since, --until) or a sort.
const (
	// MaxSize is the most hits one search returns.
	MaxSize = 10_000
	// MaxWindow bounds From+Size: the deepest hit a search can reach.
	MaxWindow = 100_000
)

// Request is one search.
type Request struct {
	// Query is in Bleve's query-string syntax; empty matches everything.
	Query   string
	Filters Filters
	// Facets name keyword fields to count over the matching documents
	// (theme, label, touchpoint, month, lang, nps_group, ...).
	Facets    []string
	FacetSize int
	// Sort keys: a field (ascending) or -field (descending); _score is the
	// relevance. Default: -_score with a query, -date without one. The
	// record id breaks ties, so the order does not depend on how the
	// index was written.
	Sort []string
	Size int
	From int
	// Highlight marks the matched words in fragments of the text.
	Highlight bool
}

// Result is the answer to a Request.
type Result struct {
	Total  uint64
	Hits   []Hit
	Facets []Facet
	Took   time.Duration
}

// Hit is one matching document.
type Hit struct {
	ID    string
	Score float64
	// Source is the analysed record as `stimmung analyze` wrote it.
	Source json.RawMessage
	// Highlights are fragments of the text with the matches in
	// <mark>…</mark>.
	Highlights []string
}

// Facet counts the values of a field over all matching documents.
type Facet struct {
	Name  string
	Field string
	// Total counts the values seen, Missing the documents without one,
	// Other the values beyond the listed terms.
	Total, Missing, Other int
	Terms                 []FacetTerm
}

// FacetTerm is one value and the number of matching documents that have it.
type FacetTerm struct {
	Term  string
	Count int
}

// facetFields map facet names to fields.
var facetFields = map[string]string{
	"theme": FieldTheme, "themes": FieldTheme, "theme_label": FieldThemeLabel, "label": FieldLabel,
	"touchpoint": FieldTouchpoint, "month": FieldMonth, "lang": FieldLang, "nps": FieldNPSGroup,
	"nps_group": FieldNPSGroup, "csat": FieldCSATGroup, "csat_group": FieldCSATGroup,
	"flag": FieldFlags, "flags": FieldFlags, "source": FieldSourceName,
}

// FacetNames lists the facets a search can ask for.
func FacetNames() []string {
	return []string{"theme", "theme_label", "label", "touchpoint", "month", "lang", "nps_group", "csat_group", "flags", "source"}
}

// sortFields are the fields a search can sort by.
var sortFields = map[string]string{
	"date": FieldDate, "score": FieldScore, "sentiment": FieldScore, "priority": FieldPriority,
	"nps": FieldNPS, "csat": FieldCSAT, "ces": FieldCES, "effort": FieldEffort,
	"lang": FieldLang, "label": FieldLabel, "touchpoint": FieldTouchpoint, "month": FieldMonth,
}

// checkWindow refuses a page Bleve could not, or should not, allocate.
func (r Request) checkWindow() error {
	switch {
	case r.Size < 0 || r.From < 0:
		return fmt.Errorf("size %d, from %d: neither can be negative", r.Size, r.From)
	case r.Size > MaxSize:
		return fmt.Errorf("size %d: at most %d hits a search", r.Size, MaxSize)
	case r.From > MaxWindow-r.Size: // r.From+r.Size could overflow
		return fmt.Errorf("from %d + size %d: at most %d, narrow the search with a filter instead of paging deeper", r.From, r.Size, MaxWindow)
	}
	return nil
}

// query is r's query with its filters.
func (r Request) query() (query.Query, error) {
	q, err := ParseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	filters, err := r.Filters.filterQueries()
	if err != nil {
		return nil, err
	}
	if len(filters) > 0 {
		var f query.Query = bleve.NewConjunctionQuery(filters...)
		if len(filters) == 1 {
			f = filters[0]
		}
		if _, ok := q.(*query.MatchAllQuery); ok {
			q = f
		} else {
			// A filter clause is not scored and needs no term vectors:
			// the filters narrow the text matches without weighing them.
			bq := bleve.NewBooleanQuery()
			bq.AddMust(q)
			bq.AddFilter(f)
			q = bq
		}
	}
	return q, nil
}

// BuildRequest turns r into a Bleve search request.
func BuildRequest(r Request) (*bleve.SearchRequest, error) {
	if err := r.checkWindow(); err != nil {
		return nil, err
	}
	q, err := r.query()
	if err != nil {
		return nil, err
	}
	size := r.Size
	if size <= 0 {
		size = 20
	}
	req := bleve.NewSearchRequestOptions(q, size, r.From, false)
	req.Fields = []string{FieldSource}

	order, err := sortOrder(r.Sort, strings.TrimSpace(r.Query) != "")
	if err != nil {
		return nil, err
	}
	req.SortByCustom(order)
	if !sortsByScore(order) {
		req.Score = "none" // relevance is not shown or used: skip computing it
	}

	if r.Highlight && strings.TrimSpace(r.Query) != "" {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.Fields = TextFields
	}
	fsize := r.FacetSize
	if fsize <= 0 {
		fsize = 10
	}
	for _, name := range r.Facets {
		name = strings.TrimSpace(name)
		field, ok := facetFields[name]
		if !ok {
			return nil, fmt.Errorf("unknown facet %q (facets: %s)", name, strings.Join(FacetNames(), ", "))
		}
		if _, ok := facetFamilies[field]; ok {
			// Counted from the combined facet values, only the terms of
			// this field (Bleve allocates a string per counted term).
			fr := bleve.NewFacetRequest(FieldFacetValues, 1_000_000)
			fr.SetPrefixFilter(field + "=")
			req.AddFacet(name, fr)
			continue
		}
		req.AddFacet(name, bleve.NewFacetRequest(field, fsize))
	}
	return req, nil
}

// familyFacet makes the facet of one field out of the combined counts.
func familyFacet(name, field string, all *search.FacetResult, total uint64, size int) Facet {
	f := Facet{Name: name, Field: field}
	prefix := field + "="
	present := -1
	if all != nil && all.Terms != nil {
		for _, t := range all.Terms.Terms() {
			v, ok := strings.CutPrefix(t.Term, prefix)
			switch {
			case !ok:
			case v == "":
				present = t.Count
			default:
				f.Terms = append(f.Terms, FacetTerm{Term: v, Count: t.Count})
				f.Total += t.Count
			}
		}
	}
	if present < 0 { // one value per document: the documents with one
		present = f.Total
	}
	f.Missing = int(total) - present
	if field == FieldMonth {
		slices.SortFunc(f.Terms, func(a, b FacetTerm) int { return strings.Compare(a.Term, b.Term) })
		return f // every month, in calendar order
	}
	slices.SortFunc(f.Terms, func(a, b FacetTerm) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Term, b.Term)
	})
	if len(f.Terms) > size {
		for _, t := range f.Terms[size:] {
			f.Other += t.Count
		}
		f.Terms = f.Terms[:size]
	}
	return f
}

func sortOrder(keys []string, hasQuery bool) (search.SortOrder, error) {
	if len(keys) == 0 {
		if hasQuery {
			keys = []string{"-_score"}
		} else {
			keys = []string{"-date"}
		}
	}
	var order search.SortOrder
	for _, k := range keys {
		k = strings.TrimSpace(k)
		desc := strings.HasPrefix(k, "-")
		name := strings.TrimPrefix(strings.TrimPrefix(k, "-"), "+")
		switch name {
		case "_score", "relevance":
			order = append(order, &search.SortScore{Desc: desc})
			continue
		case "id", "_id":
			order = append(order, &search.SortField{Field: FieldID, Desc: desc, Type: search.SortFieldAsString})
			continue
		}
		field, ok := sortFields[name]
		if !ok {
			names := []string{"_score", "id"}
			for n := range sortFields {
				names = append(names, n)
			}
			slices.Sort(names)
			return nil, fmt.Errorf("cannot sort by %q (sort keys: %s; -key sorts descending)", name, strings.Join(names, ", "))
		}
		order = append(order, &search.SortField{Field: field, Desc: desc, Missing: search.SortFieldMissingLast})
	}
	return append(order, &search.SortField{Field: FieldID, Type: search.SortFieldAsString}), nil
}

// Search runs r on ix (one index or an alias of shards).
func Search(ix *Index, r Request) (*Result, error) {
	p, err := Prepare(r)
	if err != nil {
		return nil, err
	}
	return p.Run(ix)
}

// Prepared is a Request checked and turned into Bleve's, ready to run on
// an index: a command can report a bad query before it opens the index.
type Prepared struct {
	r   Request
	req *bleve.SearchRequest
}

// Prepare checks r and builds its Bleve request.
func Prepare(r Request) (*Prepared, error) {
	req, err := BuildRequest(r)
	if err != nil {
		return nil, err
	}
	return &Prepared{r: r, req: req}, nil
}

// Run runs the prepared search on ix.
func (p *Prepared) Run(ix *Index) (*Result, error) {
	r, req := p.r, p.req
	res, err := ix.Bleve.Search(req)
	if err != nil {
		if qerr := compileOnEmpty(req); qerr != nil {
			// The query fails on an empty index too: it is the query,
			// not the index (a regular expression too complex to run).
			return nil, &QueryError{Detail: qerr}
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &Result{Total: res.Total, Took: res.Took, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hit := Hit{ID: h.ID, Score: h.Score}
		if s, ok := h.Fields[FieldSource].(string); ok {
			hit.Source = json.RawMessage(s)
		}
		for _, f := range TextFields {
			hit.Highlights = append(hit.Highlights, h.Fragments[f]...)
		}
		out.Hits = append(out.Hits, hit)
	}
	fsize := r.FacetSize
	if fsize <= 0 {
		fsize = 10
	}
	for _, name := range r.Facets {
		name = strings.TrimSpace(name)
		field := facetFields[name]
		if _, ok := facetFamilies[field]; ok {
			out.Facets = append(out.Facets, familyFacet(name, field, res.Facets[name], res.Total, fsize))
			continue
		}
		fr := res.Facets[name]
		if fr == nil {
			continue
		}
		f := Facet{Name: name, Field: fr.Field, Total: fr.Total, Missing: fr.Missing, Other: fr.Other}
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				f.Terms = append(f.Terms, FacetTerm{Term: t.Term, Count: t.Count})
			}
		}
		slices.SortStableFunc(f.Terms, func(a, b FacetTerm) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Term, b.Term)
		})
		out.Facets = append(out.Facets, f)
	}
	return out, nil
}

func sortsByScore(order search.SortOrder) bool {
	for _, o := range order {
		if _, ok := o.(*search.SortScore); ok {
			return true
		}
	}
	return false
}

// QueryError is a query that Bleve cannot run however the index looks: a
// regular expression or wildcard whose automaton is too large, a fuzziness
// over 2. It is the user's to fix, not the index's.
type QueryError struct {
	Detail error // Bleve's own words
}

func (e *QueryError) Error() string {
	return "query too complex to run (simplify the regular expression or wildcard): " + e.Detail.Error()
}

func (e *QueryError) Unwrap() error { return e.Detail }

// compileOnEmpty runs req on an empty in-memory index: Bleve compiles the
// query's automata before it reads any term, so an error here belongs to
// the query. Called only after a search failed, so a good search pays
// nothing.
func compileOnEmpty(req *bleve.SearchRequest) error {
	// scorch, as on disk: the in-memory default compiles with Go's regexp.
	empty, err := bleve.NewUsing("", NewMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil
	}
	defer empty.Close()
	r := *req
	r.Facets = nil
	_, err = empty.Search(&r)
	return err
}

// Get returns the stored record (as analyze wrote it) with this id, or
// nil when the index has none. With shards, the newest wins.
func Get(ix *Index, id string) (json.RawMessage, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{FieldSource}
	res, err := ix.Bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("get %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, nil
	}
	s, _ := res.Hits[0].Fields[FieldSource].(string)
	return json.RawMessage(s), nil
}
