package read

import (
	"bytes"
	"io"
)

// lineEnds turns every line ending into "\n" before the JSON lines parser
// sees the text: "\r\n" and a lone "\r" (classic Mac, Excel's "CSV
// (Macintosh)") alike. The parser splits on '\n' only, so a CR-only file
// would otherwise be one long line: one JSON error record. Every '\r' is a
// line ending: one can only stand between tokens (JSON strings may not hold
// it raw), and splitting there is what a CR-only file needs. (CSV rows are
// split by csvRows, which knows the line endings itself.)
//
// It streams without looking ahead: a '\r' becomes '\n' at once, and a
// '\n' right after it is dropped, so a tool that ends a line with "\r" and
// waits for the answer is not blocked, and "\r\n" stays one ending even
// when a read splits it.
type lineEnds struct {
	r       io.Reader
	afterCR bool // the last byte was a '\r' turned into '\n'
}

func newJSONLLineEnds(r io.Reader) *lineEnds {
	return &lineEnds{r: r}
}

func (l *lineEnds) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		if n == 0 {
			return 0, err
		}
		if m := l.convert(p[:n]); m > 0 || err != nil {
			return m, err
		}
		// All that came was the '\n' of a "\r\n": read on.
	}
}

// convert rewrites b in place and returns its new length.
func (l *lineEnds) convert(b []byte) int {
	if !l.afterCR && bytes.IndexByte(b, '\r') < 0 {
		return len(b)
	}
	w := 0
	for _, c := range b {
		if l.afterCR {
			l.afterCR = false
			if c == '\n' {
				continue
			}
		}
		if c == '\r' {
			c, l.afterCR = '\n', true
		}
		b[w] = c
		w++
	}
	return w
}
