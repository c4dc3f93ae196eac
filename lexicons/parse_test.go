package lexicons

import (
	"errors"
	"io/fs"
	"math"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		in   string
		want string // the whole error text
	}{
		{"bad weight", Polarity, "gut\t1.9\nschlecht\tabc\n", `x.tsv:2: bad weight "abc": not a number`},
		{"NaN", Polarity, "gut\tNaN\n", `x.tsv:1: bad weight "NaN": not a number`},
		{"Inf", Polarity, "gut\t+Inf\n", `x.tsv:1: bad weight "+Inf": not a number`},
		{"hex float", Polarity, "gut\t0x1p1\n", `x.tsv:1: bad weight "0x1p1": not a number`},
		{"lone sign", Polarity, "gut\t-\n", `x.tsv:1: bad weight "-": not a number`},
		{"two points", Polarity, "gut\t1.2.3\n", `x.tsv:1: bad weight "1.2.3": not a number`},
		{"overflow", Polarity, "gut\t1e309\n", `x.tsv:1: bad weight "1e309": not a finite number`},
		{"unicode minus", Polarity, "mies\t−2\n", `x.tsv:1: bad weight "−2": use an ASCII minus sign (-)`},
		{"decimal comma", Polarity, "gut\t1,9\n", `x.tsv:1: bad weight "1,9": use a decimal point, not a comma`},
		{"match before weight", Polarity, "gut\tstem\n", `x.tsv:1: bad weight "stem": the weight comes before the match column`},
		{"polarity out of range", Polarity, "# c\n\ngut\t4.5\n", `x.tsv:3: weight 4.5 out of range -4..4 for polarity entries`},
		{"phrase out of range", Phrase, "nie wieder\t-5\n", `x.tsv:1: weight -5 out of range -4..4 for phrase entries`},
		{"emoji out of range", Emoji, "😡\t-9\n", `x.tsv:1: weight -9 out of range -4..4 for emoji entries`},
		{"negator out of range", Negator, "nicht\t-1.5\n", `x.tsv:1: weight -1.5 out of range -1..1 for negator entries`},
		{"modifier out of range", Modifier, "sehr\t2.5\n", `x.tsv:1: weight 2.5 out of range -2..2 for modifier entries`},
		{"contrast out of range", Contrast, "aber\t0.5\t3\n", `x.tsv:1: after weight 3 out of range 0..2 for contrast entries`},
		{"contrast negative", Contrast, "aber\t-0.5\t1.5\n", `x.tsv:1: weight -0.5 out of range 0..2 for contrast entries`},
		{"contrast needs after", Contrast, "aber\t0.5\n", `x.tsv:1: "aber": a contrast entry needs two weights, before and after`},
		{"contrast missing both", Contrast, "aber\n", `x.tsv:1: "aber": missing weights (before and after) column`},
		{"contrast too many", Contrast, "aber\t0.5\t1.5\t2\n", `x.tsv:1: "aber": too many columns (want term, before, after)`},
		{"compound modifier of two words", CompoundModifier, "super toll\t2\n", `x.tsv:1: compound modifier "super toll" has several words: give the first part of a compound (traum)`},
		{"compound modifier out of range", CompoundModifier, "traum\t5\n", `x.tsv:1: weight 5 out of range -4..4 for compound_modifier entries`},
		{"unknown match", Polarity, "gut\t1.9\tfuzzy\n", `x.tsv:1: "gut": unknown match "fuzzy": want exact or stem`},
		{"match upper case", Polarity, "gut\t1.9\tStem\n", `x.tsv:1: "gut": unknown match "Stem": want exact or stem`},
		{"stem on negator", Negator, "nicht\t-0.74\tstem\n", `x.tsv:1: "nicht": stem matching applies to polarity words only, not to negator entries`},
		{"stem on phrase", Phrase, "nie wieder\t-2\tstem\n", `x.tsv:1: "nie wieder": stem matching applies to polarity words only, not to phrase entries`},
		{"too many columns", Polarity, "gut\t1.9\tstem\textra\n", `x.tsv:1: "gut": too many columns (want term, weight[, match])`},
		{"missing weight", Polarity, "gut\n", `x.tsv:1: "gut": missing weight column`},
		{"spaces not tabs", Polarity, "gut 1.9\n", `x.tsv:1: "gut 1.9": columns are separated by tabs, not spaces`},
		{"duplicate", Polarity, "gut\t1.9\nschlecht\t-2.5\ngut\t2\n", `x.tsv:3: duplicate entry "gut" (exact): first at line 1`},
		{"duplicate stem", Polarity, "gut\t1.9\tstem\ngut\t2\tstem\n", `x.tsv:2: duplicate entry "gut" (stem): first at line 1`},
		{"duplicate negator", Negator, "nicht\t-0.74\nnicht\t-0.5\n", `x.tsv:2: duplicate entry "nicht": first at line 1`},
		{"duplicate emoji by key", Emoji, "❤\t3\n❤\ufe0f\t2\n", `x.tsv:2: duplicate entry "❤️": first at line 1`},
		{"duplicate emoticon by case", Emoji, ":D\t2\n:d\t2\n", `x.tsv:2: duplicate entry ":d": first at line 1`},
		{"not lower case", Polarity, "Verspätung\t-1.5\n", `x.tsv:1: term "Verspätung" is not lower case: write "verspätung"`},
		{"phrase not lower case", Phrase, "Nie wieder\t-2\n", `x.tsv:1: term "Nie wieder" is not lower case: write "nie wieder"`},
		{"polarity with space", Polarity, "nie wieder\t-2\n", `x.tsv:1: polarity term "nie wieder" has several words: put it in a phrase file`},
		{"phrase one word", Phrase, "nie\t-2\n", `x.tsv:1: phrase "nie" has one word: put it in a polarity file`},
		{"double space", Phrase, "nie  wieder\t-2\n", `x.tsv:1: term "nie  wieder": separate words by single spaces`},
		{"emoji with space", Emoji, "( '}{' )\t1.6\n", `x.tsv:1: emoji term "( '}{' )" contains a space`},
		{"control character", Polarity, "g\x01ut\t1\n", `x.tsv:1: term "g\x01ut" contains a control character`},
		{"invalid utf-8", Polarity, "gut\t1\n\xff\xfe\t1\n", `x.tsv:2: invalid UTF-8`},
		{"error after CRLF and BOM", Polarity, "\ufeffgut\t1.9\r\n\r\nmies\tx\r\n", `x.tsv:3: bad weight "x": not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := Parse(strings.NewReader(tt.in), "x.tsv", tt.kind)
			if err == nil {
				t.Fatalf("no error; entries %v", es)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if pe.File != "x.tsv" || pe.Line < 1 {
				t.Errorf("File %q Line %d", pe.File, pe.Line)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParseReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Parse(iotest.ErrReader(boom), "x.tsv", Polarity)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 1 || !errors.Is(err, boom) {
		t.Fatalf("got %v, want a *ParseError at line 1 wrapping boom", err)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		in   string
		want []Entry
	}{
		{
			name: "comments, blank lines, BOM, CRLF, no final newline",
			kind: Polarity,
			in:   "\ufeff# header\r\n\r\n  # indented comment\r\ngut\t1.9\r\nverspätung\t-1.5\tstem\r\nschön\t2.2\texact",
			want: []Entry{
				{Term: "gut", Weight: 1.9, Source: "x.tsv:4"},
				{Term: "verspätung", Weight: -1.5, Match: Stem, Source: "x.tsv:5"},
				{Term: "schön", Weight: 2.2, Source: "x.tsv:6"},
			},
		},
		{
			name: "aligned columns, trailing comment column, spaces around columns",
			kind: Polarity,
			in:   "gut\t\t1.9\t# common\nmies \t -2.6 \tstem\t# colloquial\n",
			want: []Entry{
				{Term: "gut", Weight: 1.9, Source: "x.tsv:1"},
				{Term: "mies", Weight: -2.6, Match: Stem, Source: "x.tsv:2"},
			},
		},
		{
			name: "exact and stem of one term are two entries; negative zero is zero",
			kind: Polarity,
			in:   "late\t-1.5\nlate\t-0\tstem\n",
			want: []Entry{
				{Term: "late", Weight: -1.5, Source: "x.tsv:1"},
				{Term: "late", Weight: 0, Match: Stem, Source: "x.tsv:2"},
			},
		},
		{
			name: "NFC: a decomposed umlaut is composed",
			kind: Polarity,
			in:   "pu\u0308nktlich\t1.5\n",
			want: []Entry{{Term: "pünktlich", Weight: 1.5, Source: "x.tsv:1"}},
		},
		{
			name: "contrast",
			kind: Contrast,
			in:   "aber\t0.5\t1.5\nauch wenn\t1.5\t0.5\n",
			want: []Entry{
				{Term: "aber", Weight: 0.5, After: 1.5, Kind: Contrast, Source: "x.tsv:1"},
				{Term: "auch wenn", Weight: 1.5, After: 0.5, Kind: Contrast, Source: "x.tsv:2"},
			},
		},
		{
			name: "emoticons keep their case; exponent notation",
			kind: Emoji,
			in:   ":D\t2.3\nXD\t2.5e0\n",
			want: []Entry{
				{Term: ":D", Weight: 2.3, Kind: Emoji, Source: "x.tsv:1"},
				{Term: "XD", Weight: 2.5, Kind: Emoji, Source: "x.tsv:2"},
			},
		},
		{
			name: "multi-word modifier, explicit exact",
			kind: Modifier,
			in:   "ein bisschen\t-0.293\texact\n",
			want: []Entry{{Term: "ein bisschen", Weight: -0.293, Kind: Modifier, Source: "x.tsv:1"}},
		},
		{name: "empty file", kind: Negator, in: "", want: nil},
		{name: "only comments", kind: Negator, in: "# a\n#b\n\n", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in), "x.tsv", tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d entries %v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				w := tt.want[i]
				w.Kind = tt.kind
				if got[i] != w {
					t.Errorf("entry %d\n got %+v\nwant %+v", i, got[i], w)
				}
			}
		})
	}
}

func TestKindRange(t *testing.T) {
	for k := Polarity; k <= Emoji; k++ {
		lo, hi := k.Range()
		if !(lo < hi) || lo < -4 || hi > 4 {
			t.Errorf("%s: range %g..%g", k, lo, hi)
		}
	}
}

// FuzzParse: no panic; every entry has a non-empty, trimmed term without
// tabs or newlines and a finite weight within its kind's range; every
// error is a *ParseError with a line number.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"gut\t1.9\nverspätung\t-1.5\tstem\n",
		"\ufeff# c\r\nnie wieder\t-2.5\r\n",
		"aber\t0.5\t1.5\n",
		":-)\t2\n❤\ufe0f\t3\n",
		"gut 1.9\n", "gut\tNaN\n", "gut\t1e309\n", "x\t1\tstem\tx\n", "\xff\t1\n", "\t\t\n#\n",
	}
	for _, s := range seeds {
		for k := range kindNames {
			f.Add([]byte(s), uint8(k))
		}
	}
	// The head of each built-in file.
	_ = fs.WalkDir(builtinFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(builtinFS, p)
		if err != nil {
			return err
		}
		if len(b) > 4096 {
			b = b[:4096]
		}
		f.Add(b, uint8(kindOfFile(p)))
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := Kind(k % uint8(len(kindNames)))
		es, err := Parse(strings.NewReader(string(data)), "fuzz.tsv", kind)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError: %v", err, err)
			}
			if pe.Line < 1 || pe.File != "fuzz.tsv" {
				t.Fatalf("bad position %s:%d", pe.File, pe.Line)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.tsv:") {
				t.Fatalf("error %q does not start with file:line", err)
			}
			return
		}
		lo, hi := kind.Range()
		for _, e := range es {
			if e.Term == "" || strings.TrimSpace(e.Term) != e.Term || strings.ContainsAny(e.Term, "\t\n\r") {
				t.Fatalf("bad term %q", e.Term)
			}
			for _, w := range []float64{e.Weight, e.After} {
				if math.IsNaN(w) || math.IsInf(w, 0) {
					t.Fatalf("%q: weight not finite", e.Term)
				}
			}
			if e.Weight < lo || e.Weight > hi {
				t.Fatalf("%q: weight %g out of range", e.Term, e.Weight)
			}
			if e.Kind != kind || e.Source == "" {
				t.Fatalf("%+v: kind or source", e)
			}
		}
	})
}

func kindOfFile(p string) Kind {
	for _, f := range builtinFiles {
		if f.path == p {
			return f.kind
		}
	}
	return Polarity
}
