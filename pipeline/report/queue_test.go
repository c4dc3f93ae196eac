package report

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func queueItems(t *testing.T, prios ...int) []Item {
	t.Helper()
	var out []Item
	for i, p := range prios {
		it, err := ParseItem([]byte(fmt.Sprintf(`{"id":"c%d","priority":%d,"priority_reasons":["r%d"],"nps":%d,"text":"  Text\n %d  "}`, i, p, i, i%11, i)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, it)
	}
	return out
}

// TestQueue: the highest priorities, ties in input order, at most Size,
// whatever the number of comments; merged parts give the whole's queue.
func TestQueue(t *testing.T) {
	items := queueItems(t, 10, 80, 0, 55, 80, 30, 95, 55, 5, 80)
	q := NewQueue(4)
	for _, it := range items {
		q.Add(it)
	}
	var ids []string
	for _, e := range q.Sorted() {
		ids = append(ids, e.ID)
	}
	if want := []string{"c6", "c1", "c4", "c9"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("queue %v, want %v", ids, want)
	}
	first := q.Sorted()[0]
	if first.Excerpt != "Text 6" || first.Reasons[0] != "r6" || *first.NPS != 6 || first.Owner != "" || first.Status != "" {
		t.Errorf("entry %+v", first)
	}
	merged := NewQueue(4)
	for _, part := range [][]Item{items[:3], items[3:8], items[8:]} {
		p := NewQueue(4)
		for _, it := range part {
			p.Add(it)
		}
		merged.Merge(p)
	}
	if !reflect.DeepEqual(merged.Sorted(), q.Sorted()) || merged.Seen != 10 {
		t.Errorf("merged %+v\nwhole %+v", merged.Sorted(), q.Sorted())
	}
	if got := excerpt(strings.Repeat("ä", 200)); len([]rune(got)) != excerptRunes {
		t.Errorf("excerpt of %d runes", len([]rune(got)))
	}
}
