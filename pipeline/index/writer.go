package index

import (
	"encoding/json"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/stimmung/stimmung/models"
)

// DefaultBatchSize is the number of documents per batch: each batch
// becomes one in-memory segment, so small batches mean many segments to
// merge, and big ones hold more memory (measured in BenchmarkIndex).
const DefaultBatchSize = 2000

// flushAfter is how long a document may wait in an unfinished batch when
// the input pauses (stream mode), before it is written and searchable.
const flushAfter = time.Second

// Writer indexes analysed records, upserting by id, in batches. It is a
// pipeline.Writer. One batch is indexed in the background while the next
// fills, so the pipeline's stages and Bleve's indexing overlap.
type Writer struct {
	ix    *Index
	build *Builder
	size  int

	batch     *bleve.Batch
	lastFlush time.Time

	// One batch in flight: queue carries it to the indexing goroutine,
	// whose first error is kept in err and returned by the next call.
	queue    chan *bleve.Batch
	done     chan struct{}
	inflight sync.WaitGroup

	// Two batches indexed at once may be introduced in either order, so a
	// record whose id is in a batch still in flight must wait for it: else
	// an older version could win. flying holds the ids of the batches in
	// flight, curIDs those of the batch being filled; barrier makes send
	// wait until nothing is in flight.
	flying  map[*bleve.Batch]map[string]struct{}
	curIDs  map[string]struct{}
	barrier bool
	mu      sync.Mutex
	err     error

	// Indexed counts the documents written; Failed the records skipped
	// because they failed in the pipeline (they have no analysis).
	Indexed int64
	Failed  int64
}

// NewWriter starts an import into ix: it records versions and marks the
// index as importing until Close. batchSize 0 means DefaultBatchSize. The
// writer follows the options ix was opened with.
func NewWriter(ix *Index, versions map[string]string, batchSize int) (*Writer, error) {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	ix.Meta.Format = FormatVersion
	ix.Meta.Versions = maps.Clone(versions)
	ix.Meta.Importing = true
	ix.Meta.Updated = time.Now().UTC().Truncate(time.Second)
	// The mark is persisted before the first document, so that a run
	// killed at any point leaves an index that says so.
	if err := ix.writeMeta(true); err != nil {
		return nil, err
	}
	w := &Writer{ix: ix, build: newBuilder(ix.opts), size: batchSize, batch: ix.Bleve.NewBatch(), lastFlush: time.Now(),
		queue: make(chan *bleve.Batch), done: make(chan struct{}),
		flying: map[*bleve.Batch]map[string]struct{}{}, curIDs: make(map[string]struct{}, batchSize)}
	var wg sync.WaitGroup
	for range ix.opts.resolved().Indexers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.loop()
		}()
	}
	go func() {
		wg.Wait()
		close(w.done)
	}()
	return w, nil
}

func (w *Writer) loop() {
	for b := range w.queue {
		if err := w.ix.Bleve.Batch(b); err != nil {
			w.setErr(fmt.Errorf("index %s: %w", w.ix.Dir, err))
		}
		w.mu.Lock()
		delete(w.flying, b)
		w.mu.Unlock()
		w.inflight.Done()
	}
}

func (w *Writer) setErr(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *Writer) firstErr() error {
	if err := w.ix.bg.failure(); err != nil {
		w.setErr(err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Write adds r to the current batch; a full batch goes to the index.
// Records that failed are counted and not indexed.
func (w *Writer) Write(r *models.Record) error {
	if r.Err != nil {
		w.Failed++
		return nil
	}
	if err := w.batch.IndexAdvanced(w.build.Document(r)); err != nil {
		return fmt.Errorf("index record %s: %w", r.ID, err)
	}
	if !w.barrier {
		w.mu.Lock()
		for _, ids := range w.flying {
			if _, ok := ids[r.ID]; ok {
				w.barrier = true
				break
			}
		}
		w.mu.Unlock()
	}
	w.curIDs[r.ID] = struct{}{}
	w.Indexed++
	if w.batch.Size() >= w.size {
		return w.send()
	}
	return nil
}

// Flush sends an unfinished batch when the input has paused for a while,
// so that a stream's records become searchable; a batch run fills whole
// batches.
func (w *Writer) Flush() error {
	if w.batch.Size() > 0 && time.Since(w.lastFlush) >= flushAfter {
		return w.send()
	}
	return w.firstErr()
}

func (w *Writer) send() error {
	if err := w.firstErr(); err != nil {
		return err
	}
	if w.barrier {
		w.inflight.Wait()
		w.barrier = false
	}
	w.mu.Lock()
	w.flying[w.batch] = w.curIDs
	w.mu.Unlock()
	w.inflight.Add(1)
	w.queue <- w.batch
	w.batch = w.ix.Bleve.NewBatch()
	w.curIDs = make(map[string]struct{}, w.size)
	w.lastFlush = time.Now()
	return nil
}

// Sync sends the unfinished batch and waits until every batch sent is in
// the index, searchable: the server calls it at the end of a request that
// indexes, so that its comments can be found once it has answered.
func (w *Writer) Sync() error {
	if w.batch.Size() > 0 {
		if err := w.send(); err != nil {
			return err
		}
	}
	w.inflight.Wait()
	return w.firstErr()
}

// Close writes the last batch, marks the import finished and waits until
// everything is on disk. The index stays open.
func (w *Writer) Close() error { return w.finish(true) }

// CloseUnfinished ends an import that stopped before the end of its input
// (an interrupt, --max-errors, a failed write): what was written is
// persisted, and the index stays marked as importing, so that search warns
// that it is incomplete until an import runs to its end.
func (w *Writer) CloseUnfinished() error { return w.finish(false) }

func (w *Writer) finish(complete bool) error {
	if w.batch.Size() > 0 {
		if err := w.send(); err != nil {
			close(w.queue)
			<-w.done
			return err
		}
	}
	close(w.queue)
	<-w.done
	if err := w.firstErr(); err != nil {
		return err
	}
	w.ix.Meta.Importing = !complete
	w.ix.Meta.Updated = time.Now().UTC().Truncate(time.Second)
	return w.ix.writeMeta(true)
}

// writeMeta stores the Meta; with wait, it returns once the index with it
// (and everything indexed before) is persisted.
func (ix *Index) writeMeta(wait bool) error {
	b, err := json.Marshal(ix.Meta)
	if err != nil {
		return err
	}
	batch := ix.Bleve.NewBatch()
	batch.SetInternal(metaKey, b)
	persisted := make(chan error, 1)
	if wait {
		batch.SetPersistedCallback(func(err error) { persisted <- err })
	}
	if err := ix.Bleve.Batch(batch); err != nil {
		return fmt.Errorf("index %s: %w", ix.Dir, err)
	}
	if wait {
		select {
		case err := <-persisted:
			if err != nil {
				return fmt.Errorf("index %s: persist: %w", ix.Dir, err)
			}
		case <-ix.bg.done():
			return ix.bg.failure()
		}
	}
	return nil
}
