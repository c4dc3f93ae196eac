package serve_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/serve"
)

// Bad requests, tokens, hosts, path tricks and timeouts: what a client can
// get wrong, on purpose or not. Every refusal is JSON with its status.

// tooComplex is a regular expression whose automaton Bleve refuses to
// build (over 10,000 states): a 400, not a 500. It costs about 0.5 s a
// search (longer repeats cost more: {500} takes 4.5 s), so it is asked
// only a few times.
const tooComplex = "/[a-z]*x[a-z]{14}/"

func TestBadRequests(t *testing.T) {
	dir := sampleIndex(t)
	h := newServer(t, dir, serve.Options{AllowWrites: true, MaxBodyBytes: 4096}).Handler()
	long := strings.Repeat("a", 5000)
	words := strings.TrimSpace(strings.Repeat("wort ", 101))
	huge := strings.Repeat("x", 9000)
	big := `{"text": "` + strings.Repeat("Sehr gut. ", 500) + `"}`
	for _, tc := range []struct {
		name string
		request
		status int
		// msg must be in the error's message
		msg string
	}{
		// malformed JSON bodies
		{"mark: not JSON", request{method: "POST", target: "/v1/queue/R001", body: `{"status": handled}`}, 400, "body"},
		{"mark: two objects", request{method: "POST", target: "/v1/queue/R001", body: `{"status": "handled"}{"status": "open"}`}, 400, "one JSON object"},
		{"mark: trailing garbage", request{method: "POST", target: "/v1/queue/R001", body: `{"status": "handled"} x`}, 400, "one JSON object"},
		{"mark: array", request{method: "POST", target: "/v1/queue/R001", body: `[{"status": "handled"}]`}, 400, "one JSON object"},
		{"mark: unknown field", request{method: "POST", target: "/v1/queue/R001", body: `{"status": "handled", "owner": "me"}`}, 400, "one JSON object"},
		{"mark: empty body", request{method: "POST", target: "/v1/queue/R001"}, 400, "body"},
		{"mark: bad status", request{method: "POST", target: "/v1/queue/R001", body: `{"status": "done"}`}, 400, `status "done"`},
		{"mark: note too long", request{method: "POST", target: "/v1/queue/R001", body: `{"status": "handled", "note": "` + strings.Repeat("n", 4097) + `"}`}, 413, "4096"},
		{"mark: unknown comment", request{method: "POST", target: "/v1/queue/R999", body: `{"status": "handled"}`}, 404, "R999"},
		{"analyze: empty body", request{method: "POST", target: "/v1/analyze"}, 400, "empty"},
		{"analyze: white space", request{method: "POST", target: "/v1/analyze", body: " \n\t\n"}, 400, "empty"},

		// bodies over the limit
		{"analyze: body too large", request{method: "POST", target: "/v1/analyze", body: big}, 413, "4096 bytes"},
		{"analyze: body too large, index", request{method: "POST", target: "/v1/analyze?index=true", body: big}, 413, "4096 bytes"},
		{"mark: body too large", request{method: "POST", target: "/v1/queue/R001", body: `{"status": "handled", "note": "` + strings.Repeat("n", 5000) + `"}`}, 413, "4096 bytes"},

		// unknown parameters, on every route
		{"healthz: unknown parameter", request{target: "/healthz?verbose=1"}, 400, `unknown parameter "verbose"`},
		{"search: typo", request{target: "/v1/search?q=Paket&toucpoint=app"}, 400, `unknown parameter "toucpoint"`},
		{"search: two unknown", request{target: "/v1/search?b=1&a=2"}, 400, `unknown parameter "a", "b"`},
		{"search: token is no parameter", request{target: "/v1/search?token=x"}, 400, `unknown parameter "token"`},
		{"facets: unknown parameter", request{target: "/v1/facets?size=3"}, 400, `unknown parameter "size"`},
		{"report: unknown parameter", request{target: "/v1/report?format=html"}, 400, `unknown parameter "format"`},
		{"queue: unknown parameter", request{target: "/v1/queue?owner=me"}, 400, `unknown parameter "owner"`},
		{"comment: unknown parameter", request{target: "/v1/comments/R001?explain=false"}, 400, `unknown parameter "explain"`},
		{"mark: unknown parameter", request{method: "POST", target: "/v1/queue/R001?force=1", body: `{"status": "handled"}`}, 400, `unknown parameter "force"`},
		{"analyze: unknown parameter", request{method: "POST", target: "/v1/analyze?explain=true", body: `{"text": "gut"}`}, 400, `unknown parameter "explain"`},
		{"file: parameter", request{target: "/no-such-file.js?x=1"}, 400, "no parameters"},
		{"bad query string", request{target: "/v1/search?q=%zz"}, 400, "query string"},
		{"parameter name with control characters", request{target: "/v1/search?%00%1b%5B31m=1"}, 400, `"\x00\x1b[31m"`},

		// repeated single parameters
		{"q twice", request{target: "/v1/search?q=a&q=b"}, 400, "q: given 2 times"},
		{"size twice", request{target: "/v1/search?size=1&size=2"}, 400, "size: given 2 times"},
		{"sentiment twice", request{target: "/v1/search?sentiment=%3C0&sentiment=%3E0"}, 400, "sentiment: given 2 times"},
		{"status twice", request{target: "/v1/queue?status=open&status=handled"}, 400, "status: given 2 times"},
		{"index twice", request{method: "POST", target: "/v1/analyze?index=false&index=true", body: `{"text": "gut"}`}, 400, "index: given 2 times"},

		// bad numbers and values
		{"size not a number", request{target: "/v1/search?size=abc"}, 400, `size="abc"`},
		{"size negative", request{target: "/v1/search?size=-1"}, 400, `size="-1"`},
		{"size too large", request{target: "/v1/search?size=201"}, 400, "0 to 200"},
		{"size huge", request{target: "/v1/search?size=99999999999999999999"}, 400, "size="},
		{"size float", request{target: "/v1/search?size=1.5"}, 400, "size="},
		{"size hex", request{target: "/v1/search?size=0x10"}, 400, "size="},
		{"from exponent", request{target: "/v1/search?from=1e3"}, 400, "from="},
		{"from too deep", request{target: "/v1/search?from=100000"}, 400, "from="},
		{"facet_size 0", request{target: "/v1/search?facet=theme&facet_size=0"}, 400, "facet_size"},
		{"min_n 0", request{target: "/v1/report?min_n=0"}, 400, "min_n"},
		{"queue_size too large", request{target: "/v1/queue?queue_size=1001"}, 400, "queue_size"},
		{"highlight maybe", request{target: "/v1/search?highlight=maybe"}, 400, "highlight"},
		{"index maybe", request{method: "POST", target: "/v1/analyze?index=maybe", body: `{"text": "gut"}`}, 400, "index"},
		{"status unknown", request{target: "/v1/queue?status=closed"}, 400, "status"},
		{"since not a date", request{target: "/v1/search?since=yesterday"}, 400, "yesterday"},
		{"until not a date", request{target: "/v1/report?until=2026-13-01"}, 400, "2026-13-01"},
		{"sentiment not a range", request{target: "/v1/search?sentiment=bad"}, 400, "bad"},
		{"nps not a group", request{target: "/v1/search?nps=happy"}, 400, "happy"},
		{"unknown facet", request{target: "/v1/search?facet=color"}, 400, "color"},
		{"unknown sort", request{target: "/v1/search?sort=colour"}, 400, "colour"},
		{"report: unknown compare", request{target: "/v1/report?compare=lastweek&since=2026-10-01&until=2026-10-09"}, 400, "compare"},
		{"report: compare without period", request{target: "/v1/report?compare=previous"}, 400, "compare"},
		{"report: bad where", request{target: "/v1/report?where=nps%3E%3E3"}, 400, "where"},
		{"report: bad by", request{target: "/v1/report?by=a%00b"}, 400, "by"},

		// query syntax and size: the client's fault, never a 500
		{"query: unclosed phrase", request{target: "/v1/search?q=%22kam+zu"}, 400, "unterminated quote"},
		{"query: bad grouping", request{target: "/v1/search?q=foo:("}, 400, "query"},
		{"query: fuzziness 100", request{target: "/v1/search?q=lieferung~100"}, 400, "fuzz"},
		{"query: regexp too complex", request{target: "/v1/search?q=" + url.QueryEscape(tooComplex)}, 400, "too complex"},
		{"query: regexp too complex, facets", request{target: "/v1/facets?q=" + url.QueryEscape(tooComplex)}, 400, "too complex"},
		{"query: regexp too complex, report", request{target: "/v1/report?q=" + url.QueryEscape(tooComplex)}, 400, "too complex"},
		{"query: too long", request{target: "/v1/search?q=" + long}, 400, "at most 4096 bytes"},
		{"query: too many words", request{target: "/v1/search?q=" + url.QueryEscape(words)}, 400, "at most 100 words"},
		{"query: too long, report", request{target: "/v1/report?q=" + long}, 400, "at most 4096 bytes"},
		{"parameter over 8 KiB", request{target: "/v1/search?theme=" + huge}, 400, "over 8192 bytes"},
		{"where over 8 KiB", request{target: "/v1/report?where=" + huge}, 400, "over 8192 bytes"},

		// unknown /v1 routes
		{"unknown route", request{target: "/v1/nothing"}, 404, "no route"},
		{"comment without id", request{target: "/v1/comments/"}, 404, "no route"},
		{"comment sub-path", request{target: "/v1/comments/R001/explain"}, 404, "no route"},
		{"old version", request{target: "/v0/search"}, 404, "no such page"},
		{"next version", request{target: "/v2/search"}, 404, "no such page"},

		// wrong methods
		{"POST search", request{method: "POST", target: "/v1/search", body: "q=x"}, 405, ""},
		{"DELETE comment", request{method: "DELETE", target: "/v1/comments/R001"}, 405, ""},
		{"PUT queue item", request{method: "PUT", target: "/v1/queue/R001", body: `{"status": "handled"}`}, 405, ""},
		{"GET queue item", request{target: "/v1/queue/R001"}, 405, ""},
		{"GET analyze", request{target: "/v1/analyze"}, 405, ""},
		{"POST facets", request{method: "POST", target: "/v1/facets"}, 405, ""},
		{"PATCH report", request{method: "PATCH", target: "/v1/report"}, 405, ""},
		{"POST queue", request{method: "POST", target: "/v1/queue"}, 405, ""},
		{"POST healthz", request{method: "POST", target: "/healthz"}, 405, ""},
		{"DELETE metrics", request{method: "DELETE", target: "/metrics"}, 405, ""},
		{"POST page", request{method: "POST", target: "/", body: "x"}, 405, ""},
		{"PUT file", request{method: "PUT", target: "/index.html", body: "x"}, 405, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(t, h, tc.request)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d:\n%.500s", w.Code, tc.status, w.Body.Bytes())
			}
			msg := wantErrorJSON(t, w)
			if !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q, want it to hold %q", msg, tc.msg)
			}
			if tc.status == 405 && w.Header().Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
			if len(msg) > 1000 {
				t.Errorf("message of %d bytes", len(msg))
			}
		})
	}
	// None of them changed the index or the queue.
	if n := decode(t, get(t, h, "/healthz"))["documents"]; n != 25.0 {
		t.Errorf("%v documents after the bad requests, want 25", n)
	}
	if q := queueIDs(t, h, "/v1/queue"); q["R001"] != "|" {
		t.Errorf("R001 in the queue: %q after the bad requests", q["R001"])
	}
}

// TestAllowHeader: a wrong method names the right ones.
func TestAllowHeader(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for target, want := range map[string]string{
		"/v1/search": "GET, HEAD", "/v1/analyze": "POST", "/v1/queue/R001": "POST", "/v1/comments/R001": "GET, HEAD",
		"/healthz": "GET, HEAD", "/metrics": "GET, HEAD", "/": "GET, HEAD",
	} {
		w := do(t, h, request{method: "DELETE", target: target})
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != want {
			t.Errorf("DELETE %s: %d, Allow %q; want 405, %q", target, w.Code, w.Header().Get("Allow"), want)
		}
	}
}

// leaked reports whether an answer holds a file from outside web/: the
// repository's sources, the system's files, a directory listing.
func leaked(body string) string {
	for _, sign := range []string{"package serve", "module github.com", "root:", "[core]", "<pre>", "go:embed", "PRIVATE KEY"} {
		if strings.Contains(body, sign) {
			return sign
		}
	}
	return ""
}

// TestPathTricks: no URL reaches a file outside the embedded web/ assets,
// nor lists a directory. A redirect (the router cleans a path) stays on
// the server and leads nowhere either.
func TestPathTricks(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for _, target := range []string{
		"/../go.mod", "/../../../../etc/passwd", "/%2e%2e/go.mod", "/%2e%2e/%2e%2e/go.mod", "/..%2fgo.mod", "/..%2f..%2fgo.mod",
		"/%2e%2e%2fgo.mod", "/..%5cgo.mod", "/..\\go.mod", "//etc/passwd", "///etc/passwd", "/web/../server.go", "/web/server.go",
		"/server.go", "/api.go", "/web/index.html", "/web/", "/web", "/./", "/.", "/..", "/...", "/%00", "/index.html%00",
		"/index.html%00.go", "/index.html/", "/index.html/..", "/./index.html/../../server.go", "/.git/config", "/.git/",
		"/testdata/", "/v1/../server.go", "/v1/%2e%2e/server.go", "/v1/comments/..%2F..%2Fgo.mod", "/v1/comments/%2e%2e",
		"/v1/comments/..", "/v1/comments/R001%2F..%2F..%2Fgo.mod", "/v1/comments/%2F", "/v1/comments/%00", "/v1/queue/..%2F..",
		"/v1/comments/" + strings.Repeat("..%2F", 30) + "etc%2Fpasswd", "//evil.example/", "/%2F%2Fevil.example/",
		"/\\evil.example/", "/%5C%5Cevil.example/", "/%252e%252e/go.mod",
	} {
		t.Run(target, func(t *testing.T) {
			w := get(t, h, target)
			for hop := 0; w.Code/100 == 3 && hop < 3; hop++ {
				loc := w.Header().Get("Location")
				u, err := url.Parse(loc)
				if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
					t.Fatalf("redirect to %q: off the server", loc)
				}
				w = get(t, h, loc)
			}
			if sign := leaked(w.Body.String()); sign != "" {
				t.Fatalf("%d with %q:\n%.300s", w.Code, sign, w.Body.Bytes())
			}
			switch {
			case w.Code == http.StatusOK:
				// Only the page's own files.
				if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") || !strings.Contains(w.Body.String(), "<title>") {
					t.Errorf("200 with %q:\n%.300s", w.Header().Get("Content-Type"), w.Body.Bytes())
				}
			case w.Code == http.StatusNotFound, w.Code == http.StatusBadRequest, w.Code == http.StatusMethodNotAllowed:
				wantErrorJSON(t, w)
			default:
				t.Errorf("status %d:\n%.300s", w.Code, w.Body.Bytes())
			}
		})
	}
}

// TestPathTricksOnTheWire sends raw request lines that a client library
// would clean up first, to the server's own http.Server.
func TestPathTricksOnTheWire(t *testing.T) {
	srv := newTCPServer(t, newServer(t, sampleIndex(t), serve.Options{}))
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, target := range []string{
		"/../go.mod", "/../../../../../etc/passwd", "/%2e%2e/%2e%2e/go.mod", "/web/../server.go", "//etc/passwd",
		"/..\\..\\go.mod", "/v1/comments/../../../go.mod", "/%c0%ae%c0%ae/go.mod", "*", "../go.mod",
		"http://127.0.0.1/../go.mod", "/index.html%00",
	} {
		t.Run(target, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", target)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if sign := leaked(string(body)); sign != "" {
				t.Fatalf("%d with %q:\n%.300s", resp.StatusCode, sign, body)
			}
			if resp.StatusCode == http.StatusOK && !strings.Contains(string(body), "<title>") {
				t.Errorf("200:\n%.300s", body)
			}
			if loc := resp.Header.Get("Location"); loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//")) {
				t.Errorf("redirect to %q", loc)
			}
		})
	}
}

func TestToken(t *testing.T) {
	const token = "s3cret-T0ken"
	h := newServer(t, sampleIndex(t), serve.Options{Token: token}).Handler()
	for _, tc := range []struct {
		name   string
		target string
		header []string
		status int
	}{
		{"missing", "/v1/search", nil, 401},
		{"missing on the page", "/", nil, 401},
		{"missing on healthz", "/healthz", nil, 401},
		{"missing on metrics", "/metrics", nil, 401},
		{"missing on a file", "/index.html", nil, 401},
		{"missing on an unknown route", "/v1/nothing", nil, 401},
		{"wrong", "/v1/search", []string{"Authorization: Bearer wrong"}, 401},
		{"prefix of it", "/v1/search", []string{"Authorization: Bearer s3cret"}, 401},
		{"longer", "/v1/search", []string{"Authorization: Bearer " + token + "x"}, 401},
		{"empty", "/v1/search", []string{"Authorization: Bearer "}, 401},
		{"other scheme", "/v1/search", []string{"Authorization: Basic " + token}, 401},
		{"no scheme", "/v1/search", []string{"Authorization: " + token}, 401},
		{"right", "/v1/search", []string{"Authorization: Bearer " + token}, 200},
		{"right, scheme in lower case", "/v1/search", []string{"Authorization: bearer " + token}, 200},
		{"right on healthz", "/healthz", []string{"Authorization: Bearer " + token}, 200},
		{"right from another host", "/v1/search", []string{"Authorization: Bearer " + token, "Host: stimmung.example.com"}, 200},
		{"wrong cookie", "/v1/search", []string{"Cookie: stimmung_token=wrong"}, 401},
		{"right cookie", "/v1/search", []string{"Cookie: stimmung_token=" + token}, 200},
		{"right cookie, wrong bearer", "/v1/search", []string{"Cookie: stimmung_token=" + token, "Authorization: Bearer wrong"}, 401},
		{"cookie of another name", "/v1/search", []string{"Cookie: token=" + token}, 401},
		{"token in a non-root path", "/v1/search?token=" + token, nil, 401},
		{"token on a file", "/index.html?token=" + token, nil, 401},
		{"token on healthz", "/healthz?token=" + token, nil, 401},
		{"wrong token on the page", "/?token=wrong", nil, 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, h, tc.target, tc.header...)
			wantStatus(t, w, tc.status)
			if tc.status == 401 {
				if got := w.Header().Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
					t.Errorf("401 with WWW-Authenticate %q, want Bearer", got)
				}
				if w.Header().Get("Set-Cookie") != "" {
					t.Errorf("401 sets a cookie")
				}
			}
			if strings.Contains(w.Body.String(), token) {
				t.Errorf("the answer holds the token")
			}
		})
	}

	// /?token=TOKEN sets the cookie and sends the browser to / without it.
	w := get(t, h, "/?token="+token)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("/?token=: %d to %q, want 303 to /", w.Code, w.Header().Get("Location"))
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || cookies[0].Name != "stimmung_token" || cookies[0].Value != token || !cookies[0].HttpOnly ||
		cookies[0].SameSite != http.SameSiteStrictMode || cookies[0].Path != "/" {
		t.Fatalf("cookies %+v", cookies)
	}
	c := "Cookie: " + cookies[0].String()
	for _, target := range []string{"/", "/v1/search?q=Paket", "/v1/report", "/healthz"} {
		wantStatus(t, get(t, h, target, c), http.StatusOK)
	}
	// POST /?token= sets nothing.
	w = do(t, h, request{method: "POST", target: "/?token=" + token})
	if w.Code != http.StatusUnauthorized || len(w.Result().Cookies()) != 0 {
		t.Errorf("POST /?token=: %d, cookies %v", w.Code, w.Result().Cookies())
	}
}

func TestHostCheck(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for host, status := range map[string]int{
		"evil.example":            421,
		"evil.example:8080":       421,
		"localhost.evil.example":  421,
		"127.0.0.1.nip.io":        421,
		"10.0.0.1":                421,
		"[::ffff:10.0.0.1]:80":    421,
		"":                        421,
		"localhost":               200,
		"localhost:8080":          200,
		"LocalHost:8080":          200,
		"127.0.0.1":               200,
		"127.0.0.1:8080":          200,
		"127.1.2.3:9":             200,
		"[::1]":                   200,
		"[::1]:8080":              200,
		"[::ffff:127.0.0.1]:8080": 200,
	} {
		t.Run(host, func(t *testing.T) {
			for _, target := range []string{"/v1/search", "/", "/healthz"} {
				w := get(t, h, target, "Host: "+host)
				wantStatus(t, w, status)
			}
		})
	}
	// With a token, the token is the guard: any name.
	ht := newServer(t, sampleIndex(t), serve.Options{Token: "t", Addr: "0.0.0.0:8080"}).Handler()
	wantStatus(t, get(t, ht, "/healthz", "Host: stimmung.example.com", "Authorization: Bearer t"), http.StatusOK)
	wantStatus(t, get(t, ht, "/healthz", "Host: stimmung.example.com"), http.StatusUnauthorized)
}

func TestNewNeedsToken(t *testing.T) {
	dir := sampleIndex(t)
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.168.1.10:80", "[::]:8080", "example.com:80", "localhost.example.com:80", "[::ffff:10.1.1.1]:80"} {
		_, err := serve.New(serve.Options{Addr: addr, IndexDir: dir, Config: testConfig(t)})
		if !errors.Is(err, serve.ErrNeedToken) {
			t.Errorf("New on %s without a token: %v, want ErrNeedToken", addr, err)
		}
		s, err := serve.New(serve.Options{Addr: addr, Token: "t", IndexDir: dir, Config: testConfig(t)})
		if err != nil {
			t.Errorf("New on %s with a token: %v", addr, err)
		} else {
			s.Close()
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:8080", "[::1]:8080", "127.0.0.2:80", ""} {
		s, err := serve.New(serve.Options{Addr: addr, IndexDir: dir, Config: testConfig(t)})
		if err != nil {
			t.Errorf("New on %q: %v", addr, err)
		} else {
			s.Close()
		}
	}
	for _, addr := range []string{"127.0.0.1", "nonsense", "127.0.0.1:80:80"} {
		_, err := serve.New(serve.Options{Addr: addr, IndexDir: dir, Config: testConfig(t)})
		if err == nil || errors.Is(err, serve.ErrNeedToken) {
			t.Errorf("New on %q: %v, want an address error", addr, err)
		}
	}
	if _, err := serve.New(serve.Options{IndexDir: dir}); err == nil {
		t.Errorf("New without a configuration: no error")
	}
	for _, writes := range []bool{false, true} {
		missing := filepath.Join(t.TempDir(), "none")
		if _, err := serve.New(serve.Options{IndexDir: missing, Config: testConfig(t), AllowWrites: writes}); !errors.Is(err, index.ErrNotExist) {
			t.Errorf("New on a missing index, writes %v: %v, want index.ErrNotExist", writes, err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Errorf("New on a missing index, writes %v, created it", writes)
		}
	}
}

func TestReadOnly(t *testing.T) {
	dir := sampleIndex(t)
	h := newServer(t, dir, serve.Options{}).Handler()
	if decode(t, get(t, h, "/healthz"))["writes"] != false {
		t.Errorf("healthz: writes not false")
	}
	for _, req := range []request{
		{method: "POST", target: "/v1/analyze?index=true", body: `{"id": "N1", "text": "gut"}`},
		{method: "POST", target: "/v1/analyze?index=1", body: `{"id": "N1", "text": "gut"}`},
		{method: "POST", target: "/v1/queue/R001", body: `{"status": "handled"}`},
		{method: "POST", target: "/v1/queue/R999", body: `not even JSON`},
	} {
		w := do(t, h, req)
		wantStatus(t, w, http.StatusForbidden)
		if msg := wantErrorJSON(t, w); !strings.Contains(msg, "--allow-writes") {
			t.Errorf("%s: message %q does not say how to allow writes", req.target, msg)
		}
	}
	// Analysis without indexing is no write.
	wantStatus(t, do(t, h, request{method: "POST", target: "/v1/analyze?index=false", body: `{"id": "N1", "text": "gut"}`}), http.StatusOK)
	if n := decode(t, get(t, h, "/healthz"))["documents"]; n != 25.0 {
		t.Errorf("%v documents, want 25", n)
	}
	if _, ok := queueIDs(t, h, "/v1/queue")["R001"]; !ok {
		t.Errorf("R001 not in the queue")
	}
}

func TestHTTPServerLimits(t *testing.T) {
	s := newServer(t, sampleIndex(t), serve.Options{})
	hs := s.HTTPServer()
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Errorf("limits: header %v, read %v, write %v, idle %v, header bytes %d",
			hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout, hs.MaxHeaderBytes)
	}
	if hs.ReadHeaderTimeout > hs.ReadTimeout {
		t.Errorf("header timeout %v over the read timeout %v", hs.ReadHeaderTimeout, hs.ReadTimeout)
	}
	if hs.Addr != serve.DefaultAddr {
		t.Errorf("address %q, want %q", hs.Addr, serve.DefaultAddr)
	}
	o := serve.Options{ReadTimeout: time.Second, WriteTimeout: 2 * time.Second, IdleTimeout: 3 * time.Second}
	hs = newServer(t, sampleIndex(t), o).HTTPServer()
	if hs.ReadTimeout != time.Second || hs.WriteTimeout != 2*time.Second || hs.IdleTimeout != 3*time.Second || hs.ReadHeaderTimeout > time.Second {
		t.Errorf("with options: header %v, read %v, write %v, idle %v", hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout)
	}
}

// TestSlowClients: a client that sends its headers or its body a byte at
// a time (slowloris) is cut off after the read timeout; others are
// answered meanwhile.
func TestSlowClients(t *testing.T) {
	s := newServer(t, sampleIndex(t), serve.Options{ReadTimeout: time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.ListenAndServe(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("ListenAndServe: %v", err)
		}
	}()
	addr := ln.Addr().String()

	t.Run("group", func(t *testing.T) { slowClients(t, addr) })
}

func slowClients(t *testing.T, addr string) {
	for _, tc := range []struct{ name, head, drip string }{
		{"headers", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-Slow: a\r\n"},
		{"body", "POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n", "{"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			start := time.Now()
			if _, err := io.WriteString(conn, tc.head); err != nil {
				t.Fatal(err)
			}
			// Drip until the server closes the connection (a write fails
			// or the read side sees the end), for at most 8 s.
			closed := make(chan time.Duration, 1)
			go func() {
				io.Copy(io.Discard, conn)
				closed <- time.Since(start)
			}()
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case took := <-closed:
					if took > 3*time.Second {
						t.Errorf("slow %s cut off after %v, want about the read timeout (1 s)", tc.name, took)
					}
					return
				case <-tick.C:
					if time.Since(start) > 8*time.Second {
						t.Fatalf("slow %s still connected after 8 s", tc.name)
					}
					io.WriteString(conn, tc.drip)
				}
			}
		})
	}
	t.Run("others answered meanwhile", func(t *testing.T) {
		t.Parallel()
		for range 5 {
			resp, err := http.Get("http://" + addr + "/healthz")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("healthz: %d", resp.StatusCode)
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
}

// TestListenAndServeStops: the server ends when its context does, and the
// requests under way finish.
func TestListenAndServeStops(t *testing.T) {
	s := newServer(t, sampleIndex(t), serve.Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.ListenAndServe(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("ListenAndServe after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("ListenAndServe did not return after its context ended")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Errorf("still answering after the context ended")
	}
}
