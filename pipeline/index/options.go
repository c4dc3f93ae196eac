package index

import (
	"time"

	bindex "github.com/blevesearch/bleve_index_api"
)

// Options set how an index is opened and written. They are given when the
// index is opened (OpenWith, CreateWith, OpenWriterWith, NewShardWriterWith,
// OpenSearchWith) and kept with it: a Writer on the index uses them too.
// The zero value of every field means its default; DefaultOptions spells
// the defaults out. The functions without "With" use the defaults.
//
// Besides LockTimeout, the fields exist for the benchmarks that measure
// what each default buys (BenchmarkIndex, BenchmarkSearch).
type Options struct {
	// LockTimeout is how long opening waits for another writer before
	// giving up with ErrLocked: without one, a second process would wait on
	// the index's lock forever. 0 means DefaultLockTimeout.
	LockTimeout time.Duration
	// Indexers is the number of batches a Writer indexes at once. Bleve
	// builds a batch's segment on the calling goroutine, so one indexer
	// leaves a core idle while the pipeline waits. 0 means
	// DefaultIndexers.
	Indexers int
	// SyncBatches makes a batch return only once it is on disk. By default
	// (scorch's unsafe_batch) it returns once it is searchable in memory:
	// the persister then writes bigger segments in the background, and a
	// run killed halfway loses only what was not yet persisted, which
	// re-running the import (an upsert) puts back.
	SyncBatches bool
	// BleveNumbers writes numbers as Bleve's own numeric fields instead of
	// stimmung's compact ones (numbers.go). Search reads only the compact
	// form: an index written so is for measuring, not for searching.
	BleveNumbers bool
	// CompressedDocValues keeps Bleve's compressed, chunked doc-value
	// layout on every field, also on those that searches read by default
	// (see hotDV).
	CompressedDocValues bool
}

// DefaultLockTimeout is how long opening waits for another writer.
const DefaultLockTimeout = 1500 * time.Millisecond

// DefaultIndexers is the number of batches indexed at once.
const DefaultIndexers = 2

// DefaultOptions returns the options stimmung opens and writes indexes
// with.
func DefaultOptions() Options {
	return Options{LockTimeout: DefaultLockTimeout, Indexers: DefaultIndexers}
}

// resolved fills in the defaults of the fields left zero.
func (o Options) resolved() Options {
	if o.LockTimeout <= 0 {
		o.LockTimeout = DefaultLockTimeout
	}
	if o.Indexers <= 0 {
		o.Indexers = DefaultIndexers
	}
	return o
}

// runtimeConfig is how the options open scorch.
func (o Options) runtimeConfig(readOnly bool) map[string]interface{} {
	return map[string]interface{}{
		"bolt_timeout":           o.LockTimeout.String(),
		"read_only":              readOnly,
		"unsafe_batch":           !readOnly && !o.SyncBatches,
		"asyncErrorCallbackName": asyncErrorCallback,
	}
}

// hotDVOpts are the doc-value options of the fields in hotDV.
func (o Options) hotDVOpts() bindex.FieldIndexingOptions {
	if o.CompressedDocValues {
		return coldDVOpts
	}
	return hotDVOpts
}
