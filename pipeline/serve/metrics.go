package serve

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/stimmung/stimmung/pipeline/index"
)

// metrics are what /metrics shows, in the Prometheus text format: each
// route's requests by status and their latencies, the records analysed,
// the index's documents and the errors; and Go's own (memory, goroutines).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	analysed *prometheus.CounterVec
	errors   *prometheus.CounterVec
}

func newMetrics(ix *index.Index) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "stimmung_http_requests_total",
		Help: "HTTP requests by route and status code."}, []string{"route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "stimmung_http_request_duration_seconds",
		Help: "HTTP request latencies by route.", Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}},
		[]string{"route"})
	m.analysed = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "stimmung_records_analysed_total",
		Help: "Records analysed through /v1/analyze, by outcome (ok, failed)."}, []string{"outcome"})
	m.errors = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "stimmung_errors_total",
		Help: "Requests that failed inside the server (5xx), by route."}, []string{"route"})
	docs := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "stimmung_index_documents",
		Help: "Documents in the index."}, func() float64 {
		n, err := ix.Bleve.DocCount()
		if err != nil {
			return -1
		}
		return float64(n)
	})
	// Series known in advance start at zero, so that a rate or an alert
	// on them works before the first request or error.
	for _, route := range routeNames {
		m.latency.WithLabelValues(route)
		m.errors.WithLabelValues(route)
	}
	m.analysed.WithLabelValues("ok")
	m.analysed.WithLabelValues("failed")
	m.reg.MustRegister(m.requests, m.latency, m.analysed, m.errors, docs,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts one answered request.
func (m *metrics) observe(route string, code int, took time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(took.Seconds())
	if code >= 500 {
		m.errors.WithLabelValues(route).Inc()
	}
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// routeNames are the values of the route label, as routeOf gives them.
var routeNames = []string{"/healthz", "/metrics", "/v1/analyze", "/v1/search", "/v1/facets", "/v1/report",
	"/v1/comments/{id}", "/v1/queue", "/v1/queue/{id}", "other", "page"}

// routeOf names a request's route for the metrics: the API's routes as
// written in routes(), the page's files as one, anything else as other,
// so that unknown paths cannot grow the metrics without bound.
func routeOf(r *http.Request) string {
	p := r.URL.Path
	switch {
	case p == "/healthz", p == "/metrics", p == "/v1/analyze", p == "/v1/search", p == "/v1/facets", p == "/v1/report", p == "/v1/queue":
		return p
	case strings.HasPrefix(p, "/v1/comments/"):
		return "/v1/comments/{id}"
	case strings.HasPrefix(p, "/v1/queue/"):
		return "/v1/queue/{id}"
	case strings.HasPrefix(p, "/v1/"):
		return "other"
	}
	return "page"
}
