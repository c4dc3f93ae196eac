package serve

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// tokenCookie holds the token in the browser after /?token=TOKEN, so that
// the page's own requests carry it (HttpOnly: the page's script never
// sees it; SameSite=Strict: no other site's request does).
const tokenCookie = "stimmung_token"

// contentSecurityPolicy lets the page load only its own script and style:
// no inline script, no other origin, no frames.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// apiError is the JSON of every error answer.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// fail answers with an error as JSON.
func fail(w http.ResponseWriter, status int, format string, args ...any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	b, _ := json.Marshal(apiError{Error: fmt.Sprintf(format, args...), Status: status})
	w.Write(append(b, '\n'))
}

// guard wraps every route: security headers, the host check, the token,
// the body limit, metrics, and a panic turned into a 500.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		route := routeOf(r)
		defer func() {
			if p := recover(); p != nil {
				if !rec.wrote {
					fail(rec, http.StatusInternalServerError, "internal error")
				} else if rec.status < 500 {
					// The answer had begun: observe does not see the failure.
					s.metrics.errors.WithLabelValues(route).Inc()
				}
			}
			s.metrics.observe(route, rec.status, time.Since(start))
		}()
		h := rec.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if !s.hostAllowed(r.Host) {
			fail(rec, http.StatusMisdirectedRequest, "host %q: this server answers on loopback names only (start it with a token to serve other names)", r.Host)
			return
		}
		if s.o.Token != "" {
			if ok, answered := s.authorized(rec, r); !ok {
				if !answered {
					rec.Header().Set("WWW-Authenticate", `Bearer realm="stimmung"`)
					fail(rec, http.StatusUnauthorized, "missing or wrong token: send Authorization: Bearer TOKEN, or open /?token=TOKEN once")
				}
				return
			}
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(rec, r.Body, s.o.MaxBodyBytes)
		}
		next.ServeHTTP(rec, r)
	})
}

// hostAllowed guards a server without a token against DNS rebinding: a
// web page elsewhere that resolves its own name to 127.0.0.1 must not read
// the comments through the visitor's browser. Without a token only
// loopback names are answered; with one, the token is the guard.
func (s *Server) hostAllowed(host string) bool {
	if s.o.Token != "" {
		return true
	}
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.Trim(h, "[]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// authorized checks the token of a request; /?token=TOKEN sets the cookie
// and sends the browser on to / without the token in its address bar.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) (ok, answered bool) {
	// The scheme's name is case-insensitive (RFC 9110, 11.1).
	if scheme, t, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		return s.tokenOK(t), false
	}
	if t := r.URL.Query().Get("token"); t != "" && r.URL.Path == "/" && r.Method == http.MethodGet && s.tokenOK(t) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return false, true
	}
	if c, err := r.Cookie(tokenCookie); err == nil {
		return s.tokenOK(c.Value), false
	}
	return false, false
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.o.Token)) == 1
}

// statusRecorder keeps the status of the answer, for metrics.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
