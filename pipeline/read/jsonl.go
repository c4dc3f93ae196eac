package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

const utf8BOM = "\xef\xbb\xbf"

const replacementChar = "\uFFFD"

// objectReader turns one JSON value into records; the JSON lines and the
// JSON array readers share it.
type objectReader struct {
	m      *mapper
	scan   objectScanner
	fields []models.Field // scratch
	roles  []colRole      // scratch
	// warn, when set, is told once about the first object with a key
	// given twice (what is read of it is left as it is).
	warn      func(string)
	warnedDup bool
}

// appendRecords appends the records of the JSON value b to dst. b must be
// valid UTF-8 and must not change afterwards: the records keep sub-slices
// of it. what ("line", "element") names the input unit in messages.
func (o *objectReader) appendRecords(dst []*models.Record, b []byte, line int64, badUTF8 bool, what string) []*models.Record {
	fields, ok := o.scan.scan(b, o.fields[:0])
	if !ok {
		msg := notObjectMessage(b, what)
		if msg == "" {
			// The scanner rejected an object encoding/json accepts: read
			// it the slow way. Tests and fuzzing keep the two in step.
			fields, ok = slowObject(b, o.fields[:0])
		}
		if !ok {
			o.fields = fields[:0]
			if msg == "" {
				msg = "invalid JSON"
			}
			return append(dst, errorRecord(o.m.name, line, msg, badUTF8))
		}
	}
	o.fields = fields
	if o.warn != nil && !o.warnedDup {
		if k := o.scan.dup; k != "" {
			o.warnedDup = true
			o.warn(fmt.Sprintf("%s %d: key %q given more than once: its last value is read (further such %ss not reported)", what, line, k, what))
		}
	}
	o.roles = o.roles[:0]
	for _, f := range fields {
		o.roles = append(o.roles, o.m.role(f.Key))
	}
	return o.m.appendRecords(dst, fields, o.roles, nil, line, badUTF8)
}

// queue holds the records of one response until Next hands them out.
type queue struct {
	recs []*models.Record
	pos  int
}

func (q *queue) empty() bool { return q.pos >= len(q.recs) }

// reset empties the queue and returns its storage for appending.
func (q *queue) reset() []*models.Record {
	clear(q.recs)
	q.pos = 0
	return q.recs[:0]
}

func (q *queue) pop() *models.Record {
	rec := q.recs[q.pos]
	q.pos++
	return rec
}

// sanitize returns b as valid UTF-8, each run of bad bytes replaced by
// U+FFFD, and whether it had to replace anything. The result is a copy the
// caller owns.
func sanitize(b []byte) ([]byte, bool) {
	if utf8.Valid(b) {
		return bytes.Clone(b), false
	}
	return bytes.ToValidUTF8(b, []byte(replacementChar)), true
}

// jsonlSource reads JSON lines: one object per line, each line on its own,
// so that a bad line costs one error record and nothing else.
type jsonlSource struct {
	br      *bufio.Reader
	obj     objectReader
	max     int
	line    int64
	long    []byte // a line that spans several buffer fills
	pending queue
}

func newJSONL(br *bufio.Reader, o Options) *jsonlSource {
	return &jsonlSource{
		br:  br,
		obj: objectReader{m: newMapper(o.Name, o.Columns), warn: o.Warn},
		max: o.MaxLineBytes,
	}
}

func (s *jsonlSource) Next() (*models.Record, error) {
	if s.pending.empty() {
		line, tooLong, err := s.readLine()
		if err != nil {
			return nil, err
		}
		s.line++
		s.pending.recs = s.records(s.pending.reset(), line, tooLong)
	}
	return s.pending.pop(), nil
}

func (s *jsonlSource) records(dst []*models.Record, line []byte, tooLong bool) []*models.Record {
	name := s.obj.m.name
	if tooLong {
		return append(dst, errorRecord(name, s.line, fmt.Sprintf("line exceeds max_line_bytes (%d)", s.max), false))
	}
	if s.line == 1 {
		line = bytes.TrimPrefix(line, []byte(utf8BOM))
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return append(dst, errorRecord(name, s.line, "empty line, want a JSON object", false))
	}
	b, bad := sanitize(line)
	return s.obj.appendRecords(dst, b, s.line, bad, "line")
}

// readLine returns the next line without its line break, valid until the
// next call. A line over the limit is read in buffer-sized pieces and
// dropped, so it never sits in memory whole; tooLong reports it. Lines come
// back as soon as their '\n' has been read, which keeps a tool that writes
// one line and waits for the answer going.
func (s *jsonlSource) readLine() (line []byte, tooLong bool, err error) {
	s.long = s.long[:0]
	for {
		frag, err := s.br.ReadSlice('\n')
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			// The +2 leaves room for a "\r\n" still to come.
			if !tooLong && len(s.long)+len(frag) > s.max+2 {
				tooLong, s.long = true, s.long[:0]
			}
			if !tooLong {
				s.long = append(s.long, frag...)
			}
			continue
		case errors.Is(err, io.EOF):
			if len(frag) == 0 && len(s.long) == 0 && !tooLong {
				// No line after the final '\n'.
				return nil, false, io.EOF
			}
		case err != nil:
			return nil, false, fmt.Errorf("line %d: %w", s.line+1, err)
		}
		if tooLong {
			return nil, true, nil
		}
		line = frag
		if len(s.long) > 0 {
			s.long = append(s.long, frag...)
			line = s.long
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) > s.max {
			return nil, true, nil
		}
		return line, false, nil
	}
}

func (s *jsonlSource) Close() error {
	return nil
}
