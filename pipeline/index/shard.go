package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Sharding by month: a shard root directory holds one index per month of
// the records' dates (2024-03/, 2024-04/, ...; undated/ for records
// without a date) and a shardsName file that marks it. Search opens the
// shards as one Bleve index alias, and only the months that --since and
// --until can match. Use it when one index grows past what a single
// import or search should touch (tens of millions of comments, or a
// retention rule that drops old months: remove a month's directory).
//
// A record is upserted by id within its month: a re-export that moves a
// record to another month leaves its old copy behind (rebuild then).
const shardsName = "stimmung-shards.json"

// undatedShard holds the records without a readable date.
const undatedShard = "undated"

type shardRoot struct {
	By string `json:"by"`
}

func isShardRoot(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, shardsName))
	return err == nil
}

// IsShardRoot reports whether dir holds monthly shards.
func IsShardRoot(dir string) bool { return isShardRoot(dir) }

// ShardWriter routes records to the index of their month. It is a
// pipeline.Writer.
type ShardWriter struct {
	dir       string
	versions  map[string]string
	batchSize int
	rebuild   bool
	opts      Options
	open      map[string]*shard
	// Indexed and Failed count over all shards.
	Indexed, Failed int64
}

type shard struct {
	ix *Index
	w  *Writer
}

// NewShardWriter starts an import into the shard root dir, creating it when
// needed. With rebuild, every existing shard is rebuilt when first
// written, and shards the import does not write are removed at Close. The
// shards are opened with the default options.
func NewShardWriter(dir string, versions map[string]string, batchSize int, rebuild bool) (*ShardWriter, error) {
	return NewShardWriterWith(dir, versions, batchSize, rebuild, DefaultOptions())
}

// NewShardWriterWith is NewShardWriter with the options every shard is
// opened with.
func NewShardWriterWith(dir string, versions map[string]string, batchSize int, rebuild bool, opts Options) (*ShardWriter, error) {
	if Exists(dir) {
		return nil, fmt.Errorf("%s is a single index: shard into a new directory, or index without --shard", dir)
	}
	if !isShardRoot(dir) {
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			return nil, fmt.Errorf("%s is not empty and holds no shards: choose a new directory", dir)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		b, _ := json.Marshal(shardRoot{By: "month"})
		if err := os.WriteFile(filepath.Join(dir, shardsName), b, 0o644); err != nil {
			return nil, err
		}
	}
	return &ShardWriter{dir: dir, versions: versions, batchSize: batchSize, rebuild: rebuild, opts: opts, open: map[string]*shard{}}, nil
}

// ShardOf names the shard of a record: its month, or "undated".
func ShardOf(r *models.Record) string {
	if t, ok := models.ParseDate(jsontext.Scalar(r.Field("date"))); ok {
		return t.Format("2006-01")
	}
	return undatedShard
}

func (s *ShardWriter) Write(r *models.Record) error {
	if r.Err != nil {
		s.Failed++
		return nil
	}
	name := ShardOf(r)
	sh := s.open[name]
	if sh == nil {
		ix, err := OpenWriterWith(filepath.Join(s.dir, name), s.rebuild, s.opts)
		if err != nil {
			return err
		}
		w, err := NewWriter(ix, s.versions, s.batchSize)
		if err != nil {
			ix.Close()
			return err
		}
		sh = &shard{ix: ix, w: w}
		s.open[name] = sh
	}
	s.Indexed++
	return sh.w.Write(r)
}

func (s *ShardWriter) Flush() error {
	for _, sh := range s.open {
		if err := sh.w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// Shards lists the shards written so far, in order.
func (s *ShardWriter) Shards() []string {
	out := make([]string, 0, len(s.open))
	for n := range s.open {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Close finishes every shard's import and closes them; with rebuild, the
// shards this import did not write are removed.
func (s *ShardWriter) Close() error { return s.finish(true) }

// CloseUnfinished is Close for an import that stopped before the end of
// its input (see Writer.CloseUnfinished): the shards it wrote stay marked
// as importing, and no shard is removed, since the rest of the input may
// still hold their months.
func (s *ShardWriter) CloseUnfinished() error { return s.finish(false) }

func (s *ShardWriter) finish(complete bool) error {
	var errs []error
	for _, name := range s.Shards() {
		sh := s.open[name]
		errs = append(errs, sh.w.finish(complete), sh.ix.Close())
	}
	if s.rebuild && complete {
		names, err := shardNames(s.dir)
		errs = append(errs, err)
		for _, n := range names {
			if s.open[n] == nil {
				errs = append(errs, os.RemoveAll(filepath.Join(s.dir, n)))
			}
		}
	}
	return errors.Join(errs...)
}

// shardNames lists the shard directories of a root, in order.
func shardNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && Exists(filepath.Join(dir, e.Name())) {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out, nil
}

// OpenSearch opens dir for searching: a single index, or the shards of a
// shard root that a search from since to until (either may be empty) can
// match, together as an index alias. It uses the default options.
func OpenSearch(dir, since, until string) (*Index, error) {
	return OpenSearchWith(dir, since, until, DefaultOptions())
}

// OpenSearchWith is OpenSearch with options.
func OpenSearchWith(dir, since, until string, opts Options) (*Index, error) {
	opts = opts.resolved()
	if !isShardRoot(dir) {
		return OpenWith(dir, false, opts)
	}
	names, err := shardNames(dir)
	if err != nil {
		return nil, err
	}
	var lo, hi string
	if since != "" {
		if t, _, err := parseDay(since); err == nil {
			lo = t.Format("2006-01")
		}
	}
	if until != "" {
		if t, _, err := parseDay(until); err == nil {
			hi = t.Format("2006-01")
		}
	}
	alias := bleve.NewIndexAlias()
	out := &Index{Dir: dir, Bleve: alias, opts: opts}
	var opened []*Index
	for _, n := range names {
		if n != undatedShard && (lo != "" && n < lo || hi != "" && n > hi) {
			continue
		}
		if n == undatedShard && (lo != "" || hi != "") {
			continue // a date filter cannot match a record without a date
		}
		ix, err := OpenWith(filepath.Join(dir, n), false, opts)
		if err != nil {
			for _, o := range opened {
				o.Close()
			}
			return nil, err
		}
		opened = append(opened, ix)
		alias.Add(ix.Bleve)
		out.Shards = append(out.Shards, n)
		// The newest shard's versions speak for the alias; an interrupted
		// import of any shard makes the whole alias incomplete.
		importing := out.Meta.Importing || ix.Meta.Importing
		if out.Meta.Versions == nil || ix.Meta.Updated.After(out.Meta.Updated) {
			out.Meta = ix.Meta
		}
		out.Meta.Importing = importing
	}
	out.closers = opened
	return out, nil
}

// ShardsSummary describes the shards of an index for messages.
func (ix *Index) ShardsSummary() string {
	if len(ix.Shards) == 0 {
		return ""
	}
	if len(ix.Shards) <= 3 {
		return strings.Join(ix.Shards, ", ")
	}
	return fmt.Sprintf("%s … %s (%d shards)", ix.Shards[0], ix.Shards[len(ix.Shards)-1], len(ix.Shards))
}
