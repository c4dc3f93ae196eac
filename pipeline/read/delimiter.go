package read

import (
	"bufio"
	"errors"
	"io"
)

// sniffLines is how many lines of the sample the delimiter guess looks at.
const sniffLines = 20

// sniffDelimiter guesses the delimiter from the start of the input: of ',',
// ';' and tab, the one found (outside quotes) in the header line and the
// same number of times in every following line wins; among those, the most
// frequent in the header. A German Excel export (';', with decimal commas
// in the cells) thus reads right. Without any, the input has one column and
// ',' will do.
func sniffDelimiter(br *bufio.Reader) (rune, error) {
	sample, err := br.Peek(bufSize)
	atEOF := errors.Is(err, io.EOF)
	if err != nil && !atEOF && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	candidates := [...]byte{'\t', ';', ','} // ties go to the least likely in text
	var counts [sniffLines][len(candidates)]int
	lines, inQuotes, empty := 0, false, true
	for i := 0; i < len(sample) && lines < sniffLines; i++ {
		c := sample[i]
		switch {
		case c == '"':
			inQuotes = !inQuotes
		case inQuotes:
		case c == '\n' || c == '\r' && i+1 < len(sample) && sample[i+1] != '\n':
			// A lone '\r' ends a line too (classic Mac line endings).
			if !empty {
				lines++
			}
			empty = true
			continue
		default:
			for k, d := range candidates {
				if c == d {
					counts[lines][k]++
				}
			}
		}
		if c != '\r' {
			empty = false
		}
	}
	if atEOF && !empty && lines < sniffLines {
		lines++ // the last line has no '\n'
	}
	best, bestCount, bestConsistent := ',', 0, false
	for k, d := range candidates {
		n := counts[0][k]
		if n == 0 {
			continue
		}
		consistent := true
		for l := 1; l < lines; l++ {
			if counts[l][k] != n {
				consistent = false
			}
		}
		if (consistent && !bestConsistent) || (consistent == bestConsistent && n > bestCount) {
			best, bestCount, bestConsistent = rune(d), n, consistent
		}
	}
	return best, nil
}
