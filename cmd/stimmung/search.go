package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stimmung/stimmung/pipeline/index"
)

func newSearchCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "search --index DIR [QUERY...]",
		Short: "Search an index: full text, filters, facets",
		Long: fmt.Sprintf(`Searches the index in DIR (built with "stimmung index") and prints the
matching comments: a table on a terminal, JSON lines otherwise.

QUERY (several arguments are joined into one) uses Bleve's query-string syntax: words (any may match; +word must,
-word must not), "a phrase", prefix*, fuzzy~1, field:value (theme:delivery,
label:negative, touchpoint:app), ranges (score:<-0.3, nps:<=6,
date:>"2024-03-01"). Words are stemmed and German compounds split, so
"Verzögerung" finds "Lieferverzögerung"; negations such as "nicht" and "kein"
stay searchable. Without a QUERY every document matches.

The filters need no syntax; the values of one filter are alternatives
(--theme delivery,billing), different filters must all hold.

Limits: a query of at most %d bytes and %d words (runs of letters and
digits); --limit at most %s hits a search; --from + --limit at most %s.
Beyond them search stops with exit code 1 before the index is read.`, index.MaxQueryBytes, index.MaxQueryWords, group(index.MaxSize), group(index.MaxWindow)),
		Example: `  stimmung search --index feedback.idx Kundenservice
  stimmung search --index feedback.idx --theme delivery --label negative --nps detractor --since 2024-03-01 --until 2024-03-31 Kundenservice
  stimmung search --index feedback.idx --facet theme,label,month --limit 0
  stimmung search --index feedback.idx --sort -priority --flag churn --format csv > callbacks.csv`,
		RunE: func(cmd *cobra.Command, args []string) error { return search(cmd, s, args) },
	}
	f := cmd.Flags()
	f.String("index", "", "the index directory (required)")
	f.StringSlice("theme", nil, "theme path (its sub-themes too) or path:label, e.g. delivery or delivery:negative")
	f.StringSlice("label", nil, "sentiment label: positive, negative, neutral, mixed")
	f.String("sentiment", "", `sentiment score range: "<-0.3", ">=0.5", "-1..-0.3"`)
	f.StringSlice("nps", nil, `NPS group (promoter, passive, detractor) or range ("0-6", "<7", "10")`)
	f.StringSlice("lang", nil, "language: de, en")
	f.StringSlice("touchpoint", nil, "touchpoint")
	f.StringSlice("flag", nil, "flag: no_content, effort, urgent, churn, mismatch")
	f.String("since", "", "from this day (2024-03-01) or month (2024-03) on")
	f.String("until", "", "up to and including this day or month")
	f.StringSlice("facet", nil, "count values over all matches: "+strings.Join(index.FacetNames(), ", "))
	f.Int("facet-size", 10, "values per facet")
	f.StringSlice("sort", nil, "sort keys, -key for descending: _score, date, priority, score, nps, ... (default: -_score with a query, -date without)")
	f.IntP("limit", "n", 20, "hits to print")
	f.Int("from", 0, "hits to skip (paging)")
	f.StringP("format", "f", "", "table, json, jsonl or csv (default: table on a terminal, else jsonl)")
	f.Bool("no-highlight", false, "no highlighted fragments")
	return cmd
}

func search(cmd *cobra.Command, s Streams, args []string) error {
	f := cmd.Flags()
	dir, _ := f.GetString("index")
	if dir == "" {
		return usageError{errors.New("search: --index DIR is required")}
	}
	var req index.Request
	// Several arguments are one query, as typed: search --index x Lieferung Kundenservice
	req.Query = strings.Join(args, " ")
	req.Filters.Themes, _ = f.GetStringSlice("theme")
	req.Filters.Labels, _ = f.GetStringSlice("label")
	req.Filters.Sentiment, _ = f.GetString("sentiment")
	req.Filters.NPS, _ = f.GetStringSlice("nps")
	req.Filters.Langs, _ = f.GetStringSlice("lang")
	req.Filters.Touchpoints, _ = f.GetStringSlice("touchpoint")
	req.Filters.Flags, _ = f.GetStringSlice("flag")
	req.Filters.Since, _ = f.GetString("since")
	req.Filters.Until, _ = f.GetString("until")
	req.Facets, _ = f.GetStringSlice("facet")
	req.FacetSize, _ = f.GetInt("facet-size")
	req.Sort, _ = f.GetStringSlice("sort")
	req.Size, _ = f.GetInt("limit")
	req.From, _ = f.GetInt("from")
	noHL, _ := f.GetBool("no-highlight")
	req.Highlight = !noHL
	if req.Size < 0 || req.From < 0 || req.FacetSize < 1 {
		return usageError{errors.New("search: --limit and --from cannot be negative, --facet-size must be positive")}
	}
	// Bleve allocates room for --from + --limit hits up front.
	if req.Size > index.MaxSize {
		return usageError{fmt.Errorf("search: --limit %d: at most %s hits a search (page with --from)", req.Size, group(index.MaxSize))}
	}
	if req.From > index.MaxWindow-req.Size {
		return usageError{fmt.Errorf("search: --from %d --limit %d: --from + --limit is at most %s; narrow the search with a filter (--since, --until, ...) or a sort instead of paging deeper",
			req.From, req.Size, group(index.MaxWindow))}
	}
	format, _ := f.GetString("format")
	if format == "" {
		format = "jsonl"
		if isTerminal(s.Out) {
			format = "table"
		}
	}
	switch format {
	case "table", "json", "jsonl", "csv":
	default:
		return usageError{fmt.Errorf("--format %q: want table, json, jsonl or csv", format)}
	}
	limit := req.Size
	breq := req
	if limit == 0 {
		// Facets and the total only; Bleve needs a positive size, and
		// skipping hits that are not printed means nothing.
		breq.Size, breq.From = 1, 0
	}
	// A bad query or filter, or one over the size limits, is reported
	// before the index is opened.
	prepared, err := index.Prepare(breq)
	if err != nil {
		return usageError{err}
	}

	ix, err := index.OpenSearch(dir, req.Filters.Since, req.Filters.Until)
	if err != nil {
		return ioError{err}
	}
	defer ix.Close()
	warnIndex(s.Err, ix)
	res, err := prepared.Run(ix)
	if err != nil {
		if qe := (*index.QueryError)(nil); errors.As(err, &qe) {
			return usageError{err}
		}
		return ioError{err}
	}
	if limit == 0 {
		res.Hits = nil
	}
	out := bufio.NewWriter(s.Out)
	switch format {
	case "json":
		err = writeSearchJSON(out, res)
	case "jsonl":
		err = writeSearchJSONL(out, res)
	case "csv":
		err = writeSearchCSV(out, res)
	default:
		err = writeSearchTable(out, res, req, isTerminal(s.Out), termWidth(s.Out))
	}
	if err == nil && format == "jsonl" && (limit == 0 || len(req.Facets) > 0) {
		err = writeSearchSummaryLine(out, res)
	}
	if err == nil {
		err = out.Flush()
	}
	if err == nil && res.Total == 0 {
		if note := stopWordNote(req.Query); note != "" {
			fmt.Fprintf(s.Err, "stimmung: %s\n", termMessage(note))
		} else if format == "jsonl" && limit > 0 && len(req.Facets) == 0 {
			fmt.Fprintln(s.Err, "stimmung: no matching comments")
		}
	}
	if err != nil {
		return ioError{err}
	}
	return nil
}

// warnIndex says when the index was built by another stimmung or analysis
// (queries are analysed by this one), or when an import is under way or
// was killed.
func warnIndex(w io.Writer, ix *index.Index) {
	v := ix.Meta.Versions
	if a := v["analysis"]; a != "" && a != index.AnalysisVersion() {
		fmt.Fprintf(w, "stimmung: warning: %s was built with index analysis %s, this stimmung analyses queries with %s: rebuild it (stimmung index --rebuild)\n", ix.Dir, a, index.AnalysisVersion())
	} else if sv := v["stimmung"]; sv != "" && sv != Version {
		fmt.Fprintf(w, "stimmung: note: %s was built by stimmung %s, this is %s\n", ix.Dir, sv, Version)
	}
	if ix.Meta.Importing {
		fmt.Fprintf(w, "stimmung: warning: the last import into %s did not finish; results may be incomplete until it is run again\n", ix.Dir)
	}
}

func termWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 40 {
			return width
		}
	}
	return 120
}

// withExtras appends _score and _highlights to a stored record object.
func withExtras(src json.RawMessage, h index.Hit) []byte {
	b := []byte(strings.TrimSpace(string(src)))
	if len(b) < 2 || b[len(b)-1] != '}' {
		b = []byte(`{"id":` + strconv.Quote(h.ID) + `}`)
	}
	b = b[:len(b)-1]
	b = append(b, `,"_score":`...)
	b = strconv.AppendFloat(b, round3(h.Score), 'f', -1, 64)
	b = append(b, `,"_highlights":`...)
	hl, _ := json.Marshal(nonNil(h.Highlights))
	b = append(b, hl...)
	return append(b, '}')
}

func round3(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeSearchJSONL(w io.Writer, res *index.Result) error {
	for _, h := range res.Hits {
		if _, err := w.Write(append(withExtras(h.Source, h), '\n')); err != nil {
			return err
		}
	}
	return nil
}

type facetJSON struct {
	Field   string          `json:"field"`
	Total   int             `json:"total"`
	Missing int             `json:"missing"`
	Other   int             `json:"other"`
	Terms   []facetTermJSON `json:"terms"`
}

type facetTermJSON struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

func writeSearchJSON(w io.Writer, res *index.Result) error {
	hits := make([]json.RawMessage, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = withExtras(h.Source, h)
	}
	facets, err := facetsJSON(res)
	if err != nil {
		return err
	}
	b, err := json.Marshal(struct {
		Total  uint64            `json:"total"`
		Hits   []json.RawMessage `json:"hits"`
		Facets json.RawMessage   `json:"facets"`
	}{res.Total, hits, facets})
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// facetsJSON renders the facets as one JSON object that keeps the order
// they were asked for (an ordered object, so by hand).
func facetsJSON(res *index.Result) (json.RawMessage, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range res.Facets {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.Name)
		fj := facetJSON{Field: f.Field, Total: f.Total, Missing: f.Missing, Other: f.Other, Terms: []facetTermJSON{}}
		for _, t := range f.Terms {
			fj.Terms = append(fj.Terms, facetTermJSON{t.Term, t.Count})
		}
		v, err := json.Marshal(fj)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return json.RawMessage(b.String()), nil
}

// hitView is what the table and CSV show of a stored record.
type hitView struct {
	ID         string          `json:"id"`
	Date       json.RawMessage `json:"date"`
	Lang       string          `json:"lang"`
	Text       string          `json:"text"`
	Touchpoint json.RawMessage `json:"touchpoint"`
	NPS        json.RawMessage `json:"nps"`
	NPSGroup   string          `json:"nps_group"`
	Priority   *int            `json:"priority"`
	Flags      []string        `json:"flags"`
	Sentiment  *struct {
		Score float64 `json:"score"`
		Label string  `json:"label"`
	} `json:"sentiment"`
	Themes []struct {
		Path  string `json:"path"`
		Label string `json:"label"`
	} `json:"themes"`
}

func viewOf(h index.Hit) hitView {
	var v hitView
	_ = json.Unmarshal(h.Source, &v)
	if v.ID == "" {
		v.ID = h.ID
	}
	return v
}

func rawText(r json.RawMessage) string {
	if len(r) == 0 || string(r) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(r, &s) == nil {
		return s
	}
	return string(r)
}

func (v hitView) themes() string {
	parts := make([]string, len(v.Themes))
	for i, t := range v.Themes {
		parts[i] = t.Path + ":" + t.Label
	}
	return strings.Join(parts, " ")
}

func (v hitView) score() string {
	if v.Sentiment == nil {
		return ""
	}
	return strconv.FormatFloat(v.Sentiment.Score, 'f', 2, 64)
}

func (v hitView) label() string {
	if v.Sentiment == nil {
		return ""
	}
	return v.Sentiment.Label
}

func writeSearchCSV(w io.Writer, res *index.Result) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "_score", "date", "lang", "sentiment_label", "sentiment_score", "themes", "nps", "nps_group", "touchpoint", "priority", "flags", "text", "highlight"})
	for _, h := range res.Hits {
		v := viewOf(h)
		prio := ""
		if v.Priority != nil {
			prio = strconv.Itoa(*v.Priority)
		}
		hl := ""
		if len(h.Highlights) > 0 {
			hl = html.UnescapeString(h.Highlights[0]) // the <mark> tags stay
		}
		if err := cw.Write([]string{v.ID, strconv.FormatFloat(round3(h.Score), 'f', -1, 64), rawText(v.Date), v.Lang, v.label(), v.score(),
			v.themes(), rawText(v.NPS), v.NPSGroup, rawText(v.Touchpoint), prio, strings.Join(v.Flags, " "), v.Text, hl}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeSearchTable prints hits as aligned columns, then the facets. On a
// terminal the matches are bold; elsewhere they are marked *like this*.
func writeSearchTable(w io.Writer, res *index.Result, req index.Request, tty bool, width int) error {
	shown := len(res.Hits)
	from := req.From
	switch {
	case res.Total == 0:
		fmt.Fprintln(w, "no matching comments")
	case res.Total == 1 && shown == 1:
		fmt.Fprintln(w, "1 matching comment")
	case shown == 0:
		fmt.Fprintf(w, "%s matching comments\n", group(int64(res.Total)))
	default:
		fmt.Fprintf(w, "%d–%d of %s matching comments\n", from+1, from+shown, group(int64(res.Total)))
	}
	if shown > 0 {
		rows := [][]string{{"ID", "DATE", "LABEL", "SCORE", "THEMES", "TEXT"}}
		for _, h := range res.Hits {
			v := viewOf(h)
			text := v.Text
			if len(h.Highlights) > 0 {
				text = html.UnescapeString(h.Highlights[0])
			}
			// Every cell is input: control characters are shown escaped,
			// never sent to the terminal. The text's line breaks and tabs
			// were folded into spaces first (one line a hit).
			rows = append(rows, []string{termText(v.ID), termText(rawText(v.Date)), termText(v.label()), v.score(), termText(v.themes()), termText(oneLine(text))})
		}
		widths := make([]int, 5)
		for _, r := range rows {
			for i := range widths {
				widths[i] = min(max(widths[i], utf8.RuneCountInString(r[i])), 40)
			}
		}
		used := 0
		for _, wd := range widths {
			used += wd + 2
		}
		textWidth := max(width-used, 30)
		for i, r := range rows {
			var b strings.Builder
			for c := range widths {
				cell := clip(r[c], widths[c])
				b.WriteString(cell)
				b.WriteString(strings.Repeat(" ", widths[c]-utf8.RuneCountInString(cell)+2))
			}
			text := oneLine(r[5])
			if i > 0 {
				if tty { // a file or pipe gets the whole text
					text = clipMarked(text, textWidth)
				}
				text = marks(text, tty)
			}
			b.WriteString(text)
			fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		}
	}
	for _, f := range res.Facets {
		parts := make([]string, 0, len(f.Terms))
		for _, t := range f.Terms {
			parts = append(parts, fmt.Sprintf("%s %s", termText(t.Term), group(int64(t.Count))))
		}
		line := strings.Join(parts, " · ")
		if f.Other > 0 {
			line += fmt.Sprintf(" · other %s", group(int64(f.Other)))
		}
		if f.Missing > 0 {
			line += fmt.Sprintf(" · (none) %s", group(int64(f.Missing)))
		}
		fmt.Fprintf(w, "%s: %s\n", f.Name, line)
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// clipMarked clips text with <mark> tags to n visible runes, keeping the
// tags balanced.
func clipMarked(s string, n int) string {
	var b strings.Builder
	visible := 0
	open := false
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "<mark>") {
			b.WriteString("<mark>")
			open = true
			i += len("<mark>")
			continue
		}
		if strings.HasPrefix(s[i:], "</mark>") {
			b.WriteString("</mark>")
			open = false
			i += len("</mark>")
			continue
		}
		if visible == n-1 && utf8.RuneCountInString(stripMarks(s[i:])) > 1 {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		visible++
		i += size
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}

func stripMarks(s string) string {
	return strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
}

func marks(s string, tty bool) string {
	if tty {
		return strings.NewReplacer("<mark>", "\033[1;33m", "</mark>", "\033[0m").Replace(s)
	}
	return strings.NewReplacer("<mark>", "*", "</mark>", "*").Replace(s)
}
