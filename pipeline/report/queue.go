package report

import (
	"container/heap"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/models"
)

// DefaultQueueSize is how many comments the follow-up queue lists.
const DefaultQueueSize = 20

// excerptRunes is the length of a queue entry's excerpt.
const excerptRunes = 160

// QueueEntry is one comment to follow up (close the loop): what a ticket
// needs, with Owner and Status left empty for the team's ticket system.
type QueueEntry struct {
	ID         string   `json:"id"`
	Date       string   `json:"date"`
	Touchpoint string   `json:"touchpoint"`
	NPS        *float64 `json:"nps"`
	CSAT       *float64 `json:"csat"`
	CES        *float64 `json:"ces"`
	Priority   int      `json:"priority"`
	Reasons    []string `json:"reasons"`
	Excerpt    string   `json:"excerpt"`
	Owner      string   `json:"owner"`
	Status     string   `json:"status"`
	// Note and Updated are an analyst's note on the comment and when its
	// status was set (the server's follow-up store); empty in a report of
	// a file.
	Note    string `json:"note,omitempty"`
	Updated string `json:"updated,omitempty"`
	// Seq is the comment's place in the input (across merged parts): among
	// equal priorities the smaller id comes first (idLess: not the input
	// order, which an index does not keep), and then the earlier. Only a
	// partial report writes it.
	Seq int64 `json:"seq,omitempty"`
}

// Queue keeps the Size comments of highest priority, in memory bounded by
// Size whatever the number of comments.
type Queue struct {
	Size    int          `json:"size"`
	Entries []QueueEntry `json:"entries"`
	// Seen counts the comments offered, for the Seq of the next one.
	Seen int64 `json:"seen"`
	// Admit, when set, says which comments may enter the queue (by id):
	// the server's queue of the open or of the handled ones takes the top
	// of those, not those of the top that happen to be open.
	Admit func(id string) bool `json:"-"`
}

// NewQueue returns a queue of size entries (<= 0: DefaultQueueSize).
func NewQueue(size int) *Queue {
	if size <= 0 {
		size = DefaultQueueSize
	}
	return &Queue{Size: size, Entries: []QueueEntry{}}
}

// Add offers one record; failed records and those without priority are
// counted but never queued.
func (q *Queue) Add(it Item) {
	seq := q.Seen
	q.Seen++
	if it.Failed || it.Priority <= 0 || q.Admit != nil && !q.Admit(it.ID) {
		return
	}
	if len(q.Entries) >= q.Size && !worse(q.Entries[0], QueueEntry{ID: it.ID, Priority: it.Priority, Seq: seq}) {
		return // most comments: the queue is full of better ones
	}
	q.offer(QueueEntry{ID: it.ID, Date: it.DateText, Touchpoint: it.Touchpoint, NPS: value(it.NPS), CSAT: value(it.CSAT),
		CES: value(it.CES), Priority: it.Priority, Reasons: it.Reasons(), Excerpt: excerpt(it.Text()), Seq: seq})
}

// Merge adds the entries of a later part's queue.
func (q *Queue) Merge(o *Queue) {
	for _, e := range o.Entries {
		e.Seq += q.Seen
		q.offer(e)
	}
	q.Seen += o.Seen
}

func (q *Queue) offer(e QueueEntry) {
	h := (*queueHeap)(&q.Entries)
	if len(q.Entries) < q.Size {
		heap.Push(h, e)
		return
	}
	if worse(q.Entries[0], e) {
		q.Entries[0] = e
		heap.Fix(h, 0)
	}
}

// Sorted returns the entries for the report, the highest priority first
// (the smaller id first among equal priorities), without their Seq.
func (q *Queue) Sorted() []QueueEntry {
	out := slices.Clone(q.Entries)
	slices.SortFunc(out, func(a, b QueueEntry) int {
		if worse(b, a) {
			return -1
		}
		if worse(a, b) {
			return 1
		}
		return 0
	})
	for i := range out {
		out[i].Seq = 0
	}
	return out
}

// worse reports whether a ranks below b in the queue.
func worse(a, b QueueEntry) bool {
	if a.Priority != b.Priority {
		return a.Priority < b.Priority
	}
	if a.ID != b.ID {
		return idLess(b.ID, a.ID)
	}
	return a.Seq > b.Seq
}

// queueHeap is a min-heap of the entries by rank: the root is the entry
// the next better one replaces.
type queueHeap []QueueEntry

func (h queueHeap) Len() int           { return len(h) }
func (h queueHeap) Less(i, j int) bool { return worse(h[i], h[j]) }
func (h queueHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *queueHeap) Push(x any)        { *h = append(*h, x.(QueueEntry)) }
func (h *queueHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

func value(r models.Rating) *float64 {
	if !r.Valid {
		return nil
	}
	v := r.Value
	return &v
}

// excerpt is the text on one line, cut at excerptRunes with an ellipsis.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > excerptRunes {
		return string(r[:excerptRunes-1]) + "…"
	}
	return s
}
