package write

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Options configure a writer.
type Options struct {
	// Debug adds the sentences and tokens of each record.
	Debug bool
}

// JSONL writes one JSON object per record and line.
type JSONL struct {
	w   *bufio.Writer
	buf []byte
	o   Options
}

// NewJSONL returns a JSON lines writer on w.
func NewJSONL(w io.Writer, o Options) *JSONL {
	return &JSONL{w: bufio.NewWriterSize(w, 64<<10), o: o}
}

// Write appends one line for r.
func (j *JSONL) Write(r *models.Record) error {
	j.buf = AppendRecord(j.buf[:0], r, j.o)
	j.buf = append(j.buf, '\n')
	_, err := j.w.Write(j.buf)
	return err
}

// Flush writes buffered lines through.
func (j *JSONL) Flush() error { return j.w.Flush() }

// AppendRecord appends the JSON object of r to b. The key order is fixed:
// id, line, the input's fields in input order, then stimmung's fields.
func AppendRecord(b []byte, r *models.Record, o Options) []byte {
	b = append(b, `{"id":`...)
	b = jsontext.AppendString(b, r.ID)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, r.Line, 10)
	for _, f := range r.Fields {
		if reserved[f.Key] {
			continue
		}
		b = append(b, ',')
		b = jsontext.AppendString(b, f.Key)
		b = append(b, ':')
		b = appendRaw(b, f.Value)
	}
	if r.Err != nil {
		b = append(b, `,"error":{"stage":`...)
		b = jsontext.AppendString(b, r.Err.Stage)
		b = append(b, `,"message":`...)
		b = jsontext.AppendString(b, r.Err.Message)
		b = append(b, '}')
		b = appendStrings(b, "warnings", r.Warnings)
		return append(b, '}')
	}
	if r.Lang != "" {
		b = append(b, `,"lang":`...)
		b = jsontext.AppendString(b, r.Lang)
	}
	if r.LangSource != "" {
		b = append(b, `,"lang_source":`...)
		b = jsontext.AppendString(b, r.LangSource)
	}
	if r.TextColumn != "" {
		b = append(b, `,"text_column":`...)
		b = jsontext.AppendString(b, r.TextColumn)
	}
	if r.Text != r.Original && r.Text != "" {
		b = append(b, `,"text_normalized":`...)
		b = jsontext.AppendString(b, r.Text)
	}
	b = appendStrings(b, "flags", r.Flags)
	b = appendStrings(b, "warnings", r.Warnings)
	if o.Debug {
		b = append(b, `,"sentences":`...)
		b = AppendSentences(b, r)
		b = append(b, `,"tokens":`...)
		b = AppendTokens(b, r)
	}
	return append(b, '}')
}

// AppendSentences appends the sentences of r as a JSON array.
func AppendSentences(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, s := range r.Sentences {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = jsontext.AppendString(b, r.Text[s.Start:s.End])
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, '}')
	}
	return append(b, ']')
}

// AppendTokens appends the tokens of r as a JSON array.
func AppendTokens(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, t := range r.Tokens {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = jsontext.AppendString(b, t.Text)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(t.End), 10)
		b = append(b, `,"kind":"`...)
		b = append(b, t.Kind.String()...)
		b = append(b, '"')
		if t.Lower != "" && t.Lower != t.Text {
			b = append(b, `,"lower":`...)
			b = jsontext.AppendString(b, t.Lower)
		}
		if t.Stem != "" {
			b = append(b, `,"stem":`...)
			b = jsontext.AppendString(b, t.Stem)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendStrings(b []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsontext.AppendString(b, s)
	}
	return append(b, ']')
}

// appendRaw appends an input value. A value from a pretty-printed JSON array
// may span lines; it is compacted so that every record stays on one line.
func appendRaw(b []byte, v json.RawMessage) []byte {
	if len(v) == 0 {
		return append(b, "null"...)
	}
	if bytes.IndexByte(v, '\n') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return append(b, v...)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, v); err != nil {
		return jsontext.AppendString(b, string(v))
	}
	return append(b, c.Bytes()...)
}
