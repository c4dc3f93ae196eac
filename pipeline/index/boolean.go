package index

import (
	"errors"
	"strings"
)

// translateBoolean rewrites the AND, OR and NOT that analysts type (from
// Lucene, Google, Excel) into Bleve's query-string syntax, which has no
// such words and would search for "and" and "or" instead: "a AND b" →
// "+a +b", "a OR b" → "a b", "NOT a" → "-a". Bleve's syntax has no
// grouping, so parentheses, and AND mixed with OR, are errors that say
// how to write the query instead.
func translateBoolean(q string) (string, error) {
	words, err := splitQuery(q)
	if err != nil {
		return "", err
	}
	hasAnd, hasOr, hasNot := false, false, false
	for _, w := range words {
		switch w {
		case "AND", "&&":
			hasAnd = true
		case "OR", "||":
			hasOr = true
		case "NOT":
			hasNot = true
		}
	}
	if !hasAnd && !hasOr && !hasNot {
		return q, nil
	}
	if hasAnd && hasOr {
		return "", errors.New("AND together with OR needs grouping, which this syntax does not have: mark what must match with +, what must not with -, and leave the alternatives bare (+Lieferung Kundenservice Hotline)")
	}
	out := make([]string, 0, len(words))
	must := make([]bool, len(words))
	if hasAnd {
		for i, w := range words {
			if w == "AND" || w == "&&" {
				if i == 0 || i == len(words)-1 {
					return "", errors.New("AND needs a word on both sides")
				}
				must[i-1] = true
				must[i+1] = true
			}
		}
	}
	not := false
	for i, w := range words {
		switch w {
		case "AND", "&&", "OR", "||":
			continue
		case "NOT":
			if i == len(words)-1 {
				return "", errors.New("NOT needs a word after it")
			}
			not = true
			continue
		}
		switch {
		case not:
			w = "-" + strings.TrimLeft(w, "+-")
			not = false
		case must[i] && !strings.HasPrefix(w, "+") && !strings.HasPrefix(w, "-"):
			w = "+" + w
		}
		out = append(out, w)
	}
	return strings.Join(out, " "), nil
}

// splitQuery splits a query at spaces outside quotes; parentheses outside
// quotes are an error (the syntax cannot group).
func splitQuery(q string) ([]string, error) {
	var words []string
	var b strings.Builder
	quoted, escaped := false, false
	for _, c := range q {
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '(' || c == ')'):
			return nil, errors.New("parentheses: this syntax cannot group; use +must, -mustnot and bare alternatives (+Lieferung -Paket Verspätung Verzögerung)")
		case !quoted && (c == ' ' || c == '\t' || c == '\n'):
			if b.Len() > 0 {
				words = append(words, b.String())
				b.Reset()
			}
			continue
		}
		b.WriteRune(c)
	}
	if b.Len() > 0 {
		words = append(words, b.String())
	}
	return words, nil
}
