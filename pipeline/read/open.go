package read

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

const (
	defaultMaxLineBytes = 1 << 20
	// bufSize is the read buffer and the sample that encoding and delimiter
	// detection look at.
	bufSize = 64 << 10
)

// Open returns a Source over r. Options are checked before any input is
// read. The format is sniffed unless opts.Format names it: a known file
// extension of opts.Name decides first (.jsonl, .ndjson, .json, .csv, .tsv,
// .txt, .xlsx), then the content ('{' JSON lines, '[' JSON array, a ZIP
// header XLSX, anything else CSV). A .json file, or Format "json", that
// starts with '{' is read as JSON lines, since many tools write those under
// .json.
//
// When neither Format nor the name tells the format, Open reads nothing and
// the first Next sniffs, reading only as far as it must, so that a tool
// writing one line to stdin and waiting for the answer is not blocked; an
// input that is then found unreadable (a broken XLSX) fails that Next
// instead of Open. The Source does not close r: whoever opened it does.
func Open(r io.Reader, opts Options) (Source, error) {
	o, err := checkOptions(opts)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, bufSize)
	format := o.Format
	if format == "auto" {
		format = formatFromName(o.Name)
	}
	if format == "auto" {
		// Only the input can tell, and it may not have been written yet
		// (a tool streaming to stdin): sniff on the first Next, not here.
		return &lazySource{open: func() (Source, error) {
			text, err := decodeUTF16(br, o)
			if err != nil {
				return nil, err
			}
			format, err := sniff(text)
			if err != nil {
				return nil, fmt.Errorf("sniffing the format: %w", err)
			}
			if format == "xlsx" && text != br {
				format = "csv" // UTF-16 text, not a ZIP file
			}
			return open(r, br, text, o, format)
		}}, nil
	}
	return open(r, br, nil, o, format)
}

// open opens the input in the given format. text is br decoded from UTF-16
// when it was, or nil when that has not been looked at yet.
func open(r io.Reader, br, text *bufio.Reader, o Options, format string) (Source, error) {
	if format == "xlsx" {
		return openXLSX(r, br, o)
	}
	if format == "jsonl" && text == nil {
		// Open reads nothing of JSON lines (a tool may stream them to
		// stdin): the encoding is looked at on the first Next.
		return &lazySource{open: func() (Source, error) {
			text, err := decodeUTF16(br, o)
			if err != nil {
				return nil, err
			}
			return open(r, br, text, o, "jsonl")
		}}, nil
	}
	if text == nil {
		var err error
		if text, err = decodeUTF16(br, o); err != nil {
			return nil, err
		}
	}
	if format == "json" {
		sniffed, err := sniff(text)
		if err != nil {
			return nil, fmt.Errorf("sniffing the format: %w", err)
		}
		if sniffed == "jsonl" {
			format = "jsonl"
		}
	}
	switch format {
	case "jsonl":
		return newJSONL(bufio.NewReaderSize(newJSONLLineEnds(text), bufSize), o), nil
	case "json":
		return newJSONArray(text, o), nil
	default:
		return openCSV(text, o)
	}
}

// lazySource opens the input on the first call of Next.
type lazySource struct {
	open func() (Source, error)
	src  Source
	err  error
}

func (l *lazySource) Next() (*models.Record, error) {
	if l.src == nil && l.err == nil {
		l.src, l.err = l.open()
	}
	if l.err != nil {
		return nil, l.err
	}
	return l.src.Next()
}

func (l *lazySource) Close() error {
	if l.src == nil {
		return nil
	}
	return l.src.Close()
}

// checkOptions fills in defaults and rejects bad options, naming the option.
func checkOptions(o Options) (Options, error) {
	if o.Name == "" {
		o.Name = "stdin"
	}
	switch f := strings.ToLower(o.Format); f {
	case "", "auto":
		o.Format = "auto"
	case "jsonl", "ndjson":
		o.Format = "jsonl"
	case "json", "csv", "xlsx":
		o.Format = f
	case "tsv":
		o.Format = "csv"
		if o.Delimiter == "" || o.Delimiter == "auto" {
			o.Delimiter = "\t"
		}
	default:
		return o, fmt.Errorf("format: unknown format %q (want auto, jsonl, json, csv or xlsx)", o.Format)
	}
	switch e := strings.ToLower(strings.ReplaceAll(o.Encoding, "_", "-")); e {
	case "", "auto":
		o.Encoding = "auto"
	case "utf-8", "utf8":
		o.Encoding = "utf-8"
	case "windows-1252", "cp1252":
		o.Encoding = "windows-1252"
	default:
		return o, fmt.Errorf("encoding: unknown encoding %q (want auto, utf-8 or windows-1252)", o.Encoding)
	}
	switch o.Delimiter {
	case "", "auto":
		o.Delimiter = "auto"
	case "tab", `\t`:
		o.Delimiter = "\t"
	default:
		r, size := utf8.DecodeRuneInString(o.Delimiter)
		if size != len(o.Delimiter) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' {
			return o, fmt.Errorf("delimiter: invalid delimiter %q (want auto, \",\", \";\", \"\\t\" or another single character)", o.Delimiter)
		}
	}
	switch p := strings.ToLower(o.Preset); p {
	case "", "qualtrics":
		o.Preset = p
	default:
		return o, fmt.Errorf("preset: unknown preset %q (want qualtrics)", o.Preset)
	}
	if o.SkipRows < 0 {
		return o, fmt.Errorf("skip_rows: %d is negative", o.SkipRows)
	}
	if o.MaxLineBytes < 0 {
		return o, fmt.Errorf("max_line_bytes: %d is negative", o.MaxLineBytes)
	}
	if o.MaxLineBytes == 0 {
		o.MaxLineBytes = defaultMaxLineBytes
	}
	if len(o.Columns.Text) == 0 {
		return o, errors.New("columns.text: no text column given (DefaultColumns has \"text\")")
	}
	seen := make(map[string]bool, len(o.Columns.Text))
	for i, t := range o.Columns.Text {
		if t == "" {
			return o, fmt.Errorf("columns.text[%d]: empty column name", i)
		}
		if seen[t] {
			return o, fmt.Errorf("columns.text[%d]: %q is listed twice", i, t)
		}
		seen[t] = true
	}
	if o.Warn == nil {
		o.Warn = func(string) {}
	}
	return o, nil
}

// formatFromName returns the format a file extension stands for, or "auto".
func formatFromName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".json":
		return "json"
	case ".csv", ".tsv", ".txt":
		return "csv"
	case ".xlsx", ".xlsm":
		return "xlsx"
	}
	return "auto"
}

// sniff guesses the format from the first bytes. It peeks one byte at a
// time past a BOM and white space: asking bufio for more bytes than are on
// their way would block a caller that streams one line and waits.
func sniff(br *bufio.Reader) (string, error) {
	peek := func(n int) ([]byte, bool, error) {
		b, err := br.Peek(n)
		if len(b) == n {
			return b, true, nil
		}
		if err == io.EOF || errors.Is(err, bufio.ErrBufferFull) {
			err = nil
		}
		return b, false, err
	}
	for i := 0; ; i++ {
		b, ok, err := peek(i + 1)
		if err != nil {
			return "", err
		}
		if !ok {
			// Empty or blank input: JSON lines reads it as what it is.
			return "jsonl", nil
		}
		c := b[i]
		if i == 0 {
			switch c {
			case 0xEF:
				if b, ok, err := peek(3); err != nil {
					return "", err
				} else if ok && string(b) == utf8BOM {
					i = 2
					continue
				}
			case 0xFF, 0xFE: // UTF-16 BOM: Excel's "Unicode text"
				return "csv", nil
			case 'P':
				if b, ok, err := peek(4); err != nil {
					return "", err
				} else if ok && string(b) == "PK\x03\x04" {
					return "xlsx", nil
				}
			}
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return "jsonl", nil
		case '[':
			return "json", nil
		}
		return "csv", nil
	}
}
