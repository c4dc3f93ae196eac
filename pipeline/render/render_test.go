package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline/index"
)

// result is two hits of 12 and the label facet.
func result() *index.Result {
	return &index.Result{
		Total: 12,
		Hits: []index.Hit{
			{ID: "a", Score: 1.23456, Source: json.RawMessage(`{"id":"a","date":"2024-03-01","text":"Die Lieferung kam spät","sentiment":{"score":-0.5,"label":"negative"},"themes":[{"path":"delivery","label":"negative"}]}`),
				Highlights: []string{"Die <mark>Lieferung</mark> kam spät"}},
			{ID: "b", Score: 0.5, Source: json.RawMessage(`not json`)},
		},
		Facets: []index.Facet{{Name: "label", Field: "label", Total: 12, Missing: 1, Other: 2, Terms: []index.FacetTerm{{Term: "negative", Count: 9}}}},
	}
}

func TestRenderers(t *testing.T) {
	res := result()
	tests := []struct {
		name string
		fn   func(*bytes.Buffer) error
		want string
	}{
		{"jsonl", func(b *bytes.Buffer) error { return JSONL(b, res) },
			`{"id":"a","date":"2024-03-01","text":"Die Lieferung kam spät","sentiment":{"score":-0.5,"label":"negative"},"themes":[{"path":"delivery","label":"negative"}],"_score":1.235,"_highlights":["Die \u003cmark\u003eLieferung\u003c/mark\u003e kam spät"]}
{"id":"b","_score":0.5,"_highlights":[]}
`},
		{"summary line", func(b *bytes.Buffer) error { return SummaryLine(b, res) },
			`{"_total":12,"_facets":{"label":{"field":"label","total":12,"missing":1,"other":2,"terms":[{"term":"negative","count":9}]}}}` + "\n"},
		{"csv", func(b *bytes.Buffer) error { return CSV(b, res) },
			"id,_score,date,lang,sentiment_label,sentiment_score,themes,nps,nps_group,touchpoint,priority,flags,text,highlight\n" +
				"a,1.235,2024-03-01,,negative,-0.50,delivery:negative,,,,,,Die Lieferung kam spät,Die <mark>Lieferung</mark> kam spät\n" +
				"b,0.5,,,,,,,,,,,,\n"},
		{"table, not a terminal", func(b *bytes.Buffer) error { return Table(b, res, index.Request{From: 3}, false, 80) },
			"4–5 of 12 matching comments\n" +
				"ID  DATE        LABEL     SCORE  THEMES             TEXT\n" +
				"a   2024-03-01  negative  -0.50  delivery:negative  Die *Lieferung* kam spät\n" +
				"b\n" +
				"label: negative 9 · other 2 · (none) 1\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.fn(&b); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
	var b bytes.Buffer
	if err := JSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Total  int                  `json:"total"`
		Hits   []json.RawMessage    `json:"hits"`
		Facets map[string]FacetJSON `json:"facets"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil || doc.Total != 12 || len(doc.Hits) != 2 || doc.Facets["label"].Terms[0].Count != 9 {
		t.Errorf("JSON: %v: %s", err, b.String())
	}
}

func TestClipMarked(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"kurz", 10, "kurz"},
		{"Die <mark>Lieferung</mark> kam spät", 8, "Die <mark>Lie…</mark>"},
		{"Die <mark>Lieferung</mark>", 13, "Die <mark>Lieferung</mark>"},
	}
	for _, tc := range tests {
		if got := clipMarked(tc.in, tc.n); got != tc.want {
			t.Errorf("clipMarked(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
		if strings.Count(clipMarked(tc.in, tc.n), "<mark>") != strings.Count(clipMarked(tc.in, tc.n), "</mark>") {
			t.Errorf("unbalanced tags")
		}
	}
}

func TestStopWordNote(t *testing.T) {
	if got := StopWordNote("kam"); !strings.HasPrefix(got, `note: "kam" is a stop word:`) {
		t.Errorf("StopWordNote(kam) = %q", got)
	}
	for _, q := range []string{"Lieferung", "nicht", "theme:kam", "/kam/", "kam*"} {
		if got := StopWordNote(q); got != "" {
			t.Errorf("StopWordNote(%q) = %q, want none", q, got)
		}
	}
}
