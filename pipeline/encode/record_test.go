package encode

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stimmung/stimmung/models"
)

func TestAppendRecord(t *testing.T) {
	r := &models.Record{Line: 4, ID: "x", Original: "Top", Text: "Top", Lang: "en",
		Fields:    []models.Field{{Key: "lang", Value: json.RawMessage(`"de"`)}, {Key: "shop", Value: json.RawMessage("{\n \"id\": 1\n}")}, {Key: "n", Value: nil}},
		Sentiment: &models.Sentiment{Score: math.NaN(), Label: "neutral", Positive: 0.25}}
	got := string(AppendRecord([]byte("> "), r, Options{}))
	want := `> {"id":"x","line":4,"shop":{"id":1},"n":null,"lang":"en","sentiment":{"score":0,"label":"neutral","positive":0.25,"negative":0,"neutral":0}}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !json.Valid([]byte(got[2:])) {
		t.Errorf("invalid JSON: %s", got)
	}
	if !Reserved("sentiment") || Reserved("shop") {
		t.Error("Reserved: sentiment is stimmung's, shop the input's")
	}
	if got := string(AppendRecord(nil, &models.Record{ID: "y"}, Options{Debug: true})); got != `{"id":"y","line":0,"sentences":[],"tokens":[]}` {
		t.Errorf("debug: %s", got)
	}
}
