package write

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/models"
)

func records() []*models.Record {
	ok := &models.Record{Source: "in", Line: 1, ID: "a", Original: "Gut  so", Text: "Gut so", Lang: "de", LangSource: "detected",
		Fields: []models.Field{{Key: "id", Value: json.RawMessage(`"a"`)}, {Key: "text", Value: json.RawMessage(`"Gut  so"`)},
			{Key: "meta", Value: json.RawMessage("{\n  \"shop\": \"A\"\n}")}, {Key: "lang", Value: json.RawMessage(`"de"`)}},
		Sentences:          []models.Sentence{{Start: 0, End: 6, EndToken: 2}},
		Tokens:             []models.Token{{Text: "Gut", Start: 0, End: 3, Kind: models.Word, Lower: "gut", Stem: "gut"}, {Text: "so", Start: 4, End: 6, Kind: models.Word, Lower: "so", Stem: "so"}},
		Warnings:           []string{models.WarnInvalidUTF8},
		Sentiment:          &models.Sentiment{Score: 0.5, Label: "positive", Positive: 0.4, Neutral: 0.6, Engine: "1", Lexicon: "de-abc"},
		SentenceSentiments: []models.Sentiment{{Score: 0.5, Label: "positive"}},
		Explain:            []models.Contribution{{Text: "Gut", Start: 0, End: 3, Match: "exact", Source: "de/polarity.tsv:3", Base: 1.9, Final: 2.1, Rules: []string{"capitals (+0.2)"}}}}
	bad := &models.Record{Source: "in", Line: 2, ID: "in:2", Err: &models.RecordError{Stage: "read", Message: `invalid "JSON"`}}
	empty := &models.Record{Source: "in", Line: 3, ID: "c", Fields: []models.Field{{Key: "text", Value: json.RawMessage(`""`)}, {Key: "new", Value: json.RawMessage(`[1,2]`)}}, Flags: []string{models.FlagNoContent}}
	return []*models.Record{bad, ok, empty}
}

func TestJSONL(t *testing.T) {
	var b bytes.Buffer
	w := NewJSONL(&b, Options{Debug: true})
	for _, r := range records() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("invalid JSON line: %s", l)
		}
	}
	want := []string{
		`{"id":"in:2","line":2,"error":{"stage":"read","message":"invalid \"JSON\""}}`,
		`{"id":"a","line":1,"text":"Gut  so","meta":{"shop":"A"},"lang":"de","lang_source":"detected","text_normalized":"Gut so","warnings":["invalid_utf8"],"sentiment":{"score":0.5,"label":"positive","positive":0.4,"negative":0,"neutral":0.6,"engine":"1","lexicon":"de-abc"},"sentences":[{"text":"Gut so","start":0,"end":6,"score":0.5,"label":"positive"}],"tokens":[{"text":"Gut","start":0,"end":3,"kind":"word","lower":"gut","stem":"gut"},{"text":"so","start":4,"end":6,"kind":"word","stem":"so"}],"explain":[{"text":"Gut","start":0,"end":3,"sentence":0,"match":"exact","source":"de/polarity.tsv:3","base":1.9,"final":2.1,"rules":["capitals (+0.2)"]}]}`,
		`{"id":"c","line":3,"text":"","new":[1,2],"flags":["no_content"],"sentences":[],"tokens":[]}`,
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	w := NewCSV(&b, Options{})
	rs := records()
	if err := w.Write(rs[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 0 {
		t.Errorf("Flush decided the header before the first record with fields: %q", b.String())
	}
	for _, r := range rs[1:] {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "id,line,lang,lang_source,text_column,text_normalized,flags,warnings,error_stage,error_message,sentiment_score,sentiment_label,sentiment_positive,sentiment_negative,sentiment_neutral,themes,nps_group,csat_group,effort,urgency,churn,priority,priority_reasons,text,meta,extra\n" +
		"in:2,2,,,,,,,read,\"invalid \"\"JSON\"\"\",,,,,,,,,,,,,,,,\n" +
		"a,1,de,detected,,Gut so,,invalid_utf8,,,0.5,positive,0.4,0,0.6,,,,,,,,,Gut  so,\"{\"\"shop\"\":\"\"A\"\"}\",\n" +
		"c,3,,,,,no_content,,,,,,,,,,,,,,,,,,,\"{\"\"new\"\":[1,2]}\"\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
