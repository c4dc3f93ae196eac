package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestHTMLLinksToIDs: every tile, bar and point links to an anchor of the
// last section, every link has its anchor, and a capped list says so.
func TestHTMLLinksToIDs(t *testing.T) {
	var all [][]byte
	for i := range 30 {
		label, theme := "negative", `{"path":"service/reachability","label":"negative"}`
		if i%3 == 0 {
			label, theme = "positive", `{"path":"delivery","label":"positive"}`
		}
		all = append(all, fmt.Appendf(nil, `{"id":"c%02d","date":"2024-0%d-1%d","touchpoint":"tp%d","nps":%d,"csat":%d,"csat_group":"satisfied","sentiment":{"label":%q},"themes":[%s]}`,
			i, 1+i%2, i%10, i%2, i%11, 1+i%5, label, theme))
	}
	var c Counts
	var k KPIIDs
	im := Impacts{}
	bs := []*Breakdown{NewBreakdown(ByMonth), NewBreakdown(ByTheme)}
	then, now := NewSide(ByTouchpoint), NewSide(ByTouchpoint)
	for i, l := range all {
		it, err := ParseItem(l)
		if err != nil {
			t.Fatal(err)
		}
		c.Add(it)
		k.Add(it)
		im.Add(it)
		for _, b := range bs {
			b.Add(it)
		}
		if i < 10 {
			then.Add(it)
		} else {
			now.Add(it)
		}
	}
	ch := Compare(then, now, 1)
	d := Document{KPIs: c.KPIs(2), IDs: k, ThemeImpact: im.Figures(c, 2), Change: &ch}
	for _, b := range bs {
		d.Breakdowns = append(d.Breakdowns, BreakdownFigures{By: b.By, Segments: b.Figures(c.Records, 2)})
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	hrefs := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1)
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("anchor %s twice", m[1])
		}
		ids[m[1]] = true
	}
	linked := map[string]bool{}
	for _, m := range hrefs {
		linked[m[1]] = true
		if !ids[m[1]] {
			t.Errorf("link to #%s, which the page lacks", m[1])
		}
	}
	for _, want := range []string{"ids-kpi-nps", "ids-kpi-csat", "ids-kpi-net-sentiment", "ids-kpi-negative", "ids-kpi-coverage",
		"ids-trend-0", "ids-trend-1", "ids-theme-0", "ids-impact-0", "ids-waterfall-0"} {
		if !linked[want] {
			t.Errorf("nothing links to #%s", want)
		}
	}
	for _, want := range []string{"Comments behind the figures", "first 20 of 30:", "<code>c00</code>", "<code>c19</code>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// All 30 comments have a theme: the coverage tile's list stops at 20.
	coverage := page[strings.Index(page, `<tbody id="ids-kpi-coverage">`):]
	coverage = coverage[:strings.Index(coverage, "</tbody>")]
	if !strings.Contains(coverage, "first 20 of 30:") || !strings.Contains(coverage, "<code>c19</code>") || strings.Contains(coverage, "c20") {
		t.Errorf("coverage's ids: %s", coverage)
	}
	if strings.Contains(page, "<script") {
		t.Errorf("the page has a script")
	}
}
