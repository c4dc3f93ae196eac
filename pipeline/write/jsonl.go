package write

import (
	"bufio"
	"io"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/encode"
)

// Options configure a writer.
type Options struct {
	// Debug adds the sentences and tokens of each record.
	Debug bool
}

// encode returns the record encoding's options.
func (o Options) encode() encode.Options { return encode.Options{Debug: o.Debug} }

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
	j.buf = encode.AppendRecord(j.buf[:0], r, j.o.encode())
	j.buf = append(j.buf, '\n')
	_, err := j.w.Write(j.buf)
	return err
}

// Flush writes buffered lines through.
func (j *JSONL) Flush() error { return j.w.Flush() }

// AppendRecord appends the JSON object of r to b, as the JSON lines writer
// writes it: encode.AppendRecord with the writer's options.
func AppendRecord(b []byte, r *models.Record, o Options) []byte {
	return encode.AppendRecord(b, r, o.encode())
}

// AppendSentences is encode.AppendSentences.
func AppendSentences(b []byte, r *models.Record) []byte { return encode.AppendSentences(b, r) }

// AppendThemes is encode.AppendThemes.
func AppendThemes(b []byte, ts []models.Theme) []byte { return encode.AppendThemes(b, ts) }

// AppendExplain is encode.AppendExplain.
func AppendExplain(b []byte, r *models.Record) []byte { return encode.AppendExplain(b, r) }

// AppendTokens is encode.AppendTokens.
func AppendTokens(b []byte, r *models.Record) []byte { return encode.AppendTokens(b, r) }
