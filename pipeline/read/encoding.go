package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeText returns the CSV input as UTF-8 without a byte order mark.
// UTF-16 has been decoded before (decodeUTF16).
//
// With encoding "auto" a UTF-8 BOM is dropped, and input whose first 64 KiB
// are not valid UTF-8 is read as Windows-1252, which is what German Excel
// writes for "CSV"; a warning says so. When the first 64 KiB are valid
// UTF-8 (without a BOM) the guess may still be wrong: perRow then says
// that each row that is not valid UTF-8 is to be read as Windows-1252
// (csvRows.text), so that a first umlaut after 64 KiB is not replaced.
// With encoding "utf-8" or a UTF-8 BOM invalid UTF-8 is replaced per cell
// and flagged on the record.
func decodeText(br *bufio.Reader, o Options) (in *bufio.Reader, perRow bool, err error) {
	sample, err := br.Peek(bufSize)
	atEOF := false
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		atEOF = true
	case errors.Is(err, bufio.ErrBufferFull):
	default:
		return nil, false, fmt.Errorf("detecting the encoding: %w", err)
	}
	if o.Encoding == "windows-1252" {
		return decoded(br, charmap.Windows1252.NewDecoder()), false, nil
	}
	if bytes.HasPrefix(sample, []byte(utf8BOM)) {
		_, _ = br.Discard(len(utf8BOM)) // cannot fail: the bytes are buffered
		return br, false, nil
	}
	if o.Encoding == "utf-8" {
		return br, false, nil
	}
	if !utf8.Valid(completeRunes(sample, atEOF)) {
		o.Warn("not valid UTF-8, reading it as Windows-1252")
		return decoded(br, charmap.Windows1252.NewDecoder()), false, nil
	}
	return br, true, nil
}

// decodeUTF16 returns the text input (CSV, JSON lines, JSON array) decoded
// to UTF-8 when it is UTF-16, and br itself otherwise. It runs before the
// format is sniffed, so that the sniffing sees the text, not the NUL bytes.
//
// With encoding "auto" (only then: "utf-8" and "windows-1252" say what the
// input is) UTF-16 is told by its BOM, FF FE or FE FF (Excel's "Unicode
// text", PowerShell's Out-File), which is dropped; or, without a BOM, by
// the NUL bytes of two ASCII characters in the first four bytes: "{\x00i\x00"
// (little endian) or "\x00{\x00i" (big endian). A JSON line or a CSV header
// starts with two ASCII characters often enough; UTF-8 text with NULs in
// exactly those places is not text, and the check costs four bytes.
//
// It peeks two bytes, and four only when the first two have a NUL: a
// UTF-16 line has at least four, so a tool that writes one line to stdin
// and waits is not blocked.
func decodeUTF16(br *bufio.Reader, o Options) (*bufio.Reader, error) {
	if o.Encoding != "auto" {
		return br, nil
	}
	b, err := peekUpTo(br, 2)
	if err != nil || len(b) < 2 {
		return br, err
	}
	var order unicode.Endianness
	bom := unicode.IgnoreBOM
	switch {
	case b[0] == 0xFF && b[1] == 0xFE:
		order, bom = unicode.LittleEndian, unicode.ExpectBOM
	case b[0] == 0xFE && b[1] == 0xFF:
		order, bom = unicode.BigEndian, unicode.ExpectBOM
	case (b[0] == 0) != (b[1] == 0):
		if b, err = peekUpTo(br, 4); err != nil || len(b) < 4 {
			return br, err
		}
		ascii := func(c byte) bool { return c != 0 && c < utf8.RuneSelf }
		switch {
		case ascii(b[0]) && b[1] == 0 && ascii(b[2]) && b[3] == 0:
			order = unicode.LittleEndian
		case b[0] == 0 && ascii(b[1]) && b[2] == 0 && ascii(b[3]):
			order = unicode.BigEndian
		default:
			return br, nil
		}
	default:
		return br, nil
	}
	return decoded(br, unicode.UTF16(order, bom).NewDecoder()), nil
}

// peekUpTo peeks n bytes, fewer at the end of the input.
func peekUpTo(br *bufio.Reader, n int) ([]byte, error) {
	b, err := br.Peek(n)
	if err != nil && len(b) < n && errors.Is(err, io.EOF) {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("detecting the encoding: %w", err)
	}
	return b, nil
}

func decoded(r io.Reader, t transform.Transformer) *bufio.Reader {
	return bufio.NewReaderSize(transform.NewReader(r, t), bufSize)
}

// completeRunes cuts a UTF-8 sequence that the end of the sample splits,
// so that the cut alone does not make the sample look invalid.
func completeRunes(b []byte, atEOF bool) []byte {
	if atEOF {
		return b
	}
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}
