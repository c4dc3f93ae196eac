package index_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/index"
	"github.com/stimmung/stimmung/pipeline/read"
)

// analysed runs the default pipeline over JSON lines.
func analysed(t testing.TB, jsonl string) []*models.Record {
	t.Helper()
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	src, err := read.Open(bytes.NewReader([]byte(jsonl)), read.Options{Name: "test.jsonl", Format: "jsonl", Columns: read.DefaultColumns()})
	if err != nil {
		t.Fatal(err)
	}
	var out []*models.Record
	if _, err := p.Run(context.Background(), src.Next, collect{&out}, pipeline.RunOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	return out
}

type collect struct{ out *[]*models.Record }

func (c collect) Write(r *models.Record) error { *c.out = append(*c.out, r); return nil }
func (c collect) Flush() error                 { return nil }

// build indexes records into a new index in a temporary directory.
func build(t testing.TB, recs []*models.Record) *index.Index {
	t.Helper()
	dir := t.TempDir() + "/ix"
	ix, err := index.OpenWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	w, err := index.NewWriter(ix, map[string]string{"test": "1"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

var _ = io.EOF
