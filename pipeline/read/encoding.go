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
//
// With encoding "auto" a UTF-16 BOM (Excel's "Unicode text") selects UTF-16,
// a UTF-8 BOM is dropped, and input whose first 64 KiB are not valid UTF-8
// is read as Windows-1252, which is what German Excel writes for "CSV"; a
// warning says so. Invalid UTF-8 further on is replaced per cell and
// flagged on the record.
func decodeText(br *bufio.Reader, o Options) (*bufio.Reader, error) {
	sample, err := br.Peek(bufSize)
	atEOF := false
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		atEOF = true
	case errors.Is(err, bufio.ErrBufferFull):
	default:
		return nil, fmt.Errorf("detecting the encoding: %w", err)
	}
	if o.Encoding == "windows-1252" {
		return decoded(br, charmap.Windows1252.NewDecoder()), nil
	}
	if bytes.HasPrefix(sample, []byte(utf8BOM)) {
		_, _ = br.Discard(len(utf8BOM)) // cannot fail: the bytes are buffered
		return br, nil
	}
	if o.Encoding == "utf-8" {
		return br, nil
	}
	if bytes.HasPrefix(sample, []byte{0xFF, 0xFE}) || bytes.HasPrefix(sample, []byte{0xFE, 0xFF}) {
		// ExpectBOM takes the byte order from the BOM and drops it.
		return decoded(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), nil
	}
	if !utf8.Valid(completeRunes(sample, atEOF)) {
		o.Warn("not valid UTF-8, reading it as Windows-1252")
		return decoded(br, charmap.Windows1252.NewDecoder()), nil
	}
	return br, nil
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
