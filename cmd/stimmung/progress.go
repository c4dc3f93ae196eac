package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/render"
)

// maxErrorMessages bounds the per-record messages on stderr: a file with a
// wrong delimiter fails on every line, and the output holds them all anyway.
const maxErrorMessages = 100

// reporter owns stderr during a run: per-record error messages, reader
// warnings, the progress bar (only when stderr is a terminal) and the
// summary. One mutex orders them so that a message never tears the bar.
type reporter struct {
	mu      sync.Mutex
	w       io.Writer
	quiet   bool
	bar     bool
	total   int64 // bytes of all input files; 0 when unknown (stdin)
	bytes   atomic.Int64
	records atomic.Int64
	shown   int
	started time.Time
	done    chan struct{}
	drawn   bool
	summary bool
}

// newReporter: batch runs (over files) get the summary; a terminal on
// stderr also gets the bar.
func newReporter(w io.Writer, quiet, batch bool, total int64) *reporter {
	return &reporter{w: w, quiet: quiet, bar: batch && !quiet && isTerminal(w), total: total, summary: batch && !quiet}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (r *reporter) start() {
	r.started = time.Now()
	if !r.bar {
		return
	}
	r.done = make(chan struct{})
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-r.done:
				return
			case <-t.C:
				r.mu.Lock()
				r.draw()
				r.mu.Unlock()
			}
		}
	}()
}

func (r *reporter) record() { r.records.Add(1) }

// counting wraps an input so that the bar knows how far it is.
func (r *reporter) counting(in io.Reader) io.Reader {
	if !r.bar {
		return in
	}
	return &countingReader{r: in, n: &r.bytes}
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (r *reporter) recordError(rec *models.Record) {
	if r.quiet {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.shown++
	switch {
	case r.shown <= maxErrorMessages:
		r.clear()
		fmt.Fprintf(r.w, "stimmung: %s:%d: %s: %s\n", termText(rec.Source), rec.Line, rec.Err.Stage, termMessage(rec.Err.Message))
	case r.shown == maxErrorMessages+1:
		r.clear()
		fmt.Fprintf(r.w, "stimmung: more failed records; see the \"error\" field in the output\n")
	}
}

func (r *reporter) warn(msg string) {
	if r.quiet {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
	fmt.Fprintf(r.w, "stimmung: %s\n", termMessage(msg))
}

// clear removes the bar before a message; the next tick draws it again.
func (r *reporter) clear() {
	if r.drawn {
		fmt.Fprint(r.w, "\r\033[K")
		r.drawn = false
	}
}

func (r *reporter) draw() {
	el := time.Since(r.started).Seconds()
	n := r.records.Load()
	rate := float64(n) / max(el, 1e-9)
	line := fmt.Sprintf("%s records  %s/s", group(n), group(int64(rate)))
	if r.total > 0 {
		done := min(float64(r.bytes.Load())/float64(r.total), 1)
		const width = 24
		fill := int(done * width)
		eta := "--:--"
		if done > 0.01 {
			eta = clock(el/done - el)
		}
		line = fmt.Sprintf("[%s%s] %3.0f%%  %s  ETA %s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done*100, line, eta)
	}
	fmt.Fprint(r.w, "\r\033[K"+line)
	r.drawn = true
}

// finish stops the bar and prints the one-line summary of a batch run that
// got to its end (a run cut short by an I/O error ends with that error alone).
func (r *reporter) finish(st pipeline.Stats, complete bool) {
	if r.done != nil {
		close(r.done)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
	if !r.summary || !complete {
		return
	}
	el := time.Since(r.started)
	fmt.Fprintf(r.w, "stimmung: %s records, %s failed, %.2f s, %s records/s\n",
		group(st.Records), group(st.Errors), el.Seconds(), group(int64(float64(st.Records)/max(el.Seconds(), 1e-9))))
}

// group writes n with thousands separators: 12,345.
func group(n int64) string { return render.Thousands(n) }

func clock(sec float64) string {
	s := int(sec + 0.5)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
