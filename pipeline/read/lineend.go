package read

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// lineEnds turns every line ending into "\n" before the JSON lines or CSV
// parser sees the text: "\r\n" and a lone "\r" (classic Mac, Excel's "CSV
// (Macintosh)") alike. Both parsers split on '\n' only, so a CR-only file
// would otherwise be one long line: no CSV rows, one JSON error record.
//
// It streams without looking ahead: a '\r' becomes '\n' at once, and a
// '\n' right after it is dropped, so a tool that ends a line with "\r" and
// waits for the answer is not blocked, and "\r\n" stays one ending even
// when a read splits it.
//
// For CSV it follows encoding/csv's quoting (LazyQuotes on, the quote only
// at the start of a field opens one): a '\r' inside a quoted field is text
// and passes unchanged, as does "\r\n" there, which encoding/csv turns into
// "\n" as before. For JSON lines every '\r' is a line ending: one can only
// stand between tokens (JSON strings may not hold it raw), and splitting
// there is what a CR-only file needs.
type lineEnds struct {
	r       io.Reader
	csv     bool
	delim   []byte // the CSV delimiter, UTF-8
	afterCR bool   // the last byte was a '\r' turned into '\n'
	st      csvState
	dm      int // bytes of a multi-byte delimiter matched so far
}

type csvState uint8

const (
	csvFieldStart csvState = iota // at the start of a field
	csvPlain                      // in an unquoted field
	csvQuoted                     // in a quoted field
	csvQuote                      // a '"' in a quoted field: closing, escaped or bare
)

func newJSONLLineEnds(r io.Reader) *lineEnds {
	return &lineEnds{r: r}
}

func newCSVLineEnds(r io.Reader, delim rune) *lineEnds {
	return &lineEnds{r: r, csv: true, delim: utf8.AppendRune(nil, delim)}
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
	if !l.csv && !l.afterCR && bytes.IndexByte(b, '\r') < 0 {
		return len(b)
	}
	w := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if l.csv && l.st == csvQuoted && !l.afterCR {
			// Most of a quoted field is text: copy up to its next quote.
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				j = len(b) - i
			}
			w += copy(b[w:], b[i:i+j])
			if i += j; i == len(b) {
				break
			}
			c = b[i]
		}
		if l.afterCR {
			l.afterCR = false
			if c == '\n' {
				continue
			}
		}
		if l.csv {
			c = l.csvByte(c)
		} else if c == '\r' {
			c, l.afterCR = '\n', true
		}
		b[w] = c
		w++
	}
	return w
}

// csvByte advances the quoting state over c and returns the byte to write.
func (l *lineEnds) csvByte(c byte) byte {
	if l.dm == 0 && c > '"' && c != l.delim[0] {
		// The common case: a byte of text that changes no state but
		// that of a field just begun or a bare quote.
		switch l.st {
		case csvFieldStart:
			l.st = csvPlain
		case csvQuote:
			l.st = csvQuoted
		}
		return c
	}
	if l.st == csvQuoted {
		if c == '"' {
			l.st = csvQuote
		}
		return c
	}
	switch {
	case c == '\r':
		l.st, l.dm, l.afterCR = csvFieldStart, 0, true
		return '\n'
	case c == '\n':
		l.st, l.dm = csvFieldStart, 0
		return c
	case l.st == csvFieldStart && c == '"':
		l.st = csvQuoted
		return c
	case c == l.delim[l.dm]:
		l.dm++
		if l.dm == len(l.delim) {
			l.st, l.dm = csvFieldStart, 0
		} else if l.st == csvFieldStart {
			l.st = csvPlain
		}
		return c
	}
	if l.st == csvQuote {
		// Not a delimiter after the quote: `""` is an escaped quote, else
		// the quote is bare and the field goes on (LazyQuotes).
		escaped := l.dm == 0 && c == '"'
		l.st, l.dm = csvQuoted, 0
		if c == '"' && !escaped {
			l.st = csvQuote
		}
		return c
	}
	l.st, l.dm = csvPlain, 0
	if c == l.delim[0] { // a delimiter may start where a partial one failed
		l.dm = 1
	}
	return c
}
