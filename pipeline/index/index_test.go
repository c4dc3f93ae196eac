package index_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stimmung/stimmung/pipeline/index"
)

const sample = `{"id":"1","text":"Die Lieferverzögerung war ärgerlich, der Kundenservice hat nicht geantwortet.","nps":2,"csat":1,"date":"2024-03-05","touchpoint":"delivery"}
{"id":"2","text":"Die Lieferungen kamen immer pünktlich, super!","nps":10,"csat":5,"date":"2024-03-20","touchpoint":"Delivery"}
{"id":"3","text":"The app keeps crashing and support never replied.","nps":3,"csat":3,"date":"2024-04-02","touchpoint":"app"}
{"id":"4","text":"Gefällt mir nicht, die App stürzt dauernd ab","nps":4,"date":"2024-04-11","touchpoint":"app"}
{"id":"5","text":"Great service, friendly staff.","nps":9,"csat":4,"touchpoint":"store"}
{"id":"6","text":"-","nps":1,"date":"2024-05-01"}
`

func ids(t *testing.T, ix *index.Index, r index.Request) []string {
	t.Helper()
	res, err := index.Search(ix, r)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearch(t *testing.T) {
	ix := build(t, analysed(t, sample))
	tests := []struct {
		name string
		req  index.Request
		want []string
	}{
		{"all", index.Request{}, []string{"1", "2", "3", "4", "5", "6"}},
		{"compound head", index.Request{Query: "Verzögerung"}, []string{"1"}},
		{"stem plural", index.Request{Query: "Lieferung"}, []string{"1", "2"}},
		{"negation kept", index.Request{Query: `"gefällt mir nicht"`}, []string{"4"}},
		{"nicht", index.Request{Query: "nicht"}, []string{"1", "4"}},
		{"english stem", index.Request{Query: "crashes"}, []string{"3"}},
		{"never", index.Request{Query: "never"}, []string{"3"}},
		{"field", index.Request{Query: "touchpoint:delivery"}, []string{"1", "2"}},
		{"numeric", index.Request{Query: "nps:<=3"}, []string{"1", "3", "6"}},
		{"touchpoint filter case", index.Request{Filters: index.Filters{Touchpoints: []string{"DELIVERY"}}}, []string{"1", "2"}},
		{"detractors", index.Request{Filters: index.Filters{NPS: []string{"detractor"}}}, []string{"1", "3", "4", "6"}},
		{"nps range", index.Request{Filters: index.Filters{NPS: []string{"9-10"}}}, []string{"2", "5"}},
		{"since until", index.Request{Filters: index.Filters{Since: "2024-03-01", Until: "2024-03-31"}}, []string{"1", "2"}},
		{"month", index.Request{Filters: index.Filters{Since: "2024-04", Until: "2024-04"}}, []string{"3", "4"}},
		{"negative", index.Request{Filters: index.Filters{Sentiment: "<-0.2"}}, []string{"1", "3", "4"}},
		{"flag", index.Request{Filters: index.Filters{Flags: []string{"no_content"}}}, []string{"6"}},
		{"lang", index.Request{Filters: index.Filters{Langs: []string{"en"}}}, []string{"3", "5"}},
		{"csat satisfied", index.Request{Filters: index.Filters{CSAT: []string{"satisfied"}}}, []string{"2", "5"}},
		{"csat either", index.Request{Filters: index.Filters{CSAT: []string{"Neutral", "dissatisfied"}}}, []string{"1", "3"}},
		{"csat and nps", index.Request{Filters: index.Filters{CSAT: []string{"satisfied", "neutral"}, NPS: []string{"detractor"}}}, []string{"3"}},
		{"umlaut wildcard", index.Request{Query: "Lieferverzöger*"}, []string{"1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(t, ix, tt.req); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLastVersionWins: when an input holds one id several times, the last
// version is the one indexed, also with batches indexed concurrently.
func TestLastVersionWins(t *testing.T) {
	var in strings.Builder
	const ids, versions = 7, 30
	for v := range versions {
		for i := range ids {
			fmt.Fprintf(&in, `{"id":"D%d","text":"Version %d der Lieferung %d"}`+"\n", i, v, i)
		}
	}
	ix := build(t, analysed(t, in.String()))
	if n, _ := ix.Bleve.DocCount(); n != ids {
		t.Fatalf("%d documents, want %d", n, ids)
	}
	res, err := index.Search(ix, index.Request{Query: fmt.Sprintf("+%d", versions-1), Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != ids {
		t.Errorf("%d documents hold the last version, want all %d", res.Total, ids)
	}
}

// TestSortAfterMerges: sorting reads doc values, which must survive the
// merging of many small segments (the test index is written in batches of
// three).
func TestSortAfterMerges(t *testing.T) {
	var in strings.Builder
	const n = 400
	for i := range n {
		fmt.Fprintf(&in, `{"id":"K%04d","date":"2024-%02d-%02d","nps":%d,"text":"Lieferung %d"}`+"\n", (i*7919)%n, i%12+1, i%28+1, i%11, i)
	}
	ix := build(t, analysed(t, in.String()))
	for _, key := range []string{"id", "-id", "date", "-nps", "priority"} {
		res, err := index.Search(ix, index.Request{Sort: []string{key}, Size: n})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != n {
			t.Fatalf("%s: %d hits", key, len(res.Hits))
		}
		vals := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			var rec struct {
				ID       string  `json:"id"`
				Date     string  `json:"date"`
				NPS      float64 `json:"nps"`
				Priority float64 `json:"priority"`
			}
			if err := json.Unmarshal(h.Source, &rec); err != nil {
				t.Fatal(err)
			}
			switch strings.TrimPrefix(key, "-") {
			case "id":
				vals[i] = rec.ID
			case "date":
				vals[i] = rec.Date
			case "nps":
				vals[i] = fmt.Sprintf("%05.1f", rec.NPS)
			case "priority":
				vals[i] = fmt.Sprintf("%05.1f", rec.Priority)
			}
		}
		sorted := slices.IsSorted(vals)
		if strings.HasPrefix(key, "-") {
			r := slices.Clone(vals)
			slices.Reverse(r)
			sorted = slices.IsSorted(r)
		}
		if !sorted {
			t.Errorf("sort %s: not in order: %v …", key, vals[:20])
		}
	}
}

func TestBooleanWords(t *testing.T) {
	ix := build(t, analysed(t, sample))
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"Lieferung AND Kundenservice", []string{"1"}},
		{"Lieferung OR crashes", []string{"1", "2", "3"}},
		{"Lieferung AND NOT Kundenservice", []string{"2"}},
		{"NOT Lieferung", []string{"3", "4", "5", "6"}},
		{`"and" Lieferung`, []string{"1", "2"}},
	} {
		if got := ids(t, ix, index.Request{Query: tt.q}); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.q, got, tt.want)
		}
	}
	for _, q := range []string{"a AND b OR c", "(a b)", "AND a", "a NOT"} {
		if _, err := index.Search(ix, index.Request{Query: q}); err == nil {
			t.Errorf("%s: no error", q)
		}
	}
}

// TestCloseUnfinished: an import that stopped early keeps what it wrote
// and the importing mark, single or sharded, and no shard is removed;
// a finished import clears the mark.
func TestCloseUnfinished(t *testing.T) {
	recs := analysed(t, `{"id":"1","date":"2024-03-01","text":"gut"}`+"\n"+`{"id":"2","date":"2024-04-01","text":"schlecht"}`)
	dir := t.TempDir() + "/ix"
	ix, err := index.OpenWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	w, err := index.NewWriter(ix, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.CloseUnfinished(); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	again, err := index.OpenSearch(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := again.Bleve.DocCount(); n != 2 || !again.Meta.Importing {
		t.Errorf("%d documents, importing %v; want 2 and true", n, again.Meta.Importing)
	}
	again.Close()

	root := t.TempDir() + "/shards"
	for _, complete := range []bool{true, false} {
		sw, err := index.NewShardWriter(root, nil, 1, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[:map[bool]int{true: 2, false: 1}[complete]] {
			if err := sw.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if complete {
			err = sw.Close()
		} else {
			err = sw.CloseUnfinished()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// The unfinished rebuild wrote March only: April is kept, the alias
	// says it is unfinished.
	all, err := index.OpenSearch(root, "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	if n, _ := all.Bleve.DocCount(); n != 2 || !all.Meta.Importing {
		t.Errorf("shards: %d documents, importing %v; want 2 and true", n, all.Meta.Importing)
	}
}

// TestLocked: a second writer gives up after its lock timeout with
// ErrLocked (bbolt's timeout, recognised with errors.Is), naming the
// first writer.
func TestLocked(t *testing.T) {
	dir := t.TempDir() + "/ix"
	first, err := index.OpenWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	_, err = index.OpenWriterWith(dir, false, index.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, index.ErrLocked) {
		t.Fatalf("second writer: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second writer gave up after %v, want about 200ms", d)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("error %q does not name the first writer", err)
	}
}

// TestCSATFilterUnknown: a CSAT value that is not a group is a FilterError
// naming csat.
func TestCSATFilterUnknown(t *testing.T) {
	ix := build(t, analysed(t, sample))
	_, err := index.Search(ix, index.Request{Filters: index.Filters{CSAT: []string{"happy"}}})
	var fe *index.FilterError
	if !errors.As(err, &fe) || fe.Name != "csat" || fe.Value != "happy" {
		t.Fatalf("got %v, want a FilterError for csat happy", err)
	}
}
