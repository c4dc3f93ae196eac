package pipeline

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/stimmung/stimmung/models"
)

// ErrTooManyErrors ends a run that reached RunOptions.MaxErrors.
var ErrTooManyErrors = errors.New("too many failed records")

// RunOptions configure Run.
type RunOptions struct {
	// Workers is the number of goroutines running the stages; 0 means one
	// per CPU core.
	Workers int
	// MaxErrors stops the run after that many failed records; 0 never stops.
	MaxErrors int
}

// Writer receives the records in input order. Flush is called whenever no
// finished record is waiting, so a stream reader gets each answer at once
// while a batch run still writes in large chunks.
type Writer interface {
	Write(r *models.Record) error
	Flush() error
}

// Stats counts what a run did.
type Stats struct {
	Records int64
	Errors  int64
}

// job is one record in flight. done is closed when the stages finished; the
// writer waits on jobs in input order (a FIFO of futures), which gives
// parallel work, input order and back-pressure at once.
type job struct {
	r    *models.Record
	done chan struct{}
}

// Run reads records from next until io.EOF, runs the stages on them with an
// ordered worker pool and hands them to w in input order. It returns the
// first error of next (reading) or w (writing), or ErrTooManyErrors. Records
// read before a reading error are all written; a writing error or
// ErrTooManyErrors stops at once. When Run returns, next is no longer called
// and no stage is running.
func (p *Pipeline) Run(ctx context.Context, next func() (*models.Record, error), w Writer, o RunOptions) (Stats, error) {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	work := make(chan *job, workers*4)
	order := make(chan *job, workers*16)
	var readErr error

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				p.Process(ctx, j.r)
				close(j.done)
			}
		}()
	}

	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(order)
		defer close(work)
		var seq int64
		for {
			if ctx.Err() != nil {
				return
			}
			r, err := next()
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = err
				return
			}
			r.Seq = seq
			seq++
			if r.ID == "" {
				r.ID = DefaultID(r)
			}
			j := &job{r: r, done: make(chan struct{})}
			if r.Err != nil {
				close(j.done) // nothing to do; keep its place in line
			} else {
				select {
				case work <- j:
				case <-ctx.Done():
					return
				}
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	var st Stats
	// stop ends the run early: it cancels the reader and waits for it, so
	// that when Run returns, next is no longer being called and the caller
	// may close its inputs. (A reader blocked on an open terminal stdin
	// holds this up until its next line or end of input.)
	stop := func(err error) (Stats, error) {
		cancel()
		for range order { // let the reader's pending send go through
		}
		<-readerDone
		wg.Wait()
		return st, err
	}
	flushAndWait := func(ready <-chan struct{}) error {
		select {
		case <-ready:
			return nil
		default:
		}
		// Nothing is ready: flush what was written so that a tool waiting
		// for its answer gets it now, then wait.
		if err := w.Flush(); err != nil {
			return err
		}
		<-ready
		return nil
	}
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-order:
		default:
			if err := w.Flush(); err != nil {
				return stop(err)
			}
			j, ok = <-order
		}
		if !ok {
			break
		}
		if err := flushAndWait(j.done); err != nil {
			return stop(err)
		}
		st.Records++
		if j.r.Err != nil {
			st.Errors++
		}
		if err := w.Write(j.r); err != nil {
			return stop(err)
		}
		if o.MaxErrors > 0 && st.Errors >= int64(o.MaxErrors) {
			if err := w.Flush(); err != nil {
				return stop(err)
			}
			return stop(ErrTooManyErrors)
		}
	}
	<-readerDone
	wg.Wait()
	if err := w.Flush(); err != nil {
		return st, err
	}
	return st, readErr
}

// DefaultID is the stable id of a record without one: source and line.
func DefaultID(r *models.Record) string {
	return r.Source + ":" + itoa(r.Line)
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
