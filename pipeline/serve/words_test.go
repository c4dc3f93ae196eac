package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline/serve"
)

// TestErrorsNameParameters: a bad filter is named as the API's parameter,
// not as the command line's flag.
func TestErrorsNameParameters(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	for target, want := range map[string]string{
		"/v1/search?since=garbage":                     "parameter since garbage:",
		"/v1/facets?nps=eleven":                        "parameter nps eleven:",
		"/v1/facets?csat=happy":                        "parameter csat happy:",
		"/v1/search?since=2024-05-01&until=2024-04-01": "parameter since 2024-05-01 is after parameter until 2024-04-01",
		"/v1/report?since=garbage":                     "parameter since",
		"/v1/report?compare=previous":                  "parameter compare needs the period to report",
		"/v1/report?nps=0-6":                           "parameter nps \"0-6\": want an NPS group",
		"/v1/queue?nps=fans":                           "parameter nps \"fans\"",
	} {
		w := get(t, h, target)
		wantStatus(t, w, http.StatusBadRequest)
		msg := wantErrorJSON(t, w)
		if !strings.Contains(msg, want) || strings.Contains(msg, "--") {
			t.Errorf("%s: %q, want it to say %q and name no flag", target, msg, want)
		}
	}
}

// TestExplainedAsStored: the explanation is of the record as stored: its
// line, and a detected language detected again, not "given by the input".
func TestExplainedAsStored(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	w := get(t, h, "/v1/comments/R001")
	wantStatus(t, w, http.StatusOK)
	m := decode(t, w)
	rec, _ := m["record"].(map[string]any)
	exp, _ := m["explained"].(map[string]any)
	for _, k := range []string{"line", "lang", "lang_source"} {
		if rec[k] == nil || rec[k] != exp[k] {
			t.Errorf("%s: stored %v, explained %v", k, rec[k], exp[k])
		}
	}
}

// TestV1Itself: /v1 answers a JSON 404 like any unknown route, not a
// redirect with an HTML body.
func TestV1Itself(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{}).Handler()
	w := get(t, h, "/v1")
	wantStatus(t, w, http.StatusNotFound)
	wantErrorJSON(t, w)
}
