package lexicons

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// SentiWS v2.0 (Remus, Quasthoff, Heyer 2010) is licensed CC BY-NC-SA 3.0:
// stimmung never ships it, but a user may load their own copy as a layer
// (Layer{Format: SentiWS, Kind: Polarity, Path: dir}).

// SentiWS file names in a SentiWS v2.0 directory.
const (
	SentiWSPositive = "SentiWS_v2.0_Positive.txt"
	SentiWSNegative = "SentiWS_v2.0_Negative.txt"
)

// SentiWSScale maps SentiWS weights (−1..+1) to stimmung's −4..+4: ×3, so
// that SentiWS's strongest words (|w| ≈ 1) land where VADER's strong words
// are (≈ ±3), and its many weak words (|w| < 0.1) stay near 0.
const SentiWSScale = 3

// ImportSentiWS reads the two SentiWS v2.0 files in dir (SentiWSPositive,
// SentiWSNegative) and returns exact polarity entries: every base form and
// every inflection, lower-cased, weight × SentiWSScale. A form listed
// twice (as the inflection of two base forms, or in both files) keeps the
// weight of larger magnitude, the first one on a tie.
func ImportSentiWS(dir string) ([]Entry, error) {
	return ImportSentiWSFS(os.DirFS(dir), ".")
}

// ImportSentiWSFS is ImportSentiWS on the directory dir of fsys.
func ImportSentiWSFS(fsys fs.FS, dir string) ([]Entry, error) {
	var all []Entry
	index := map[string]int{}
	for _, name := range []string{SentiWSPositive, SentiWSNegative} {
		p := path.Join(dir, name)
		f, err := fsys.Open(p)
		if err != nil {
			return nil, fmt.Errorf("lexicons: sentiws: %w", err)
		}
		es, err := ReadSentiWS(f, name)
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			mergeStronger(&all, index, e)
		}
	}
	return all, nil
}

// ReadSentiWS reads one SentiWS v2.0 file. Lines have the form
//
//	Wort|POS<TAB>weight[<TAB>inflection,inflection,...]
//
// with weights in −1..+1. Errors are *ParseError naming name and the line.
func ReadSentiWS(r io.Reader, name string) ([]Entry, error) {
	br := bufio.NewReader(r)
	var out []Entry
	index := map[string]int{}
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, &ParseError{File: name, Line: n, Msg: "read: " + err.Error(), Err: err}
		}
		if line == "" && err != nil {
			return out, nil
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) != "" {
			es, perr := sentiWSLine(line, name, n)
			if perr != nil {
				return nil, perr
			}
			for _, e := range es {
				mergeStronger(&out, index, e)
			}
		}
		if err != nil {
			return out, nil
		}
	}
}

func sentiWSLine(line, name string, n int) ([]Entry, *ParseError) {
	bad := func(format string, args ...any) *ParseError {
		return &ParseError{File: name, Line: n, Msg: fmt.Sprintf(format, args...)}
	}
	cols := strings.Split(line, "\t")
	if len(cols) < 2 || len(cols) > 3 {
		return nil, bad("want Wort|POS<TAB>weight[<TAB>inflections], got %d columns", len(cols))
	}
	word, pos, ok := strings.Cut(cols[0], "|")
	if !ok || strings.TrimSpace(word) == "" || strings.TrimSpace(pos) == "" {
		return nil, bad("%q: want Wort|POS", cols[0])
	}
	w, err := strconv.ParseFloat(strings.TrimSpace(cols[1]), 64)
	if err != nil || !plainNumber(strings.TrimSpace(cols[1])) || math.IsNaN(w) || w < -1 || w > 1 {
		return nil, bad("bad weight %q: want a number in -1..1", cols[1])
	}
	w = math.Round(w*SentiWSScale*1e4) / 1e4
	if w == 0 {
		w = 0
	}
	forms := []string{word}
	if len(cols) == 3 && strings.TrimSpace(cols[2]) != "" {
		forms = append(forms, strings.Split(cols[2], ",")...)
	}
	src := name + ":" + strconv.Itoa(n)
	var out []Entry
	for _, f := range forms {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if strings.ContainsAny(f, " \t") {
			return nil, bad("form %q contains a space", f)
		}
		out = append(out, Entry{Term: norm.NFC.String(strings.ToLower(f)), Weight: w, Kind: Polarity, Source: src})
	}
	return out, nil
}

// mergeStronger adds e to *es unless a form with the same term is there
// already with a weight of at least the same magnitude.
func mergeStronger(es *[]Entry, index map[string]int, e Entry) {
	i, ok := index[e.Term]
	if !ok {
		index[e.Term] = len(*es)
		*es = append(*es, e)
		return
	}
	if math.Abs(e.Weight) > math.Abs((*es)[i].Weight) {
		(*es)[i] = e
	}
}
