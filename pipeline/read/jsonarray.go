package read

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/stimmung/stimmung/models"
)

// jsonArraySource reads a JSON array of objects element by element. Unlike
// JSON lines it cannot recover from a syntax error: nothing tells where the
// next element starts. So a syntax error ends the input with one error
// record and a warning.
type jsonArraySource struct {
	src     *errReader
	dec     *json.Decoder
	obj     objectReader
	warn    func(string)
	index   int64
	started bool
	done    bool
	pending queue
}

// errReader remembers the error of the underlying reader, so that an I/O
// failure, which ends the run, is told apart from a syntax error, which
// becomes an error record.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

func newJSONArray(br *bufio.Reader, o Options) *jsonArraySource {
	if b, _ := br.Peek(3); string(b) == utf8BOM {
		_, _ = br.Discard(3) // cannot fail: the bytes are buffered
	}
	src := &errReader{r: br}
	return &jsonArraySource{
		src:  src,
		dec:  json.NewDecoder(src),
		obj:  objectReader{m: newMapper(o.Name, o.Columns), warn: o.Warn},
		warn: o.Warn,
	}
}

func (s *jsonArraySource) Next() (*models.Record, error) {
	for s.pending.empty() {
		if s.done {
			return nil, io.EOF
		}
		recs, err := s.next(s.pending.reset())
		if err != nil {
			return nil, err
		}
		s.pending.recs = recs
	}
	return s.pending.pop(), nil
}

// next appends the records of the next element to dst.
func (s *jsonArraySource) next(dst []*models.Record) ([]*models.Record, error) {
	name := s.obj.m.name
	if !s.started {
		s.started = true
		t, err := s.dec.Token()
		if err == io.EOF {
			s.done = true
			return dst, nil
		}
		if err != nil {
			return s.broken(dst, 1, 0, err)
		}
		if t != json.Delim('[') {
			s.done = true
			msg := fmt.Sprintf("input is not a JSON array (starts with %s)", tokenName(t))
			s.warn(msg)
			return append(dst, errorRecord(name, 1, msg, false)), nil
		}
	}
	start := s.dec.InputOffset()
	if !s.dec.More() {
		s.done = true
		if _, err := s.dec.Token(); err != nil {
			return s.broken(dst, s.index+1, start, err)
		}
		if _, err := s.dec.Token(); err != io.EOF {
			s.warn(fmt.Sprintf("ignoring data after the end of the JSON array at byte %d", s.dec.InputOffset()))
		}
		return dst, nil
	}
	s.index++
	var raw json.RawMessage
	if err := s.dec.Decode(&raw); err != nil {
		return s.broken(dst, s.index, start, err)
	}
	b, bad := sanitize(raw)
	return s.obj.appendRecords(dst, b, s.index, bad, "element"), nil
}

// broken ends the input after a decoding error at element index: an I/O
// error is returned; a syntax error becomes the last record. The decoder's
// own offsets are relative to where it resumed, so the message gives where
// the broken element starts instead.
func (s *jsonArraySource) broken(dst []*models.Record, index int64, start int64, err error) ([]*models.Record, error) {
	s.done = true
	if s.src.err != nil {
		return dst, fmt.Errorf("element %d: %w", index, s.src.err)
	}
	var what string
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		what = se.Error()
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		what = "unexpected end of input"
	default:
		what = err.Error()
	}
	msg := fmt.Sprintf("invalid JSON: %s in element %d (after byte %d); the rest of the array is skipped", what, index, start)
	s.warn(msg)
	return append(dst, errorRecord(s.obj.m.name, index, msg, false)), nil
}

func tokenName(t json.Token) string {
	switch t := t.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		return fmt.Sprintf("%q", string(t))
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", t)
}

func (s *jsonArraySource) Close() error {
	return nil
}
