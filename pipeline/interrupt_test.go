package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stimmung/stimmung/models"
)

// ctxStage fails a record whose context is cancelled: an interrupt must not
// reach the stages of records already read.
type ctxStage struct{ slowStage }

func (s ctxStage) Process(ctx context.Context, r *models.Record, n *Notes) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.slowStage.Process(ctx, r, n)
}

var errSignal = errors.New("test signal")

// runWithin runs f and fails the test when it does not return in time.
func runWithin(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("Run did not return within %v of the interrupt", d)
	}
}

func checkPrefix(t *testing.T, got []string, n int64) {
	t.Helper()
	if int64(len(got)) != n {
		t.Errorf("%d records written, stats say %d", len(got), n)
	}
	for i, s := range got {
		if !strings.HasPrefix(s, fmt.Sprintf("%d mem:%d [seen:%d]", i, i+1, i+1)) {
			t.Fatalf("record %d: %q (out of order, or failed)", i, s)
		}
	}
}

// TestRunInterruptBlockedReader: the reader blocks after 50 records (stdin
// on a terminal); cancelling the context ends the run at once with those 50
// written in order, none failed, and next is not called again.
func TestRunInterruptBlockedReader(t *testing.T) {
	p := &Pipeline{stages: []builtStage{{Stage: ctxStage{}}}}
	const n = 50
	blocked, release := make(chan struct{}), make(chan struct{})
	var calls atomic.Int64
	inner := source(1000, nil)
	next := func() (*models.Record, error) {
		if calls.Add(1) == n+1 {
			close(blocked)
			<-release
		}
		return inner()
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() { <-blocked; cancel(errSignal) }()
	w := &memWriter{}
	var st Stats
	var err error
	runWithin(t, 10*time.Second, func() {
		st, err = p.Run(ctx, next, w, RunOptions{Workers: 4})
	})
	close(release)
	if !errors.Is(err, errSignal) {
		t.Errorf("err = %v, want the context's cause", err)
	}
	if st.Records != n || st.Errors != 0 {
		t.Errorf("stats %+v, want %d records, 0 errors", st, n)
	}
	checkPrefix(t, w.got, st.Records)
	time.Sleep(50 * time.Millisecond)
	if c := calls.Load(); c != n+1 {
		t.Errorf("next called %d times, want %d: reading went on after the interrupt", c, n+1)
	}
}

// interruptingWriter cancels the run when it gets record at.
type interruptingWriter struct {
	memWriter
	at     int
	cancel context.CancelCauseFunc
}

func (w *interruptingWriter) Write(r *models.Record) error {
	if len(w.got)+1 == w.at {
		w.cancel(errSignal)
	}
	return w.memWriter.Write(r)
}

// TestRunInterruptDrains: with a reader that never ends, an interrupt stops
// reading; every record read is still processed (uncancelled) and written
// in order.
func TestRunInterruptDrains(t *testing.T) {
	p := &Pipeline{stages: []builtStage{{Stage: ctxStage{}}}}
	for _, workers := range []int{1, 8} {
		var calls atomic.Int64
		inner := source(1<<40, nil)
		next := func() (*models.Record, error) { calls.Add(1); return inner() }
		ctx, cancel := context.WithCancelCause(context.Background())
		w := &interruptingWriter{at: 100, cancel: cancel}
		var st Stats
		var err error
		runWithin(t, 10*time.Second, func() {
			st, err = p.Run(ctx, next, w, RunOptions{Workers: workers})
		})
		if !errors.Is(err, errSignal) {
			t.Errorf("workers %d: err = %v, want the context's cause", workers, err)
		}
		if st.Records < 100 || st.Errors != 0 {
			t.Errorf("workers %d: stats %+v, want 100 records or more, none failed", workers, st)
		}
		checkPrefix(t, w.got, st.Records)
		// One record read as the interrupt came may be dropped, no more.
		if c := calls.Load(); c-st.Records > 1 {
			t.Errorf("workers %d: %d records read, %d written", workers, c, st.Records)
		}
	}
}
