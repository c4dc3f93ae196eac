package serve_test

import (
	"net/http"
	"testing"

	"github.com/stimmung/stimmung/pipeline/serve"
)

// TestQueueStatusBeforeCut: the queue of handled comments lists them
// whatever their priority, and the open queue fills up with the next open
// ones: the status is applied before the top queue_size is taken, not
// after (a handled comment far down the priorities was never listed).
func TestQueueStatusBeforeCut(t *testing.T) {
	h := newServer(t, sampleIndex(t), serve.Options{AllowWrites: true}).Handler()
	top := queueIDs(t, h, "/v1/queue?queue_size=2")
	all := queueIDs(t, h, "/v1/queue?queue_size=50")
	var low string // a queued comment below the top 2
	for id := range all {
		if _, ok := top[id]; !ok {
			low = id
			break
		}
	}
	if low == "" {
		t.Fatalf("the sample's queue has no comment below its top 2: %v", all)
	}
	w := do(t, h, request{method: http.MethodPost, target: "/v1/queue/" + low, body: `{"status":"handled","note":"done"}`})
	wantStatus(t, w, http.StatusOK)
	handled := queueIDs(t, h, "/v1/queue?queue_size=2&status=handled")
	if len(handled) != 1 || handled[low] != serve.StatusHandled+"|done" {
		t.Errorf("handled queue %v, want just %s", handled, low)
	}
	open := queueIDs(t, h, "/v1/queue?queue_size=50&status=open")
	if _, ok := open[low]; ok || len(open) != len(all)-1 {
		t.Errorf("open queue has %d of %d and %s in it: %v", len(open), len(all), low, open)
	}
}
