package discover

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/text"
	"github.com/stimmung/stimmung/pipeline/themes"
)

const testTaxonomy = "testdata/themes.yaml"

// analyse runs the default pipeline with the test taxonomy over texts, one
// record each, in order. A text "FAIL" gives a failed record.
// analysisOf keeps the sentiment analysis of each record analyse made, for
// collect to hand over as the pipeline's RunOptions.Notes does.
var analysisOf = map[*models.Record]*models.Analysis{}

func analyse(t *testing.T, texts ...string) []*models.Record {
	t.Helper()
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Themes = testTaxonomy
	p, err := pipeline.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []*models.Record
	for i, s := range texts {
		r := &models.Record{ID: fmt.Sprint("c", i+1), Line: int64(i + 1), Text: s, Original: s}
		if s == "FAIL" {
			r.Err = &models.RecordError{Stage: "read", Message: "broken line"}
		}
		n := &pipeline.Notes{}
		p.Process(context.Background(), r, n)
		analysisOf[r] = &n.Analysis
		out = append(out, r)
	}
	return out
}

func collect(t *testing.T, o Options, recs []*models.Record) *Report {
	t.Helper()
	c := New(o)
	for _, r := range recs {
		c.Analysis(r, analysisOf[r])
		if err := c.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	return c.Report()
}

var german = []string{
	"Der Akku hält nur einen Tag, das ist schlecht.",
	"Mein Akku ist nach zwei Wochen kaputt.",
	"Der Akku wird beim Laden sehr warm.",
	"Die Lieferverzögerung war ärgerlich.",
	"Wieder eine Paketverzögerung, super.",
	"Die Verzögerung kam ohne Nachricht.",
	"Die Verzögerung war eigentlich halt lang.",
	"Die Push Nachrichten kommen doppelt.",
	"Push Nachrichten kann man nicht abstellen.",
	"Ständig Push Nachrichten am Abend.",
	"Die Lieferung kam pünktlich.",
	"Der Preis ist zu hoch.",
	"",
	"nichts",
	"FAIL",
	"Lieferverzögerung schon wieder.",
}

var english = []string{
	"The battery life is terrible.",
	"Battery life could be longer.",
	"I wish the battery life was better.",
	"The delivery was late.",
	"The checkout page crashed twice.",
	"Checkout page keeps freezing.",
	"The checkout page is slow.",
	"Really, it's just ok.",
}

// find returns the candidate of kind, lang and term, or nil.
func find(rep *Report, kind, lang, term string) *Candidate {
	for i := range rep.Candidates {
		c := &rep.Candidates[i]
		if c.Kind == kind && c.Lang == lang && c.Term == term {
			return c
		}
	}
	return nil
}

func TestCoverage(t *testing.T) {
	rep := collect(t, Options{MinCount: 2, Examples: 2}, analyse(t, german...))
	// 16 records: 2 without content, 1 failed; of the 13 analysed, 2 are
	// tagged (Lieferung, Preis).
	want := struct{ analysed, tagged, untagged, skipped, noContent, failed int }{13, 2, 11, 3, 2, 1}
	got := struct{ analysed, tagged, untagged, skipped, noContent, failed int }{rep.Analysed, rep.Tagged, rep.Untagged, rep.Skipped, rep.NoContent, rep.Failed}
	if got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	if rep.Coverage != 0.1538 {
		t.Errorf("coverage %v, want 0.1538", rep.Coverage)
	}
	if line := rep.CoverageLine(); line != "11 of 13 analysed comments (84.6%) matched no theme; coverage 15.4%" {
		t.Errorf("coverage line %q", line)
	}
}

func TestTaggedIgnoresFallback(t *testing.T) {
	recs := analyse(t, "Der Akku ist leer.", "Die Lieferung kam.")
	if len(recs[0].Themes) != 1 || recs[0].Themes[0].Path != "other" {
		t.Fatalf("want the fallback theme on an untagged comment, got %+v", recs[0].Themes)
	}
	if Tagged(recs[0]) {
		t.Error("a comment with only the fallback theme counts as tagged")
	}
	if !Tagged(recs[1]) {
		t.Error("a comment with a matched theme counts as untagged")
	}
}

func TestCandidatesGerman(t *testing.T) {
	rep := collect(t, Options{MinCount: 2, Examples: 2}, analyse(t, german...))
	akku := find(rep, KindWord, "de", "akku")
	if akku == nil {
		t.Fatalf("no word candidate akku in %s", terms(rep))
	}
	if akku.Count != 3 || akku.Pattern != "akku" || akku.Name != "akku" || akku.Stems != "akku" {
		t.Errorf("akku: %+v", akku)
	}
	if len(akku.Examples) != 2 || akku.Examples[0].ID != "c1" || akku.Examples[1].ID != "c2" {
		t.Errorf("akku examples: want the first two comments, got %+v", akku.Examples)
	}
	if akku.Sentiment == nil || *akku.Sentiment >= 0 {
		t.Errorf("akku: want a negative average sentiment, got %v", akku.Sentiment)
	}
	if p := find(rep, KindPhrase, "de", "push nachrichten"); p == nil || p.Count != 3 || p.Pattern != "push nachrichten" || p.Name != "push-nachrichten" {
		t.Errorf("phrase push nachrichten: %+v (candidates %s)", p, terms(rep))
	}
	h := find(rep, KindHead, "de", "verzögerung")
	if h == nil {
		t.Fatalf("no compound head verzögerung in %s", terms(rep))
	}
	// Lieferverzögerung (twice), Paketverzögerung: three comments.
	if h.Count != 3 || h.Pattern != "verzögerung" || h.Name != "verzoegerung" {
		t.Errorf("head verzögerung: %+v", h)
	}
	wantForms := []Form{{"Lieferverzögerung", 2}, {"Paketverzögerung", 1}}
	if !reflect.DeepEqual(h.Forms, wantForms) {
		t.Errorf("head forms %+v, want %+v", h.Forms, wantForms)
	}
	if find(rep, KindWord, "de", "verzögerung") != nil {
		t.Error("the head's word is listed as a word candidate too")
	}
	// Stop words, sentiment words, tagged comments: never candidates.
	for _, term := range []string{"der", "die", "eigentlich", "halt", "schlecht", "ärgerlich", "super", "kaputt", "lieferung", "preis", "pünktlich", "nichts"} {
		for _, c := range rep.Candidates {
			if strings.Contains(" "+c.Term+" ", " "+term+" ") {
				t.Errorf("%q is in candidate %s %q", term, c.Kind, c.Term)
			}
		}
	}
}

func TestCandidatesEnglish(t *testing.T) {
	recs := analyse(t, english...)
	rep := collect(t, Options{MinCount: 3, Examples: 1, NounPhrases: true}, recs)
	for _, term := range []string{"battery life", "checkout page"} {
		np := find(rep, KindNounPhrase, "en", term)
		if np == nil {
			t.Errorf("no noun phrase %q in %s", term, terms(rep))
			continue
		}
		if np.Count != 3 || np.Pattern != term || len(np.Examples) != 1 {
			t.Errorf("noun phrase %q: %+v", term, np)
		}
		if find(rep, KindPhrase, "en", term) != nil {
			t.Errorf("%q is both a noun phrase and a phrase", term)
		}
	}
	for _, term := range []string{"battery", "checkout", "page"} {
		if c := find(rep, KindWord, "en", term); c == nil || c.Count != 3 {
			t.Errorf("word %q: %+v", term, c)
		}
	}
	for _, c := range rep.Candidates {
		for _, w := range []string{"the", "really", "just", "terrible", "better", "delivery"} {
			if strings.Contains(" "+c.Term+" ", " "+w+" ") {
				t.Errorf("%q is in candidate %s %q", w, c.Kind, c.Term)
			}
		}
	}

	// Without the tagger, the phrases stand for themselves.
	rep = collect(t, Options{MinCount: 3, Examples: 1}, recs)
	if find(rep, KindPhrase, "en", "battery life") == nil || find(rep, KindNounPhrase, "en", "battery life") != nil {
		t.Errorf("without noun phrases: %s", terms(rep))
	}
}

func TestMinCountAndTop(t *testing.T) {
	recs := analyse(t, german...)
	rep := collect(t, Options{MinCount: 3, Top: 1}, recs)
	perKind := map[string]int{}
	for _, c := range rep.Candidates {
		perKind[c.Kind]++
		if c.Count < 3 {
			t.Errorf("%s %q: count %d below --min-count 3", c.Kind, c.Term, c.Count)
		}
		if len(c.Examples) != 0 {
			t.Errorf("%s %q: examples with Examples 0", c.Kind, c.Term)
		}
	}
	for kind, n := range perKind {
		if n > 1 {
			t.Errorf("%d candidates of kind %s with Top 1", n, kind)
		}
	}
	// Sorted by count, then term, within each kind; kinds in order.
	rep = collect(t, Options{MinCount: 1}, recs)
	for i := 1; i < len(rep.Candidates); i++ {
		a, b := rep.Candidates[i-1], rep.Candidates[i]
		ka, kb := kindIndex(a.Kind), kindIndex(b.Kind)
		if ka > kb || ka == kb && (a.Count < b.Count || a.Count == b.Count && a.Term > b.Term) {
			t.Errorf("out of order: %s %q (%d) before %s %q (%d)", a.Kind, a.Term, a.Count, b.Kind, b.Term, b.Count)
		}
	}
}

func kindIndex(k string) int {
	for i, x := range kinds {
		if x == k {
			return i
		}
	}
	return -1
}

// TestYAMLIsATaxonomyThatMatches parses the YAML output as a taxonomy and
// tags the untagged comments with it: each candidate's theme must match at
// least as many comments as the candidate counted.
func TestYAMLIsATaxonomyThatMatches(t *testing.T) {
	recs := append(analyse(t, german...), analyse(t, english...)...)
	rep := collect(t, Options{MinCount: 1, Examples: 2, NounPhrases: true}, recs)
	rep.Taxonomy, rep.TaxonomyVersion = "discover-test", "1"
	var b bytes.Buffer
	if err := rep.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	tx, err := themes.Parse("suggestions.yaml", b.Bytes())
	if err != nil {
		t.Fatalf("the YAML output is no taxonomy: %v\n%s", err, b.String())
	}
	if tx.Name != "suggestions" || tx.Version != "1" || len(tx.Themes) != len(rep.Candidates) {
		t.Fatalf("taxonomy %s %s with %d themes for %d candidates", tx.Name, tx.Version, len(tx.Themes), len(rep.Candidates))
	}
	tagger := themes.NewTagger(tx, text.Stem)
	matched := map[string]int{}
	for _, r := range recs {
		if !r.Analysed() || Tagged(r) {
			continue
		}
		seen := map[string]bool{}
		for _, m := range tagger.Mentions(r) {
			seen[tx.Themes[m.Theme].Name] = true
		}
		for name := range seen {
			matched[name]++
		}
	}
	for i, c := range rep.Candidates {
		if tx.Themes[i].Name != c.Name {
			t.Fatalf("theme %d is %q, candidate %q", i, tx.Themes[i].Name, c.Name)
		}
		if matched[c.Name] < c.Count+c.Alone {
			t.Errorf("%s %q (pattern %q) matches %d untagged comments, counted %d+%d", c.Kind, c.Term, c.Pattern, matched[c.Name], c.Count, c.Alone)
		}
	}
	out := b.String()
	for _, want := range []string{
		"# 18 of 21 analysed comments (85.7%) matched no theme; coverage 14.3%\n",
		"# 3 records skipped: 2 without content, 1 failed\n",
		"name: suggestions\nversion: \"1\"\nthemes:\n",
		"  - name: \"akku\"\n    # 3 comments, average sentiment ",
		"    # e.g. \"Der Akku hält nur einen Tag, das ist schlecht.\"\n",
		"    terms: {de: [\"akku\"]}\n",
		"    # compounds: Lieferverzögerung (2), Paketverzögerung (1)\n",
		"    terms: {de: [\"verzögerung\"]}\n",
		"    terms: {en: [\"battery life\"]}\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("YAML lacks %q:\n%s", want, out)
		}
	}
}

func TestYAMLWithoutCandidates(t *testing.T) {
	rep := collect(t, Options{MinCount: 50}, analyse(t, german...))
	var b bytes.Buffer
	if err := rep.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "themes: [] # no candidates") {
		t.Errorf("want an empty themes list:\n%s", b.String())
	}
}

func TestJSONSameData(t *testing.T) {
	rep := collect(t, Options{MinCount: 2, Examples: 1}, analyse(t, german...))
	var b bytes.Buffer
	if err := rep.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, rep) {
		t.Errorf("JSON round trip differs:\n%s", b.String())
	}
}

func TestDeterministic(t *testing.T) {
	recs := append(analyse(t, german...), analyse(t, english...)...)
	var first string
	for i := range 5 {
		var b bytes.Buffer
		rep := collect(t, Options{MinCount: 1, Examples: 2, NounPhrases: true}, recs)
		if err := rep.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatal("two runs over the same records differ")
		}
	}
}

func TestHeadNeedsTwoCompoundsAndAStandaloneWord(t *testing.T) {
	recs := analyse(t,
		"Die Lieferverzögerung nervt.", "Die Lieferverzögerung nervt.", "Die Lieferverzögerung nervt.", // one compound only
		"Die Gewerkschaft streikt.", "Die Wirtschaft leidet.", "Die Botschaft ist klar.", "Der Schaft ist lang.") // Schaft alone once
	rep := collect(t, Options{MinCount: 1}, recs)
	for _, c := range rep.Candidates {
		if c.Kind == KindHead {
			t.Errorf("unexpected head %q (%+v)", c.Term, c.Forms)
		}
	}
}

func TestShortHeadPattern(t *testing.T) {
	// A head stem under five letters gets "*": the tagger matches it inside
	// compounds only so.
	recs := analyse(t, "Die Wartezeit war lang.", "Die Lieferzeit war lang.", "Die Bearbeitungszeit war lang.",
		"Keine Zeit.", "Zeit ist Geld.")
	rep := collect(t, Options{MinCount: 3}, recs)
	h := find(rep, KindHead, "de", "zeit")
	if h == nil {
		t.Fatalf("no head zeit in %s", terms(rep))
	}
	if h.Pattern != "*zeit" || h.Count != 3 {
		t.Errorf("head zeit: %+v", h)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Lieferverzögerung": "lieferverzoegerung",
		"Straße":            "strasse",
		"café crème":        "cafe-creme",
		"e-mail":            "e-mail",
		"push nachrichten":  "push-nachrichten",
		"Øre":               "oere",
		"!!!":               "theme",
		"  a  b ":           "a-b",
		"Привет мир":        "привет-мир",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUniqueName(t *testing.T) {
	taken := map[string]bool{}
	got := []string{uniqueName(taken, "app", "de"), uniqueName(taken, "app", "en"), uniqueName(taken, "app", "en"), uniqueName(taken, "app", "en")}
	if want := []string{"app", "app-en", "app-en-2", "app-en-3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names %v, want %v", got, want)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("Lieferung kam spät, ", 20)
	got := clip(long)
	if n := utf8.RuneCountInString(got); n > clipRunes+1 || n < clipRunes*2/3 {
		t.Errorf("clip gives %d letters: %q", n, got)
	}
	if !strings.HasSuffix(got, "…") || strings.HasSuffix(got, " …") {
		t.Errorf("clip %q: want a word, then …", got)
	}
	if got := clip("zwei\nZeilen\x00 und\tmehr"); got != "zwei Zeilen und mehr" {
		t.Errorf("clip keeps line breaks or control characters: %q", got)
	}
}

func terms(rep *Report) string {
	var parts []string
	for _, c := range rep.Candidates {
		parts = append(parts, fmt.Sprintf("%s:%s:%q(%d)", c.Kind, c.Lang, c.Term, c.Count))
	}
	return strings.Join(parts, " ")
}
