package index_test

import (
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline/index"
)

// FuzzQuery runs any query string, with highlighting and a facet, against a
// small index: it may be refused with a message, never panic or hang.
func FuzzQuery(f *testing.F) {
	ix := build(f, analysed(f, strings.Join([]string{
		`{"id":"1","text":"Die Lieferung kam zu spät, der Kundenservice war unfreundlich.","date":"2024-03-01","nps":3}`,
		`{"id":"2","text":"Great support, fast delivery!","date":"2024-04-02","nps":10,"lang":"en"}`,
		`{"id":"3","text":"Wartezeit an der Hotline über eine Stunde. Nie wieder!","touchpoint":"hotline","csat":1}`,
	}, "\n")))
	for _, q := range []string{
		"", "liefer*", `"kam zu spät"`, "+service -great", "score:<-0.3", `date:>"2024-03-01"`, "wartezeit~2",
		"/wart.*/", "theme:delivery", "lie* OR great AND NOT nie", "text_de:(a b)", "~100", "nps:>=9 csat:1",
		"field:", `"unclosed`, "((((a))))", `/(a|b)*c{1000}/`, "ä*ß?", "\x00\xff", "label:negative^2",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		p, err := index.Prepare(index.Request{Query: q, Highlight: true, Size: 5, Facets: []string{"theme"}})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if _, err := p.Run(ix); err != nil && err.Error() == "" {
			t.Fatal("an error without a message")
		}
	})
}
