package serve

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// maxParamBytes bounds one parameter's value (a query has its own, smaller
// limits in package index).
const maxParamBytes = 8192

// params reads a request's query parameters. Each read names the
// parameters a route knows; check then refuses any other, so that a typo
// (?toucpoint=app) is an error, not a filter silently left out.
type params struct {
	v     url.Values
	known map[string]bool
	err   error
}

func newParams(u *url.URL) (*params, error) {
	v, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("query string: %v", err)
	}
	return &params{v: v, known: map[string]bool{}}, nil
}

// readParams reads r's parameters, answering 400 when the query string
// does not parse.
func readParams(w http.ResponseWriter, r *http.Request) (*params, bool) {
	p, err := newParams(r.URL)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return nil, false
	}
	return p, true
}

// ok is check, answering 400 with its error.
func (p *params) ok(w http.ResponseWriter) bool {
	if err := p.check(); err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return false
	}
	return true
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
}

// str is a parameter given at most once.
func (p *params) str(name string) string {
	p.known[name] = true
	vs := p.v[name]
	if len(vs) > 1 {
		p.fail("parameter %s: given %d times, want one", name, len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	if len(vs[0]) > maxParamBytes {
		p.fail("parameter %s: over %d bytes", name, maxParamBytes)
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// list is a parameter given any number of times, each also a
// comma-separated list (theme=a,b&theme=c).
func (p *params) list(name string) []string {
	p.known[name] = true
	var out []string
	for _, v := range p.v[name] {
		if len(v) > maxParamBytes {
			p.fail("parameter %s: over %d bytes", name, maxParamBytes)
			return nil
		}
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// all is a parameter given any number of times, each value whole (where
// conditions may hold commas).
func (p *params) all(name string) []string {
	p.known[name] = true
	for _, v := range p.v[name] {
		if len(v) > maxParamBytes {
			p.fail("parameter %s: over %d bytes", name, maxParamBytes)
			return nil
		}
	}
	return p.v[name]
}

// int is a whole number in lo..hi, def when absent.
func (p *params) int(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("parameter %s=%q: want a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// bool is true, false, 1 or 0; def when absent.
func (p *params) bool(name string, def bool) bool {
	s := p.str(name)
	if s == "" {
		return def
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail("parameter %s=%q: want true or false", name, s)
		return def
	}
	return b
}

// check returns the first error of the reads, or names the parameters the
// route does not know.
func (p *params) check() error {
	if p.err != nil {
		return p.err
	}
	var unknown []string
	for k := range p.v {
		if !p.known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	known := make([]string, 0, len(p.known))
	for k := range p.known {
		known = append(known, k)
	}
	slices.Sort(known)
	if len(unknown) > 5 {
		unknown = append(unknown[:5], "…")
	}
	takes := strings.Join(known, ", ")
	if takes == "" {
		takes = "none"
	}
	return fmt.Errorf("unknown parameter %s (this route takes %s)", strings.Join(quoteAll(unknown), ", "), takes)
}

// noParams refuses the parameters of a route that takes none, naming them.
func noParams(u *url.URL) error {
	p, err := newParams(u)
	if err != nil {
		return err
	}
	return p.check()
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		if len(s) > 40 {
			s = s[:40] + "…"
		}
		out[i] = strconv.Quote(s)
	}
	return out
}
