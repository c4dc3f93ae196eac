package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// openCSV reads a CSV (or TSV) export.
//
// Rows are split by csvRows below, not by encoding/csv, for three things
// encoding/csv cannot do: hold at most max_line_bytes of a row in memory,
// recover from a quote that opens a field and never closes (encoding/csv
// swallows the rest of the input into one cell), and decode a row that is
// not UTF-8 as Windows-1252 wherever in the input it comes.
func openCSV(br *bufio.Reader, o Options) (Source, error) {
	in, perRow, err := decodeText(br, o)
	if err != nil {
		return nil, err
	}
	var delim rune
	switch {
	case o.Delimiter != "auto":
		delim, _ = utf8.DecodeRuneInString(o.Delimiter)
	case strings.EqualFold(filepath.Ext(o.Name), ".tsv"):
		delim = '\t'
	default:
		if delim, err = sniffDelimiter(in); err != nil {
			return nil, fmt.Errorf("sniffing the delimiter: %w", err)
		}
	}
	rows := &csvRows{r: in, delim: utf8.AppendRune(nil, delim), max: o.MaxLineBytes, line: 1, perRow1252: perRow, warn: o.Warn}
	return newTabular(rows, o, false), nil
}

// csvRows splits CSV text into rows.
//
// Quoting is lenient, as with encoding/csv's LazyQuotes: only a quote at
// the start of a field opens a quoted field; in it `""` is a quote, and a
// quote not followed by the delimiter or a line end is text (Das war
// "super"). Quoted fields may span lines. Lines end at "\n", "\r\n" or a
// lone "\r" (classic Mac exports); in a quoted field "\r\n" becomes "\n"
// and a lone "\r" is text. Empty lines give no row.
//
// Recovery: when a row read that way runs to the end of the input inside a
// quote, has a bare quote in a quoted field that spans lines, has another
// number of fields than the header, or exceeds the limit while spanning
// several lines, its first line is read alone, with
// quotes that do not span lines: a quote that closes but is followed by
// text makes the field plain text, quotes included (a warning on the
// record names it); a quote that does not close on its line makes the line
// an error record naming it. Reading goes on at the next line, so no other
// row is lost.
//
// Memory: a row is held up to max bytes (line break included). A longer
// line becomes an error record and is skipped to its end without being
// kept.
type csvRows struct {
	r     io.Reader
	delim []byte
	max   int
	want  int   // fields of the header row, 0 before it is read
	line  int64 // line number of buf[0]
	buf   []byte
	eof   bool
	// afterCR: the last row or line ended with a '\r'; a '\n' next is
	// part of that line break.
	afterCR bool
	rerr    error // a read error, returned once buf is used up

	// perRow1252: the encoding was guessed as UTF-8 from the start of the
	// input; a row that is not valid UTF-8 is read as Windows-1252.
	perRow1252 bool
	warned     bool
	warn       func(string)

	// bytes that end a run of text in an unquoted and a quoted field
	plainStop, quotedStop [256]bool
	stopSet               bool

	note    string // warning for the row last returned
	scratch []byte
	cells   []string
	ends    []int
}

const csvChunk = 64 << 10

// fill reads more input into buf; false at the end of the input.
func (c *csvRows) fill() bool {
	if c.eof {
		return false
	}
	if cap(c.buf)-len(c.buf) < csvChunk/2 {
		nb := make([]byte, len(c.buf), len(c.buf)+csvChunk)
		copy(nb, c.buf)
		c.buf = nb
	}
	n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
	c.buf = c.buf[:len(c.buf)+n]
	if err != nil {
		c.eof = true
		if !errors.Is(err, io.EOF) {
			c.rerr = err
		}
	}
	return true
}

// byteAt returns buf[i], reading more input when needed; ok is false past
// the end of the input.
func (c *csvRows) byteAt(i int) (b byte, ok bool) {
	for i >= len(c.buf) {
		if !c.fill() {
			return 0, false
		}
	}
	return c.buf[i], true
}

// isDelim reports whether the delimiter starts at buf[i].
func (c *csvRows) isDelim(i int) bool {
	if c.buf[i] != c.delim[0] {
		return false
	}
	for k := 1; k < len(c.delim); k++ {
		if b, ok := c.byteAt(i + k); !ok || b != c.delim[k] {
			return false
		}
	}
	return true
}

// frame finds the end of the row at the start of buf: end is the index
// after its line break, lines the number of lines it spans, firstEnd the
// index after the line break of its first line (-1 if none), over whether
// the row exceeds max. suspect says that the row may have swallowed
// others: the input ended inside a quoted field, or a quoted field that
// spans lines has a bare quote, the mark of a quote that opened no field
// (`"gut"x` or `,"zwei` are not the end of a field).
func (c *csvRows) frame() (end, firstEnd int, lines int64, suspect, over bool) {
	const (
		fieldStart = iota
		plain
		quoted
		quote // a quote in a quoted field
	)
	st := fieldStart
	firstEnd = -1
	nl, bare := false, false // in the current quoted field
	if !c.stopSet {
		c.stopSet = true
		c.plainStop['\n'], c.plainStop['\r'], c.plainStop[c.delim[0]] = true, true, true
		c.quotedStop['\n'], c.quotedStop['\r'], c.quotedStop['"'] = true, true, true
	}
	i := 0
	for {
		if st == plain || st == quoted {
			// Skip the bytes that change nothing.
			stop, j := &c.plainStop, i
			if st == quoted {
				stop = &c.quotedStop
			}
			for j < len(c.buf) && !stop[c.buf[j]] {
				j++
			}
			if j > i {
				i = j
				continue
			}
		}
		if i > c.max {
			return i, firstEnd, lines, false, true
		}
		b, ok := c.byteAt(i)
		if !ok {
			if i > 0 {
				lines++
			}
			return i, firstEnd, lines, st == quoted, false
		}
		if b == '\n' || b == '\r' {
			n := 1
			if b == '\r' && st == quoted {
				if nb, ok := c.byteAt(i + 1); ok && nb == '\n' {
					n = 2
				}
			}
			if firstEnd < 0 {
				firstEnd = i + n
			}
			if st != quoted || n == 2 || b == '\n' {
				lines++
			}
			if st != quoted {
				// A '\n' after a '\r' is dropped by the next call
				// (consume): no waiting for a byte that may not come yet.
				return i + n, firstEnd, lines, false, i+n > c.max
			}
			nl = true
			if bare {
				return i + n, firstEnd, lines, true, false
			}
			i += n
			continue
		}
		switch st {
		case quoted:
			if b == '"' {
				st = quote
			}
		case quote:
			switch {
			case b == '"':
				st = quoted
			case c.isDelim(i):
				st = fieldStart
				i += len(c.delim) - 1
			default:
				st, bare = quoted, true // a bare quote: text
				if nl {
					// The first line is read alone; no need to look
					// further (which keeps recovery linear).
					return i, firstEnd, lines, true, false
				}
			}
		default:
			switch {
			case b == '"' && st == fieldStart:
				st, nl, bare = quoted, false, false
			case c.isDelim(i):
				st = fieldStart
				i += len(c.delim) - 1
			default:
				st = plain
			}
		}
		i++
	}
}

// consume drops the first n bytes of buf.
func (c *csvRows) consume(n int) {
	c.afterCR = c.buf[n-1] == '\r'
	c.buf = c.buf[n:]
}

// skipLine drops input up to and including the next line break.
func (c *csvRows) skipLine() {
	for {
		if len(c.buf) == 0 && !c.fill() {
			return
		}
		if j := bytes.IndexAny(c.buf, "\r\n"); j >= 0 {
			c.afterCR = c.buf[j] == '\r'
			c.buf = c.buf[j+1:]
			return
		}
		c.buf = c.buf[:0]
	}
}

func (c *csvRows) next() ([]string, int64, error) {
	c.note = ""
	for {
		if c.afterCR {
			c.afterCR = false
			if b, ok := c.byteAt(0); ok && b == '\n' {
				c.consume(1)
			}
		}
		end, firstEnd, lines, suspect, over := c.frame()
		if end == 0 {
			if c.rerr != nil {
				return nil, 0, c.rerr
			}
			return nil, 0, io.EOF
		}
		line := c.line
		if end == 1 && (c.buf[0] == '\n' || c.buf[0] == '\r') {
			c.consume(end) // an empty line
			c.line++
			continue
		}
		if over && (firstEnd < 0 || firstEnd > c.max) {
			c.skipLine()
			c.line++
			return nil, line, &rowError{line: line, msg: fmt.Sprintf("row exceeds max_line_bytes (%d)", c.max)}
		}
		if !over && !suspect {
			cells, bad := c.split(c.text(c.buf[:end], line), false)
			if bad == 0 && (c.want == 0 || len(cells) == c.want) {
				c.consume(end)
				c.line += lines
				if c.want == 0 {
					c.want = len(cells)
				}
				return cells, line, nil
			}
		}
		if firstEnd < 0 {
			firstEnd = end
		}
		// Read the first line alone.
		text := c.text(c.buf[:firstEnd], line)
		c.consume(firstEnd)
		c.line++
		cells, col := c.split(text, true)
		if col < 0 {
			return nil, line, &rowError{line: line, msg: fmt.Sprintf("unclosed quote at line %d, column %d", line, -col)}
		}
		if col > 0 {
			c.note = fmt.Sprintf("stray quote at line %d, column %d kept as text", line, col)
		}
		if c.want == 0 {
			c.want = len(cells)
		}
		return cells, line, nil
	}
}

// text returns a row as UTF-8: read as Windows-1252 when it is not valid
// UTF-8 and the encoding was guessed (see decodeText).
func (c *csvRows) text(b []byte, line int64) []byte {
	if !c.perRow1252 || utf8.Valid(b) || has1252Undefined(b) {
		// Bytes Windows-1252 leaves undefined: neither encoding; the
		// cells are repaired and flagged invalid_utf8.
		return b
	}
	if !c.warned {
		c.warned = true
		c.warn(fmt.Sprintf("line %d: not valid UTF-8, reading such lines as Windows-1252", line))
	}
	d, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return b // cannot happen: every byte has a character
	}
	return d
}

// has1252Undefined reports whether b holds a byte that Windows-1252 does
// not define.
func has1252Undefined(b []byte) bool {
	for _, c := range b {
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return true
		}
	}
	return false
}

// split splits one row, its line break included, into cells. In line
// mode quotes do not span lines (the row is one line); it returns the
// 1-based column of the first stray quote kept as text, or minus the
// column of a quote that does not close. Outside line mode the second
// result is 1 when the row has a quote that does not close.
func (c *csvRows) split(row []byte, lineMode bool) ([]string, int) {
	row = bytes.TrimSuffix(row, []byte("\n"))
	row = bytes.TrimSuffix(row, []byte("\r"))
	buf, ends := c.scratch[:0], c.ends[:0]
	result := 0
	d := c.delim
	col := func(i int) int { return utf8.RuneCount(row[:i]) + 1 }
	pos := 0
	for {
		if pos < len(row) && row[pos] == '"' {
			open, start := pos, len(buf)
			pos++
			for {
				q := bytes.IndexByte(row[pos:], '"')
				if q < 0 {
					if lineMode {
						return nil, -col(open)
					}
					return nil, 1
				}
				buf = appendQuoted(buf, row[pos:pos+q])
				pos += q + 1
				switch {
				case pos < len(row) && row[pos] == '"':
					buf = append(buf, '"')
					pos++
					continue
				case pos == len(row) || bytes.HasPrefix(row[pos:], d):
				case lineMode:
					// A stray quote: the field is plain text.
					if result == 0 {
						result = col(pos - 1)
					}
					k := bytes.Index(row[pos:], d)
					if k < 0 {
						k = len(row) - pos
					}
					buf = append(buf[:start], row[open:pos+k]...)
					pos += k
				default:
					buf = append(buf, '"')
					continue
				}
				break
			}
		} else {
			k := bytes.Index(row[pos:], d)
			if k < 0 {
				k = len(row) - pos
			}
			buf = append(buf, row[pos:pos+k]...)
			pos += k
		}
		ends = append(ends, len(buf))
		if pos == len(row) {
			break
		}
		pos += len(d)
	}
	s := string(buf)
	c.cells = c.cells[:0]
	from := 0
	for _, e := range ends {
		c.cells = append(c.cells, s[from:e])
		from = e
	}
	c.scratch, c.ends = buf, ends
	return c.cells, result
}

// appendQuoted appends the text of a quoted field, "\r\n" as "\n".
func appendQuoted(dst, b []byte) []byte {
	for {
		i := bytes.Index(b, []byte("\r\n"))
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(append(dst, b[:i]...), '\n')
		b = b[i+2:]
	}
}

// rowWarning returns the warning for the row last returned, or "".
func (c *csvRows) rowWarning() string { return c.note }

func (c *csvRows) close() error { return nil }
