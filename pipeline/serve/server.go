package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/index"
)

// Defaults of Options: small enough that one client cannot hold the server
// (a body of 10 MB is about 20,000 comments), large enough for a report
// over a million comments (about 3 s) and an analyze request of that size.
const (
	DefaultAddr           = "127.0.0.1:8080"
	DefaultMaxBodyBytes   = 10 << 20
	DefaultReadTimeout    = 60 * time.Second
	DefaultWriteTimeout   = 120 * time.Second
	DefaultIdleTimeout    = 120 * time.Second
	readHeaderTimeout     = 5 * time.Second
	maxHeaderBytes        = 64 << 10
	defaultAnalyzeWorkers = 2
)

// Options configure a Server.
type Options struct {
	// Addr is where the server listens (DefaultAddr: loopback only).
	Addr string
	// Token, when set, is required on every request: as "Authorization:
	// Bearer TOKEN", or the cookie the page sets after /?token=TOKEN. A
	// server on anything but a loopback address refuses to start without.
	Token string
	// IndexDir is the index the server searches and reports over.
	IndexDir string
	// AllowWrites lets clients index comments (POST /v1/analyze?index=true)
	// and mark follow-up items; without it the server changes nothing.
	AllowWrites bool
	// Config is the analysis configuration (as stimmung analyze's).
	Config *configs.Config
	// Version names the build, for /healthz.
	Version string
	// MaxBodyBytes bounds a request body; the timeouts bound a request's
	// reading, its answer and an idle connection (0: the defaults).
	MaxBodyBytes                           int64
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
}

// Server is stimmung's HTTP API and web page over one index.
type Server struct {
	o       Options
	ix      *index.Index
	writer  *index.Writer // nil unless AllowWrites
	writeMu sync.Mutex    // one indexing request at a time: the one writer
	analyze *pipeline.Pipeline
	explain *pipeline.Pipeline
	store   *Store
	metrics *metrics
	assets  fs.FS
	mux     *http.ServeMux
}

//go:embed web
var webFS embed.FS

// ErrNeedToken says a server on a non-loopback address was asked to start
// without a token.
var ErrNeedToken = errors.New("a server on an address other than loopback needs a token (--token or STIMMUNG_TOKEN): it would let anyone on the network read the comments")

// ErrShardedWrites says a server was asked to write into monthly shards:
// its one writer writes a single index.
var ErrShardedWrites = errors.New("--allow-writes needs a single index")

// New opens the index and prepares the server; Close releases them.
func New(o Options) (*Server, error) {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = DefaultReadTimeout
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = DefaultWriteTimeout
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	loopback, err := isLoopback(o.Addr)
	if err != nil {
		return nil, err
	}
	if !loopback && o.Token == "" {
		return nil, ErrNeedToken
	}
	if o.Config == nil {
		return nil, errors.New("serve: no configuration")
	}
	s := &Server{o: o}
	if s.analyze, err = pipeline.Build(o.Config); err != nil {
		return nil, err
	}
	ecfg := *o.Config
	ecfg.Output.Explain = true
	if s.explain, err = pipeline.Build(&ecfg); err != nil {
		return nil, err
	}
	if o.AllowWrites {
		if index.IsShardRoot(o.IndexDir) {
			return nil, fmt.Errorf("%s holds monthly shards: %w", o.IndexDir, ErrShardedWrites)
		}
		if !index.Exists(o.IndexDir) {
			// OpenWriter would create it: a mistyped --index would become
			// a new, empty index, served as if it were the one meant.
			return nil, fmt.Errorf("%w at %s (build one with: stimmung index --index %s FILE...)", index.ErrNotExist, o.IndexDir, o.IndexDir)
		}
		if s.ix, err = index.OpenWriter(o.IndexDir, false); err != nil {
			return nil, err
		}
		// The versions stimmung index writes, or the next stimmung index
		// and search would take the index for another analysis's.
		if s.writer, err = index.NewWriter(s.ix, index.ImportVersions(s.analyze.Versions(), o.Version), 0); err != nil {
			s.ix.Close()
			return nil, err
		}
	} else if s.ix, err = index.OpenSearch(o.IndexDir, "", ""); err != nil {
		return nil, err
	}
	if s.store, err = OpenStore(o.IndexDir, o.AllowWrites); err != nil {
		s.closeIndex()
		return nil, err
	}
	if s.assets, err = fs.Sub(webFS, "web"); err != nil {
		return nil, err
	}
	s.metrics = newMetrics(s.ix)
	s.routes()
	return s, nil
}

// Handler is the server's handler, with its checks and headers around every
// route.
func (s *Server) Handler() http.Handler { return s.guard(s.mux) }

// HTTPServer is an http.Server for the handler with the server's limits.
func (s *Server) HTTPServer() *http.Server {
	// The headers are part of the request: a shorter ReadTimeout bounds
	// them too (net/http gives them ReadHeaderTimeout alone).
	return &http.Server{Addr: s.o.Addr, Handler: s.Handler(), ReadHeaderTimeout: min(readHeaderTimeout, s.o.ReadTimeout),
		ReadTimeout: s.o.ReadTimeout, WriteTimeout: s.o.WriteTimeout, IdleTimeout: s.o.IdleTimeout, MaxHeaderBytes: maxHeaderBytes}
}

// ListenAndServe serves until ctx ends, then shuts down gracefully: the
// requests under way finish (for up to 10 s), the index and the store are
// closed by Close.
func (s *Server) ListenAndServe(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return hs.Shutdown(sctx)
	}
}

// Close writes what was indexed and closes the index and the store.
func (s *Server) Close() error {
	err := s.closeIndex()
	if s.store != nil {
		err = errors.Join(err, s.store.Close())
	}
	return err
}

func (s *Server) closeIndex() error {
	var err error
	if s.writer != nil {
		s.writeMu.Lock()
		err = s.writer.Close()
		s.writer = nil
		s.writeMu.Unlock()
	}
	if s.ix != nil {
		err = errors.Join(err, s.ix.Close())
		s.ix = nil
	}
	return err
}

// isLoopback reports whether addr (host:port) listens on loopback only.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}
