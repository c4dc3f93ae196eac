package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
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
	// Notes, when set, gets each finished record with what the stages
	// handed each other about it, just before the writer gets the record:
	// in input order, from the writer's goroutine, for consumers that read
	// more than the output (theme discovery reads the sentiment evidence).
	Notes func(r *models.Record, n *Notes)
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
	// notes are what the stages hand each other about r; kept with the
	// job (no allocation of their own) until r is written.
	notes Notes
}

// Run reads records from next until io.EOF, runs the stages on them with an
// ordered worker pool and hands them to w in input order. It returns the
// first error of next (reading) or w (writing), or ErrTooManyErrors. Records
// read before a reading error are all written; a writing error or
// ErrTooManyErrors stops at once. When Run returns, next is no longer called
// and no stage is running.
//
// Cancelling ctx interrupts the run (SIGINT, SIGTERM): next is not called
// again, the records already read are still run through the stages (which
// do not see the cancellation) and written in input order, w is flushed,
// and Run returns context.Cause(ctx). What w got is then a prefix of the
// full output, in whole records. A call of next under way when ctx is
// cancelled is not waited for (stdin on a terminal blocks until its next
// line): what it returns is dropped, but it may still be running when Run
// returns.
func (p *Pipeline) Run(ctx context.Context, next func() (*models.Record, error), w Writer, o RunOptions) (Stats, error) {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// The stages never see an interrupt: a record that was read is finished.
	// cancel is for stopping early on a writing error.
	stageCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()

	work := make(chan *job, workers*4)
	order := make(chan *job, workers*16)
	// quit ends the workers of an interrupted run, whose reader may never
	// close work.
	quit := make(chan struct{})
	var readErr error
	cut := false // the reader stopped at an interrupt, not at the end

	// gate makes "stop reading" exact: the reader counts a record as read
	// (sent) under it unless the run is halted, and an interrupt halts the
	// run under it, so that the writer knows how many records are to come.
	var (
		gate   sync.Mutex
		sent   int64
		halted bool
	)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j, ok := <-work:
					if !ok {
						return
					}
					p.Process(stageCtx, j.r, &j.notes)
					close(j.done)
				case <-quit:
					return
				}
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
			if stageCtx.Err() != nil {
				return
			}
			if ctx.Err() != nil {
				cut = true
				return
			}
			r, err := safeNext(next)
			gate.Lock()
			if halted {
				gate.Unlock()
				return
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				gate.Unlock()
				return
			}
			sent++
			gate.Unlock()
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
				case <-stageCtx.Done():
					return
				}
			}
			select {
			case order <- j:
			case <-stageCtx.Done():
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
	// write hands one finished record to w; stop reports a reason to end.
	write := func(j *job) error {
		st.Records++
		if j.r.Err != nil {
			st.Errors++
		}
		if o.Notes != nil {
			o.Notes(j.r, &j.notes)
		}
		if err := w.Write(j.r); err != nil {
			return err
		}
		if o.MaxErrors > 0 && st.Errors >= int64(o.MaxErrors) {
			if err := w.Flush(); err != nil {
				return err
			}
			return ErrTooManyErrors
		}
		return nil
	}
	// interrupted writes the records read before ctx was cancelled, and no
	// more, without waiting for a reader blocked in next.
	interrupted := func() (Stats, error) {
		gate.Lock()
		halted = true
		want := sent
		gate.Unlock()
		var werr error
		for st.Records < want {
			j, ok := <-order
			if !ok {
				break
			}
			<-j.done
			if werr = write(j); werr != nil {
				break
			}
		}
		close(quit)
		cancel() // a reader still sending gives up
		wg.Wait()
		ferr := w.Flush()
		switch {
		case werr != nil:
			return st, werr
		case ferr != nil:
			return st, ferr
		}
		return st, context.Cause(ctx)
	}
	for {
		select {
		case <-ctx.Done():
			return interrupted()
		default:
		}
		var j *job
		var ok bool
		select {
		case j, ok = <-order:
		default:
			if err := w.Flush(); err != nil {
				return stop(err)
			}
			select {
			case j, ok = <-order:
			case <-ctx.Done():
				return interrupted()
			}
		}
		if !ok {
			break
		}
		if err := flushAndWait(j.done); err != nil {
			return stop(err)
		}
		if err := write(j); err != nil {
			return stop(err)
		}
	}
	<-readerDone
	wg.Wait()
	if err := w.Flush(); err != nil {
		return st, err
	}
	if cut && readErr == nil {
		return st, context.Cause(ctx)
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

// InternalError is a panic in stimmung's own code outside a stage (a
// stage's panic only fails its record): a bug, reported with its stack.
type InternalError struct {
	Value any
	Stack []byte
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error: %v", e.Value)
}

// safeNext calls the reader in the reader goroutine, where a panic would
// otherwise end the process without the CLI's report and exit code.
func safeNext(next func() (*models.Record, error)) (r *models.Record, err error) {
	defer func() {
		if v := recover(); v != nil {
			r, err = nil, &InternalError{Value: v, Stack: debug.Stack()}
		}
	}()
	return next()
}
