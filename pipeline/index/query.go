package index

import (
	"fmt"
	"math"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/stimmung/stimmung/models"
)

// fieldAliases map the field names a user may write in a query to index
// fields. "text" (or no field) means every text field.
var fieldAliases = map[string]string{
	"themes": FieldTheme, "flag": FieldFlags, "sentiment": FieldScore, "group": FieldNPSGroup,
}

// queryFields are the fields a query may name, for error messages.
func queryFields() []string {
	out := []string{"text"}
	out = append(out, KeywordFields...)
	out = append(out, NumericFields...)
	out = append(out, FieldDate, FieldThemeScore+".PATH")
	return out
}

func isKeyword(f string) bool { return slices.Contains(KeywordFields, f) }
func isNumeric(f string) bool {
	return slices.Contains(NumericFields, f) || strings.HasPrefix(f, FieldThemeScore+".")
}

// resolveField maps a field written in a query to the index fields it
// means: nil for the text fields; an error for a field the index does not
// have.
func resolveField(f string) ([]string, error) {
	if f == "" || f == "text" {
		return nil, nil
	}
	if a, ok := fieldAliases[f]; ok {
		f = a
	}
	if isKeyword(f) || isNumeric(f) || f == FieldDate || slices.Contains(TextFields, f) {
		return []string{f}, nil
	}
	return nil, fmt.Errorf("unknown field %q (fields: %s)", f, strings.Join(queryFields(), ", "))
}

// Limits of a query string. Bleve's cost grows faster than linearly with
// the number of terms (1,000 repeats of one word took 25 s, 5,000 prefix
// terms over 300 s), so a longer query is refused before Bleve sees it.
const (
	// MaxQueryBytes is the longest query string.
	MaxQueryBytes = 4096
	// MaxQueryWords is the most words (runs of letters and digits) a query
	// may hold: `date:>"2024-03-01"` counts 4.
	MaxQueryWords = 100
)

// checkQuerySize refuses a query over the limits; the message does not
// quote the query, which may be long.
func checkQuerySize(q string) error {
	if len(q) > MaxQueryBytes {
		return fmt.Errorf("query of %d bytes: at most %d bytes", len(q), MaxQueryBytes)
	}
	words := 0
	inWord := false
	for _, c := range q {
		w := unicode.IsLetter(c) || unicode.IsNumber(c)
		if w && !inWord {
			words++
		}
		inWord = w
	}
	if words > MaxQueryWords {
		return fmt.Errorf("query of %d words: at most %d words", words, MaxQueryWords)
	}
	return nil
}

// ParseQuery parses Bleve's query-string syntax and points every part at
// the right fields: words without a field search the text of every
// language, each with its own analyzer (the index has no _all field);
// wildcards and regular expressions are lower-cased, and for German
// folded like the stems (ä → a, ß → ss). An empty query matches every
// document.
func ParseQuery(q string) (query.Query, error) {
	if err := checkQuerySize(q); err != nil {
		return nil, err
	}
	if strings.TrimSpace(q) == "" {
		return bleve.NewMatchAllQuery(), nil
	}
	translated, err := translateBoolean(q)
	if err != nil {
		return nil, fmt.Errorf("query %q: %v", q, err)
	}
	parsed, err := query.NewQueryStringQuery(translated).Parse()
	if err != nil {
		return nil, fmt.Errorf("query %q: %s", q, queryErrorText(err))
	}
	out, err := rewrite(parsed)
	if err != nil {
		return nil, fmt.Errorf("query %q: %w", q, err)
	}
	if out == nil {
		return bleve.NewMatchNoneQuery(), nil
	}
	return out, nil
}

// queryErrorText makes the parser's messages readable: it reports
// "syntax error" with the token it stopped at.
func queryErrorText(err error) string {
	msg := err.Error()
	if strings.Contains(msg, "invalid boost value") {
		// Bleve's lexer reads ^ as a boost even inside /.../.
		msg = "^ is a boost (word^2) in this syntax, also inside a regular expression: list the characters a class matches ([a-wyz]) instead of [^x]"
	}
	msg = strings.ReplaceAll(msg, "parse error: ", "")
	msg = strings.ReplaceAll(msg, "\n", "; ")
	return msg + ` (syntax: words, "a phrase", field:value, +must, -mustnot, prefix*, fuzzy~1, score:<-0.3, date:>"2024-03-01")`
}

// MaxFuzziness is the most edits a fuzzy word (word~2) may allow: Bleve
// builds its automata for 1 and 2 only.
const MaxFuzziness = 2

func checkFuzziness(n int) error {
	if n > MaxFuzziness {
		return fmt.Errorf("fuzziness %d: a fuzzy word allows at most %d edits (word~1 or word~2)", n, MaxFuzziness)
	}
	return nil
}

// rewrite returns q with its fields resolved; nil drops q (the number
// half of a bare number, which Bleve also tries as a numeric range on the
// default field).
func rewrite(q query.Query) (query.Query, error) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		var err error
		if q.Must, err = rewrite(q.Must); err != nil {
			return nil, err
		}
		if q.Should, err = rewrite(q.Should); err != nil {
			return nil, err
		}
		if q.MustNot, err = rewrite(q.MustNot); err != nil {
			return nil, err
		}
		return q, nil
	case *query.ConjunctionQuery:
		out, err := rewriteAll(q.Conjuncts)
		q.Conjuncts = out
		return q, err
	case *query.DisjunctionQuery:
		out, err := rewriteAll(q.Disjuncts)
		if err != nil || len(out) == 0 {
			return nil, err
		}
		q.Disjuncts = out
		return q, nil
	case *query.MatchQuery:
		if err := checkFuzziness(q.Fuzziness); err != nil {
			return nil, err
		}
		return perField(q.FieldVal, func(f string) query.Query { c := *q; c.FieldVal = f; return &c })
	case *query.FuzzyQuery:
		if err := checkFuzziness(q.Fuzziness); err != nil {
			return nil, err
		}
		return q, nil
	case *query.MatchPhraseQuery:
		if err := checkFuzziness(q.Fuzziness); err != nil {
			return nil, err
		}
		return perField(q.FieldVal, func(f string) query.Query {
			if isKeyword(f) {
				// A keyword field keeps no positions, which a phrase needs:
				// theme:"service/reachability" is the value as a whole.
				return termQuery(f, q.MatchPhrase)
			}
			c := *q
			c.FieldVal = f
			return &c
		})
	case *query.WildcardQuery:
		return perField(q.FieldVal, func(f string) query.Query {
			c := *q
			c.FieldVal = f
			c.Wildcard = foldTerm(f, c.Wildcard)
			return &c
		})
	case *query.RegexpQuery:
		re, err := syntax.Parse(q.Regexp, syntax.Perl)
		if err != nil {
			return nil, fmt.Errorf("regular expression /%s/ is not valid: %v", q.Regexp, err)
		}
		if n := regexpParts(re.Simplify()); n > maxRegexpParts {
			return nil, fmt.Errorf("regular expression /%s/ has %d parts once its repeats are written out, at most %d: a longer one can take Bleve seconds of work before it gives up; shorten it, or use a wildcard (word*)", q.Regexp, n, maxRegexpParts)
		}
		return perField(q.FieldVal, func(f string) query.Query {
			c := *q
			c.FieldVal = f
			c.Regexp = foldTerm(f, c.Regexp)
			return &c
		})
	case *query.NumericRangeQuery:
		if q.FieldVal == "" {
			return nil, nil
		}
		fs, err := resolveField(q.FieldVal)
		if err != nil {
			return nil, err
		}
		if len(fs) != 1 || !isNumeric(fs[0]) {
			return nil, fmt.Errorf("field %s holds no numbers: a range like %s:<5 needs one of %s", q.FieldVal, q.FieldVal, strings.Join(NumericFields, ", "))
		}
		return newNumberRange(fs[0], q.Min, q.Max, q.InclusiveMin == nil || *q.InclusiveMin, q.InclusiveMax != nil && *q.InclusiveMax), nil
	case *query.DateRangeQuery:
		fs, err := resolveField(q.FieldVal)
		if err != nil {
			return nil, err
		}
		if len(fs) != 1 || fs[0] != FieldDate {
			return nil, fmt.Errorf("a date range needs the field date (date:>\"2024-03-01\")")
		}
		return newDateRange(FieldDate, q.Start.Time, q.End.Time, q.InclusiveStart == nil || *q.InclusiveStart, q.InclusiveEnd != nil && *q.InclusiveEnd), nil
	}
	return q, nil
}

// maxRegexpParts bounds a regular expression's size with its repeats
// written out (x{3} is three parts). Bleve turns a regexp into an
// automaton of up to 10,000 states before it gives up, and each state
// costs in proportion to the expression: /[a-z]*x[a-z]{500}/ took 4.5–8 s
// of CPU per request, {20} 0.6 s, on 100,000 comments (the server's load
// test). 40 parts keeps the worst case well under a second.
const maxRegexpParts = 40

// regexpParts counts the nodes of a simplified regexp: literals count a
// part per rune, classes and operators one each.
func regexpParts(re *syntax.Regexp) int {
	n := 1
	if re.Op == syntax.OpLiteral {
		n = len(re.Rune)
	}
	for _, sub := range re.Sub {
		n += regexpParts(sub)
	}
	return n
}

// rewriteAll rewrites each query of qs, leaving out the dropped ones.
func rewriteAll(qs []query.Query) ([]query.Query, error) {
	out := qs[:0]
	for _, c := range qs {
		r, err := rewrite(c)
		if err != nil {
			return nil, err
		}
		if r != nil {
			out = append(out, r)
		}
	}
	return out, nil
}

// perField points a leaf at its field; a leaf on the text fields becomes a
// disjunction over the text field of each language.
func perField(field string, at func(string) query.Query) (query.Query, error) {
	fs, err := resolveField(field)
	if err != nil {
		return nil, err
	}
	if fs == nil {
		fs = TextFields
	}
	if len(fs) == 1 {
		if isNumeric(fs[0]) || fs[0] == FieldDate {
			return nil, fmt.Errorf("field %s holds numbers or dates: compare it (%s:>0.3, %s:<=6) instead of matching words", field, field, field)
		}
		return at(fs[0]), nil
	}
	qs := make([]query.Query, len(fs))
	for i, f := range fs {
		qs[i] = at(f)
	}
	return query.NewDisjunctionQuery(qs), nil
}

// foldTerm prepares a wildcard or regular expression for a field's terms:
// keyword and text terms are lower case, and German stems have no umlauts.
func foldTerm(field, s string) string {
	s = strings.ToLower(s)
	if field == FieldTextDE {
		s = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss").Replace(s)
	}
	return s
}

// FilterError is a filter that does not parse: Name is the filter,
// Value what it was given, Reason why it does not parse; or, with After,
// a date range whose start (Value) is after its end (After). Error names
// the filters as flags (--since); Message names them as the caller needs
// (the server: parameter since).
type FilterError struct {
	Name, Value, Reason string
	After               string
}

func (e *FilterError) Error() string { return e.Message(func(n string) string { return "--" + n }) }

// Message is the error with each filter named by name.
func (e *FilterError) Message(name func(string) string) string {
	if e.After != "" {
		return fmt.Sprintf("%s %s is after %s %s", name("since"), e.Value, name("until"), e.After)
	}
	return fmt.Sprintf("%s %s: %s", name(e.Name), e.Value, e.Reason)
}

// Filters narrow a search without query syntax. Values of one filter are
// alternatives (OR); different filters must all hold (AND).
type Filters struct {
	Themes      []string // theme paths (their sub-themes too), or path:label
	Labels      []string
	Langs       []string
	Touchpoints []string
	Flags       []string
	// NPS holds groups (promoter, passive, detractor) or ranges ("0-6",
	// "<7", "10").
	NPS []string
	// CSAT holds CSAT groups as the signals stage writes them: satisfied,
	// neutral, dissatisfied.
	CSAT []string
	// Sentiment is a range of the score: "<-0.3", ">=0.5", "-1..-0.3".
	Sentiment string
	// Since and Until bound the date, both inclusive: a day (2024-03-31
	// includes that whole day) or a month (2024-03).
	Since, Until string
}

// filterQueries returns the queries of the filters that are set.
func (f Filters) filterQueries() ([]query.Query, error) {
	var out []query.Query
	terms := func(field string, vals []string) {
		if len(vals) == 0 {
			return
		}
		qs := make([]query.Query, 0, len(vals))
		for _, v := range vals {
			qs = append(qs, termQuery(field, v))
		}
		out = append(out, disjunction(qs))
	}
	if len(f.Themes) > 0 {
		qs := make([]query.Query, 0, len(f.Themes))
		for _, v := range f.Themes {
			if strings.Contains(v, ":") {
				qs = append(qs, termQuery(FieldThemeLabel, v))
			} else {
				qs = append(qs, termQuery(FieldTheme, v))
			}
		}
		out = append(out, disjunction(qs))
	}
	terms(FieldLabel, f.Labels)
	terms(FieldLang, f.Langs)
	terms(FieldTouchpoint, f.Touchpoints)
	terms(FieldFlags, f.Flags)
	if len(f.NPS) > 0 {
		qs := make([]query.Query, 0, len(f.NPS))
		for _, v := range f.NPS {
			switch KeywordValue(v) {
			case "promoter", "promoters", "passive", "passives", "detractor", "detractors":
				qs = append(qs, termQuery(FieldNPSGroup, strings.TrimSuffix(KeywordValue(v), "s")))
				continue
			}
			lo, hi, loIn, hiIn, err := parseRange(v, true)
			if err != nil {
				return nil, &FilterError{Name: "nps", Value: v, Reason: err.Error() + " (or promoter, passive, detractor)"}
			}
			qs = append(qs, newNumberRange(FieldNPS, lo, hi, loIn, hiIn))
		}
		out = append(out, disjunction(qs))
	}
	if len(f.CSAT) > 0 {
		qs := make([]query.Query, 0, len(f.CSAT))
		for _, v := range f.CSAT {
			g := KeywordValue(v)
			switch g {
			case "satisfied", "neutral", "dissatisfied":
				qs = append(qs, termQuery(FieldCSATGroup, g))
			default:
				return nil, &FilterError{Name: "csat", Value: v, Reason: "not a CSAT group (satisfied, neutral, dissatisfied)"}
			}
		}
		out = append(out, disjunction(qs))
	}
	if f.Sentiment != "" {
		lo, hi, loIn, hiIn, err := parseRange(f.Sentiment, false)
		if err != nil {
			return nil, &FilterError{Name: "sentiment", Value: f.Sentiment, Reason: err.Error()}
		}
		out = append(out, newNumberRange(FieldScore, lo, hi, loIn, hiIn))
	}
	if f.Since != "" || f.Until != "" {
		var start, end time.Time
		if f.Since != "" {
			t, _, err := parseDay(f.Since)
			if err != nil {
				return nil, &FilterError{Name: "since", Value: f.Since, Reason: err.Error()}
			}
			start = t
		}
		if f.Until != "" {
			t, next, err := parseDay(f.Until)
			if err != nil {
				return nil, &FilterError{Name: "until", Value: f.Until, Reason: err.Error()}
			}
			_ = t
			end = next
		}
		if !start.IsZero() && !end.IsZero() && !start.Before(end) {
			return nil, &FilterError{Name: "since", Value: f.Since, After: f.Until}
		}
		out = append(out, newDateRange(FieldDate, start, end, true, false))
	}
	return out, nil
}

func termQuery(field, v string) query.Query {
	q := bleve.NewTermQuery(KeywordValue(v))
	q.SetField(field)
	return q
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// parseRange reads "<x", "<=x", ">x", ">=x", "a..b" (inclusive), "x" and,
// for integers, "a-b". A nil bound is open.
func parseRange(s string, integers bool) (lo, hi *float64, loIn, hiIn bool, err error) {
	s = strings.TrimSpace(s)
	num := func(t string) (*float64, error) {
		v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%q is not a number", strings.TrimSpace(t))
		}
		return &v, nil
	}
	for _, op := range []string{"<=", ">=", "<", ">", "="} {
		if rest, ok := strings.CutPrefix(s, op); ok {
			v, err := num(rest)
			if err != nil {
				return nil, nil, false, false, err
			}
			switch op {
			case "<=":
				return nil, v, false, true, nil
			case ">=":
				return v, nil, true, false, nil
			case "<":
				return nil, v, false, false, nil
			case ">":
				return v, nil, false, false, nil
			}
			return v, v, true, true, nil
		}
	}
	sep := ".."
	if integers && !strings.Contains(s, sep) && strings.Count(s, "-") == 1 && !strings.HasPrefix(s, "-") {
		sep = "-"
	}
	if a, b, ok := strings.Cut(s, sep); ok {
		l, err := num(a)
		if err != nil {
			return nil, nil, false, false, err
		}
		h, err := num(b)
		if err != nil {
			return nil, nil, false, false, err
		}
		if *l > *h {
			return nil, nil, false, false, fmt.Errorf("empty range: %v is above %v", *l, *h)
		}
		return l, h, true, true, nil
	}
	v, err := num(s)
	if err != nil {
		return nil, nil, false, false, fmt.Errorf("%v; want <x, <=x, >x, >=x, a..b or a number", err)
	}
	return v, v, true, true, nil
}

// parseDay reads a day (2024-03-05, 05.03.2024) or a month (2024-03) and
// returns its start and the start of the next day or month.
func parseDay(s string) (time.Time, time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, t.AddDate(0, 1, 0), nil
	}
	t, ok := models.ParseDate(s)
	if !ok {
		return time.Time{}, time.Time{}, fmt.Errorf("not a date: want 2024-03-31 or 2024-03")
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if !t.Equal(day) {
		return t, t, nil // a point in time
	}
	return day, day.AddDate(0, 0, 1), nil
}
