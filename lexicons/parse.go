package lexicons

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ParseError is an error in a lexicon file. It prints as "file:line: msg",
// the form editors and CI annotations understand.
type ParseError struct {
	File string
	Line int
	Msg  string
	// Err is the underlying error (a read error), or nil.
	Err error
}

func (e *ParseError) Error() string {
	if e.Line == 0 { // the file could not be read
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Range returns the weights an entry of kind k may have, both ends
// included. For Contrast it is the range of both numbers (before, after).
//
//	polarity, phrase, emoji  −4 .. +4  (VADER's scale)
//	negator                  −1 .. +1  (a scalar: VADER's −0.74; 0 switches the negator off)
//	modifier                 −2 .. +2  (added to the magnitude: VADER's ±0.293)
//	contrast                  0 .. 2   (scales the clause before / after: 0.5 and 1.5 for "but")
func (k Kind) Range() (min, max float64) {
	switch k {
	case Negator:
		return -1, 1
	case Modifier:
		return -2, 2
	case Contrast:
		return 0, 2
	case List:
		return 0, 0
	}
	return -4, 4
}

// Parse reads one lexicon file of the given kind. name is used in errors
// and in Entry.Source ("name:line").
//
// Format, one entry a line, columns separated by tabs (a run of tabs counts
// as one separator, so columns may be aligned):
//
//	term<TAB>weight[<TAB>match]     polarity (match "exact", the default, or "stem")
//	term<TAB>weight                 phrase, negator, modifier, emoji
//	term<TAB>before<TAB>after       contrast
//	list<TAB>term                   list (a word list: list is its name, e.g. post_negator)
//	verb<TAB>weight[<TAB>forms]     separable (forms: irregular forms without the particle, comma-separated)
//
// Blank lines and lines whose first non-blank character is "#" are
// comments; a column starting with "#" starts a comment that runs to the
// end of the line. A UTF-8 byte order mark and CRLF line ends are accepted.
// Terms are NFC-normalized; spaces around columns are trimmed.
//
// Rules, each an error naming file and line: a term is lower case (emoji
// and emoticons excepted: they are matched through EmojiKey, which folds
// ASCII case); a polarity or emoji term is one word, a phrase two or more,
// separated by single spaces; a weight is a plain decimal number within
// Kind.Range; "stem" applies to polarity entries only; a term appears once
// per file (per match for polarity; per EmojiKey for emoji).
//
// Parse stops at the first error and returns it as a *ParseError.
func Parse(r io.Reader, name string, kind Kind) ([]Entry, error) {
	if int(kind) >= len(kindNames) {
		return nil, fmt.Errorf("lexicons: parse %s: unknown kind %d", name, kind)
	}
	p := parser{name: name, kind: kind, seen: make(map[string]int)}
	br := bufio.NewReader(r)
	var out []Entry
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, &ParseError{File: name, Line: lineNo, Msg: "read: " + err.Error(), Err: err}
		}
		if line == "" && err != nil {
			return out, nil
		}
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		e, ok, perr := p.line(line, lineNo)
		if perr != nil {
			return nil, perr
		}
		if ok {
			out = append(out, e)
		}
		if err != nil {
			return out, nil
		}
	}
}

type parser struct {
	name string
	kind Kind
	// seen maps an entry's key (see entryKey) to the line that set it.
	seen map[string]int
}

func (p *parser) errorf(line int, format string, args ...any) *ParseError {
	return &ParseError{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// line parses one line; ok is false for comments and blank lines.
func (p *parser) line(line string, n int) (e Entry, ok bool, err *ParseError) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" || trimmed[0] == '#' {
		return Entry{}, false, nil
	}
	if !utf8.ValidString(line) {
		return Entry{}, false, p.errorf(n, "invalid UTF-8")
	}
	cols := columns(line)
	if len(cols) == 0 {
		return Entry{}, false, nil
	}
	if p.kind == List {
		return p.listLine(cols, n)
	}
	if len(cols) < 2 {
		if i := strings.LastIndexByte(cols[0], ' '); i > 0 && plainNumber(cols[0][i+1:]) {
			return Entry{}, false, p.errorf(n, "%q: columns are separated by tabs, not spaces", cols[0])
		}
		what := "weight"
		if p.kind == Contrast {
			what = "weights (before and after)"
		}
		return Entry{}, false, p.errorf(n, "%q: missing %s column", cols[0], what)
	}
	term, perr := p.term(cols[0], n)
	if perr != nil {
		return Entry{}, false, perr
	}
	e = Entry{Term: term, Kind: p.kind, Source: p.name + ":" + strconv.Itoa(n)}
	if e.Weight, perr = p.number(cols[1], n, "weight"); perr != nil {
		return Entry{}, false, perr
	}
	switch p.kind {
	case Contrast:
		if len(cols) < 3 {
			return Entry{}, false, p.errorf(n, "%q: a contrast entry needs two weights, before and after", term)
		}
		if e.After, perr = p.number(cols[2], n, "after weight"); perr != nil {
			return Entry{}, false, perr
		}
		if len(cols) > 3 {
			return Entry{}, false, p.errorf(n, "%q: too many columns (want term, before, after)", term)
		}
	case Separable:
		if len(cols) > 2 {
			if e.Forms, perr = p.forms(cols[2], n); perr != nil {
				return Entry{}, false, perr
			}
		}
		if len(cols) > 3 {
			return Entry{}, false, p.errorf(n, "%q: too many columns (want verb, weight[, forms])", term)
		}
	default:
		if len(cols) > 2 {
			switch cols[2] {
			case "exact":
				e.Match = Exact
			case "stem":
				if p.kind != Polarity {
					return Entry{}, false, p.errorf(n, "%q: stem matching applies to polarity words only, not to %s entries", term, p.kind)
				}
				e.Match = Stem
			default:
				return Entry{}, false, p.errorf(n, "%q: unknown match %q: want exact or stem", term, cols[2])
			}
		}
		if len(cols) > 3 {
			return Entry{}, false, p.errorf(n, "%q: too many columns (want term, weight[, match])", term)
		}
	}
	key := entryKey(e)
	if first, dup := p.seen[key]; dup {
		what := ""
		if p.kind == Polarity {
			what = " (" + e.Match.String() + ")"
		}
		return Entry{}, false, p.errorf(n, "duplicate entry %q%s: first at line %d", term, what, first)
	}
	p.seen[key] = n
	return e, true, nil
}

// columns splits a line at tabs, dropping empty columns (runs of tabs) and
// everything from a column that starts with "#".
func columns(line string) []string {
	var cols []string
	for f := range strings.SplitSeq(line, "\t") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if f[0] == '#' && len(cols) > 0 {
			break
		}
		cols = append(cols, f)
	}
	return cols
}

func (p *parser) term(t string, n int) (string, *ParseError) {
	for _, r := range t {
		if unicode.IsControl(r) {
			return "", p.errorf(n, "term %q contains a control character", t)
		}
	}
	t = norm.NFC.String(t)
	if p.kind != Emoji {
		if lower := strings.ToLower(t); lower != t {
			return "", p.errorf(n, "term %q is not lower case: write %q", t, lower)
		}
	}
	if strings.Contains(t, "  ") {
		return "", p.errorf(n, "term %q: separate words by single spaces", t)
	}
	words := strings.Count(t, " ") + 1
	switch {
	case p.kind == Polarity && words > 1:
		return "", p.errorf(n, "polarity term %q has several words: put it in a phrase file", t)
	case p.kind == Emoji && words > 1:
		return "", p.errorf(n, "emoji term %q contains a space", t)
	case p.kind == CompoundModifier && words > 1:
		return "", p.errorf(n, "compound modifier %q has several words: give the first part of a compound (traum)", t)
	case p.kind == Separable && words > 1:
		return "", p.errorf(n, "separable verb %q has several words: write the infinitive with its particle (abstürzen)", t)
	case p.kind == Phrase && words < 2:
		return "", p.errorf(n, "phrase %q has one word: put it in a polarity file", t)
	}
	return t, nil
}

func (p *parser) number(s string, n int, what string) (float64, *ParseError) {
	lo, hi := p.kind.Range()
	if !plainNumber(s) {
		switch {
		case strings.Contains(s, "−"):
			return 0, p.errorf(n, "bad %s %q: use an ASCII minus sign (-)", what, s)
		case strings.Contains(s, ","):
			return 0, p.errorf(n, "bad %s %q: use a decimal point, not a comma", what, s)
		case s == "exact" || s == "stem":
			return 0, p.errorf(n, "bad %s %q: the weight comes before the match column", what, s)
		}
		return 0, p.errorf(n, "bad %s %q: not a number", what, s)
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange) || math.IsInf(v, 0):
		return 0, p.errorf(n, "bad %s %q: not a finite number", what, s)
	case err != nil || math.IsNaN(v):
		return 0, p.errorf(n, "bad %s %q: not a number", what, s)
	}
	if v < lo || v > hi {
		return 0, p.errorf(n, "%s %s out of range %g..%g for %s entries", what, s, lo, hi, p.kind)
	}
	if v == 0 {
		v = 0 // no negative zero: it would print as "-0" and change the version hash
	}
	return v, nil
}

// listLine parses a line of a word-list file: list<TAB>term.
func (p *parser) listLine(cols []string, n int) (Entry, bool, *ParseError) {
	name := cols[0]
	if !validListName(name) {
		return Entry{}, false, p.errorf(n, "list name %q: want lower-case letters, digits and _ (post_negator)", name)
	}
	if len(cols) < 2 {
		return Entry{}, false, p.errorf(n, "%q: missing term column (want list<TAB>term)", name)
	}
	if len(cols) > 2 {
		return Entry{}, false, p.errorf(n, "%q: too many columns (want list<TAB>term)", name)
	}
	term, perr := p.term(cols[1], n)
	if perr != nil {
		return Entry{}, false, perr
	}
	e := Entry{Term: term, List: name, Kind: List, Source: p.name + ":" + strconv.Itoa(n)}
	key := entryKey(e)
	if first, dup := p.seen[key]; dup {
		return Entry{}, false, p.errorf(n, "duplicate entry %q in list %s: first at line %d", term, name, first)
	}
	p.seen[key] = n
	return e, true, nil
}

func validListName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// forms parses the forms column of a separable verb: words separated by
// commas ("fällt,fiel,fielen").
func (p *parser) forms(s string, n int) (string, *ParseError) {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		f = norm.NFC.String(strings.TrimSpace(f))
		switch {
		case f == "":
			return "", p.errorf(n, "forms %q: an empty form (want words separated by commas)", s)
		case strings.ContainsAny(f, " \t"):
			return "", p.errorf(n, "forms %q: separate forms by commas, not spaces", s)
		case strings.ToLower(f) != f:
			return "", p.errorf(n, "form %q is not lower case", f)
		case plainNumber(f):
			return "", p.errorf(n, "forms %q: a number where forms belong (one weight only)", s)
		}
		out = append(out, f)
	}
	return strings.Join(out, ","), nil
}

// plainNumber reports whether s looks like a decimal number: optional sign,
// digits, at most one point, optional exponent. It keeps "NaN", "Inf" and
// hexadecimal floats, which strconv accepts, out of lexicon files.
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	digits := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E':
		default:
			return false
		}
	}
	return digits
}

// entryKey identifies an entry within its kind: the term, plus the match
// for polarity, the EmojiKey for emoji. A later entry with the same key
// overrides an earlier one when layers merge.
func entryKey(e Entry) string {
	switch e.Kind {
	case Polarity:
		if e.Match == Stem {
			return "s " + e.Term
		}
		return "w " + e.Term
	case Emoji:
		return EmojiKey(e.Term)
	case List:
		return e.List + "\t" + e.Term
	}
	return e.Term
}
