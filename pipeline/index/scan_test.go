package index_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline/index"
)

// scanIDs are the ids of the records Scan visits, sorted, each checked to
// be a whole analysed record.
func scanIDs(t *testing.T, ix *index.Index, r index.Request) []string {
	t.Helper()
	var out []string
	n, err := ix.Scan(context.Background(), r, func(src []byte) error {
		var rec struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(src, &rec); err != nil || rec.Text == "" {
			t.Errorf("not a whole record: %s (%v)", src, err)
		}
		out = append(out, rec.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != uint64(len(out)) {
		t.Errorf("Scan says %d, visited %d", n, len(out))
	}
	slices.Sort(out)
	return out
}

// TestScan: Scan visits exactly the records a search with the same query
// and filters finds, on one index whose records were rewritten over many
// small batches (so segments hold deleted documents and were merged) and
// on monthly shards.
func TestScan(t *testing.T) {
	recs := analysed(t, sample)
	ix := build(t, append(append(recs[:0:0], recs...), recs...)) // every record twice: upserts
	root := t.TempDir() + "/shards"
	sw, err := index.NewShardWriter(root, nil, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := sw.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Close(); err != nil {
		t.Fatal(err)
	}
	shards, err := index.OpenSearch(root, "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer shards.Close()
	reqs := []index.Request{
		{},
		{Query: "Lieferung"},
		{Query: "nicht", Filters: index.Filters{Since: "2024-04"}},
		{Filters: index.Filters{NPS: []string{"detractor"}, Langs: []string{"de"}}},
		{Filters: index.Filters{Touchpoints: []string{"app", "store"}}},
		{Query: "nichtsdergleichen"},
	}
	for _, on := range []*index.Index{ix, shards} {
		for _, r := range reqs {
			want := ids(t, on, index.Request{Query: r.Query, Filters: r.Filters, Size: 100})
			if got := scanIDs(t, on, r); !slices.Equal(got, want) {
				t.Errorf("%s: Scan(%+v) = %v, search finds %v", on.Dir, r, got, want)
			}
		}
	}
	if got := scanIDs(t, ix, index.Request{}); len(got) != 6 {
		t.Errorf("upserted index: %d records, want 6", len(got))
	}

	stop := errors.New("enough")
	n, err := ix.Scan(context.Background(), index.Request{}, func([]byte) error { return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("a failing visit: %d visited, %v; want 1 and its error", n, err)
	}
	if _, err := ix.Scan(context.Background(), index.Request{Query: "a:"}, func([]byte) error { return nil }); err == nil {
		t.Error("a bad query gave no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Scan(ctx, index.Request{}, func([]byte) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// TestPhraseOnKeyword: a quoted value of a keyword field finds what the
// unquoted one finds (keyword fields keep no positions for a phrase).
func TestPhraseOnKeyword(t *testing.T) {
	ix := build(t, analysed(t, sample))
	for _, q := range []string{`touchpoint:"delivery"`, `theme:"delivery"`} {
		plain := strings.ReplaceAll(q, `"`, "")
		want := ids(t, ix, index.Request{Query: plain, Size: 100})
		if got := ids(t, ix, index.Request{Query: q, Size: 100}); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s found %v, %s found %v", q, got, plain, want)
		}
	}
}
