package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline/index"
)

// SummaryLine ends the JSON lines of a search with
// {"_total": N, "_facets": {...}}, for a search that asked for more than
// the hits (facets, or no hits but the total): without it the JSON lines
// would hold nothing of what was asked. The underscore keeps the line apart
// from the hit records, as in _score.
func SummaryLine(w io.Writer, res *index.Result) error {
	facets, err := FacetsJSON(res)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, `{"_total":%d,"_facets":%s}`+"\n", res.Total, facets)
	return err
}

// StopWordNote returns, for a search that matched nothing, a note naming
// the words of the query that are stop words (left out of the index, so
// that they match nothing: "kam", "the"), or "" when there are none. Only
// free words count: field:value terms, prefixes and fuzzy terms are not
// analysed that way, nor are regular expressions (/.../). The note quotes
// the query's words as they are: escape it (TermMessage) for a terminal.
func StopWordNote(query string) string {
	var stops []string
	for _, tok := range strings.Fields(query) {
		tok = strings.TrimLeft(tok, "+-")
		if strings.ContainsAny(tok, ":*~?/") {
			continue
		}
		for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }) {
			w = strings.ToLower(strings.Trim(w, "'"))
			if w != "" && isStopWord(w) && !slices.Contains(stops, w) {
				stops = append(stops, w)
			}
		}
	}
	if len(stops) == 0 {
		return ""
	}
	quoted := make([]string, len(stops))
	for i, w := range stops {
		quoted[i] = fmt.Sprintf("%q", w)
	}
	return fmt.Sprintf("note: %s %s: stop words are left out of the index and find nothing; search for the words around %s",
		strings.Join(quoted, ", "), map[bool]string{true: "is a stop word", false: "are stop words"}[len(stops) == 1], map[bool]string{true: "it", false: "them"}[len(stops) == 1])
}

// isStopWord reports whether the index leaves w out: a stop word of
// either language that is not a negator of its lexicon (see
// pipeline/index/analysis.go).
func isStopWord(w string) bool {
	for _, lang := range []string{"de", "en"} {
		if !lexicons.Stopwords(lang)[w] {
			continue
		}
		if lx, err := lexicons.Builtin(lang); err == nil {
			if _, neg := lx.Negators[w]; neg {
				continue
			}
		}
		return true
	}
	return false
}
