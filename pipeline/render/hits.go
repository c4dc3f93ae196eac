package render

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/pipeline/index"
)

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

// JSONL writes each hit as its stored record, one a line, with "_score"
// (rounded to 3 decimals) and "_highlights" appended.
func JSONL(w io.Writer, res *index.Result) error {
	for _, h := range res.Hits {
		if _, err := w.Write(append(withExtras(h.Source, h), '\n')); err != nil {
			return err
		}
	}
	return nil
}

// FacetJSON is one facet in the JSON outputs.
type FacetJSON struct {
	Field   string          `json:"field"`
	Total   int             `json:"total"`
	Missing int             `json:"missing"`
	Other   int             `json:"other"`
	Terms   []FacetTermJSON `json:"terms"`
}

// FacetTermJSON is one value of a facet and its count.
type FacetTermJSON struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// JSON writes the result as one JSON document on one line:
// {"total": N, "hits": [records as in JSONL], "facets": {...}}.
func JSON(w io.Writer, res *index.Result) error {
	hits := make([]json.RawMessage, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = withExtras(h.Source, h)
	}
	facets, err := FacetsJSON(res)
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

// FacetsJSON renders the facets as one JSON object, facet name to
// FacetJSON, that keeps the order they were asked for (an ordered object,
// so by hand).
func FacetsJSON(res *index.Result) (json.RawMessage, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range res.Facets {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.Name)
		fj := FacetJSON{Field: f.Field, Total: f.Total, Missing: f.Missing, Other: f.Other, Terms: []FacetTermJSON{}}
		for _, t := range f.Terms {
			fj.Terms = append(fj.Terms, FacetTermJSON{t.Term, t.Count})
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

// HitView is what the table and CSV show of a stored record.
type HitView struct {
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

// ViewOf reads the hit's stored record; the hit's id stands in for a
// missing one.
func ViewOf(h index.Hit) HitView {
	var v HitView
	_ = json.Unmarshal(h.Source, &v)
	if v.ID == "" {
		v.ID = h.ID
	}
	return v
}

// rawText is a JSON value as a cell: a string's contents, another value as
// written, null or absent as "".
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

// ThemeList is the themes as "path:label", separated by spaces.
func (v HitView) ThemeList() string {
	parts := make([]string, len(v.Themes))
	for i, t := range v.Themes {
		parts[i] = t.Path + ":" + t.Label
	}
	return strings.Join(parts, " ")
}

// Score is the sentiment score with 2 decimals, "" without a sentiment.
func (v HitView) Score() string {
	if v.Sentiment == nil {
		return ""
	}
	return strconv.FormatFloat(v.Sentiment.Score, 'f', 2, 64)
}

// Label is the sentiment label, "" without a sentiment.
func (v HitView) Label() string {
	if v.Sentiment == nil {
		return ""
	}
	return v.Sentiment.Label
}

// CSV writes a header and a row per hit; the highlight column keeps the
// <mark> tags of the first fragment.
func CSV(w io.Writer, res *index.Result) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "_score", "date", "lang", "sentiment_label", "sentiment_score", "themes", "nps", "nps_group", "touchpoint", "priority", "flags", "text", "highlight"})
	for _, h := range res.Hits {
		v := ViewOf(h)
		prio := ""
		if v.Priority != nil {
			prio = strconv.Itoa(*v.Priority)
		}
		hl := ""
		if len(h.Highlights) > 0 {
			hl = html.UnescapeString(h.Highlights[0]) // the <mark> tags stay
		}
		if err := cw.Write([]string{v.ID, strconv.FormatFloat(round3(h.Score), 'f', -1, 64), rawText(v.Date), v.Lang, v.Label(), v.Score(),
			v.ThemeList(), rawText(v.NPS), v.NPSGroup, rawText(v.Touchpoint), prio, strings.Join(v.Flags, " "), v.Text, hl}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
