package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type stems struct{}

func newStems(o *Options, _ Env) (Stage, error) {
	return stems{}, o.Decode(&struct{}{})
}

func (stems) Name() string { return "stems" }

// Process lower-cases every token and stems the words in the record's
// language. Lower-casing comes first because the Snowball stemmers expect
// lower case ("Verspätungen" and "verspätungen" must meet).
func (stems) Process(_ context.Context, r *models.Record) error {
	for i := range r.Tokens {
		t := &r.Tokens[i]
		t.Lower = text.Lower(t.Text)
		if t.Kind == models.Word {
			t.Stem = text.Stem(r.Lang, t.Lower)
		}
	}
	return nil
}
