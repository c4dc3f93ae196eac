package report

import (
	"runtime"
	"sync"
)

// inFlightBytes bounds the input a Counter holds at once, over all its
// chunks (2 per worker and one filling). A chunk is what one worker counts
// at a time into a fork of the tally: the larger, the less forking and
// merging costs (a fork fills its id lists afresh), so chunks take what
// the bound allows, but at least minChunkBytes.
const (
	inFlightBytes = 32 << 20
	minChunkBytes = 1 << 20
)

// maxBadLines is how many unreadable lines a Counter keeps the messages
// of; it counts them all.
const maxBadLines = 100

// BadLine is a line that is no analysed record: its number and why.
type BadLine struct {
	Line int64
	Err  error
}

// Counter counts analysed records (lines of JSON) into a Tally with
// several workers. The lines are cut into chunks in input order; each
// worker counts a chunk into a fork of the tally, and the forks are merged
// into the tally in chunk order, which gives exactly the tally of counting
// the lines one after the other, whatever the number of workers (the ids
// kept and the queue's ties depend on input order). At most a few chunks
// per worker are in memory at once.
type Counter struct {
	t       *Tally
	columns []string
	encoded bool
	// chunkBytes is the size at which a chunk goes to the workers.
	chunkBytes int
	cur        *chunk
	seq        int
	free       chan *chunk
	jobs       chan *chunk
	done       chan *chunk
	wg         sync.WaitGroup
	merged     chan struct{}
	bad        []BadLine
	badN       int
}

// chunk is a run of consecutive lines and, once counted, their tally.
type chunk struct {
	seq   int
	buf   []byte
	ends  []int   // end of each line in buf
	nums  []int64 // each line's number
	tally *Tally
	bad   []BadLine
	badN  int
}

// CounterOptions configure a Counter.
type CounterOptions struct {
	// Workers is how many goroutines count (<= 0: one per CPU).
	Workers int
	// Encoded: the lines are records as package encode wrote them (see
	// Parser.Encoded).
	Encoded bool
}

// NewCounter starts counting into t, reading the columns of each record
// that t needs.
func NewCounter(t *Tally, o CounterOptions) *Counter {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	c := &Counter{t: t, columns: t.Columns(), encoded: o.Encoded, chunkBytes: max(minChunkBytes, inFlightBytes/(2*workers+1)), free: make(chan *chunk, 2*workers+1),
		jobs: make(chan *chunk, workers), done: make(chan *chunk, 2*workers+1), merged: make(chan struct{})}
	for range cap(c.free) {
		c.free <- &chunk{}
	}
	for range workers {
		c.wg.Add(1)
		go c.work()
	}
	go c.merge()
	return c
}

// Line hands the counter line number num (b is copied).
func (c *Counter) Line(num int64, b []byte) {
	if c.cur == nil {
		c.cur = <-c.free
		c.cur.seq, c.seq = c.seq, c.seq+1
		c.cur.buf, c.cur.ends, c.cur.nums = c.cur.buf[:0], c.cur.ends[:0], c.cur.nums[:0]
	}
	ch := c.cur
	ch.buf = append(ch.buf, b...)
	ch.ends = append(ch.ends, len(ch.buf))
	ch.nums = append(ch.nums, num)
	if len(ch.buf) >= c.chunkBytes {
		c.jobs <- ch
		c.cur = nil
	}
}

// Close counts what is left, waits for the workers and merges the last
// chunks into the tally. It returns the first unreadable lines (up to
// maxBadLines, in input order) and how many there were.
func (c *Counter) Close() ([]BadLine, int) {
	if c.cur != nil {
		c.jobs <- c.cur
		c.cur = nil
	}
	close(c.jobs)
	c.wg.Wait()
	close(c.done)
	<-c.merged
	return c.bad, c.badN
}

// work counts chunks, each into a fresh fork of the tally.
func (c *Counter) work() {
	defer c.wg.Done()
	p := NewParser(c.columns...)
	p.Encoded = c.encoded
	for ch := range c.jobs {
		ch.tally, ch.bad, ch.badN = c.t.Fork(), ch.bad[:0], 0
		start := 0
		for i, end := range ch.ends {
			line := ch.buf[start:end]
			start = end
			it, err := p.Parse(line)
			if err != nil {
				ch.badN++
				if len(ch.bad) < maxBadLines {
					ch.bad = append(ch.bad, BadLine{Line: ch.nums[i], Err: err})
				}
				continue
			}
			ch.tally.Add(it)
		}
		c.done <- ch
	}
}

// merge merges counted chunks into the tally in chunk order and hands
// their buffers back.
func (c *Counter) merge() {
	defer close(c.merged)
	waiting := map[int]*chunk{}
	next := 0
	for ch := range c.done {
		waiting[ch.seq] = ch
		for {
			ch, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			c.t.Merge(ch.tally)
			c.badN += ch.badN
			for _, b := range ch.bad {
				if len(c.bad) < maxBadLines {
					c.bad = append(c.bad, b)
				}
			}
			ch.tally = nil
			c.free <- ch
		}
	}
}
