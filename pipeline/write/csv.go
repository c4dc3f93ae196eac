package write

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/encode"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// CSV writes one row per record. Its columns are stimmung's own, then the
// input's fields in the order of the first record that has any, then
// "extra": a JSON object with any field that a later record has beyond
// those, so that nothing is lost when JSON input varies from line to line.
type CSV struct {
	w       *csv.Writer
	o       Options
	keys    []string
	keySet  map[string]bool
	pending []*models.Record
	started bool
	row     []string
	buf     []byte
}

// coreColumns come first in every CSV output.
var coreColumns = []string{"id", "line", "lang", "lang_source", "text_column", "text_normalized", "flags", "warnings", "error_stage", "error_message",
	"sentiment_score", "sentiment_label", "sentiment_positive", "sentiment_negative", "sentiment_neutral",
	"themes", "nps_group", "csat_group", "effort", "urgency", "churn", "priority", "priority_reasons"}

// maxPending bounds how many records wait for the header to be decided
// (only records without fields wait: error lines at the very start).
const maxPending = 1000

// NewCSV returns a CSV writer on w.
func NewCSV(w io.Writer, o Options) *CSV {
	return &CSV{w: csv.NewWriter(w), o: o}
}

// Write adds the row of r.
func (c *CSV) Write(r *models.Record) error {
	if !c.started {
		c.pending = append(c.pending, r)
		if len(r.Fields) == 0 && len(c.pending) < maxPending {
			return nil
		}
		return c.start()
	}
	return c.writeRow(r)
}

// Flush writes finished rows through. It does not decide the header: rows
// wait for the first record with fields.
func (c *CSV) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Close writes any waiting rows and flushes.
func (c *CSV) Close() error {
	if !c.started {
		if err := c.start(); err != nil {
			return err
		}
	}
	return c.Flush()
}

func (c *CSV) start() error {
	c.started = true
	c.keySet = map[string]bool{}
	for _, r := range c.pending {
		if len(r.Fields) > 0 {
			for _, f := range r.Fields {
				if !encode.Reserved(f.Key) && !c.keySet[f.Key] {
					c.keys = append(c.keys, f.Key)
					c.keySet[f.Key] = true
				}
			}
			break
		}
	}
	header := append([]string{}, coreColumns...)
	if c.o.Debug {
		header = append(header, "sentences", "tokens")
	}
	header = append(header, c.keys...)
	header = append(header, "extra")
	if err := c.w.Write(header); err != nil {
		return err
	}
	for _, r := range c.pending {
		if err := c.writeRow(r); err != nil {
			return err
		}
	}
	c.pending = nil
	return nil
}

func (c *CSV) writeRow(r *models.Record) error {
	row := c.row[:0]
	var errStage, errMsg string
	if r.Err != nil {
		errStage, errMsg = r.Err.Stage, r.Err.Message
	}
	normalized := ""
	if r.Text != r.Original {
		normalized = r.Text
	}
	row = append(row, r.ID, strconv.FormatInt(r.Line, 10), r.Lang, r.LangSource, r.TextColumn, normalized,
		strings.Join(r.Flags, " "), strings.Join(r.Warnings, " "), errStage, errMsg)
	if s := r.Sentiment; s != nil {
		row = append(row, num(s.Score), s.Label, num(s.Positive), num(s.Negative), num(s.Neutral))
	} else {
		row = append(row, "", "", "", "", "")
	}
	row = append(row, themeCell(r.Themes))
	if s := r.Signals; s != nil {
		row = append(row, s.NPSGroup, s.CSATGroup, num(s.Effort), num(s.Urgency), num(s.Churn), strconv.Itoa(s.Priority), strings.Join(s.Reasons, "; "))
	} else {
		row = append(row, "", "", "", "", "", "", "")
	}
	if c.o.Debug {
		row = append(row, string(encode.AppendSentences(nil, r)), string(encode.AppendTokens(nil, r)))
	}
	for _, k := range c.keys {
		row = append(row, cell(r.Field(k)))
	}
	extra := c.buf[:0]
	for _, f := range r.Fields {
		if encode.Reserved(f.Key) || c.keySet[f.Key] {
			continue
		}
		if len(extra) == 0 {
			extra = append(extra, '{')
		} else {
			extra = append(extra, ',')
		}
		extra = jsontext.AppendString(extra, f.Key)
		extra = append(extra, ':')
		extra = encode.AppendRaw(extra, f.Value)
	}
	if len(extra) > 0 {
		extra = append(extra, '}')
	}
	row = append(row, string(extra))
	c.buf, c.row = extra, row
	return c.w.Write(row)
}

// themeCell lists the themes as path:label, space-separated
// ("delivery:negative service/friendliness:positive"): sortable and
// filterable in a spreadsheet, with the full data in the JSON output.
func themeCell(ts []models.Theme) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Path)
		b.WriteByte(':')
		b.WriteString(t.Label)
	}
	return b.String()
}

func num(f float64) string { return string(encode.AppendFloat(nil, f)) }

// cell turns a JSON value into CSV text: strings unquoted, null empty,
// numbers and booleans as written, objects and arrays as compact JSON.
func cell(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return ""
	}
	if v[0] == '"' {
		if s, ok := jsontext.Unquote(v); ok {
			return s
		}
	}
	if v[0] == '{' || v[0] == '[' {
		var b bytes.Buffer
		if json.Compact(&b, v) == nil {
			return b.String()
		}
	}
	return string(v)
}
