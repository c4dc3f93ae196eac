package read

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// openCSV reads a CSV (or TSV) export.
//
// LazyQuotes is on: survey comments typed by people contain bare quotes
// (Das war "super"), which strict parsing would turn into error records
// although the row is clear. A quote that opens a field and never closes
// still swallows the rest of the input into one cell; the column count
// check then reports that row.
func openCSV(br *bufio.Reader, o Options) (Source, error) {
	in, err := decodeText(br, o)
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
	// encoding/csv ends lines at '\n' only; lineEnds makes a lone '\r'
	// outside quotes one too.
	r := csv.NewReader(newCSVLineEnds(in, delim))
	r.Comma = delim
	r.FieldsPerRecord = -1 // counted against the header by the tabular code
	r.LazyQuotes = true
	r.ReuseRecord = true
	return newTabular(&csvRows{r: r, max: o.MaxLineBytes}, o, false), nil
}

type csvRows struct {
	r   *csv.Reader
	max int
}

func (c *csvRows) next() ([]string, int64, error) {
	start := c.r.InputOffset()
	cells, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, int64(pe.StartLine), &rowError{line: int64(pe.StartLine), msg: pe.Err.Error()}
		}
		return nil, 0, err
	}
	line, _ := c.r.FieldPos(0)
	// encoding/csv has no size limit; a row is measured once read, line
	// break included.
	if size := c.r.InputOffset() - start; size > int64(c.max) {
		return nil, int64(line), &rowError{line: int64(line), msg: fmt.Sprintf("row exceeds max_line_bytes (%d)", c.max)}
	}
	return cells, int64(line), nil
}

func (c *csvRows) close() error { return nil }
