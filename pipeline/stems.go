package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type stemsOptions struct {
	CacheWords int `mapstructure:"cache_words"`
}

type stems struct{ st *text.Stemmer }

func newStems(o *Options, _ *Env) (Stage, error) {
	opts := stemsOptions{CacheWords: 200_000}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	if opts.CacheWords < 0 {
		return nil, o.Errorf("cache_words", "%d is negative", opts.CacheWords)
	}
	return stems{st: text.NewStemmer(opts.CacheWords)}, nil
}

func (stems) Name() string { return "stems" }

// Process lower-cases every token and stems the words in the record's
// language. Lower-casing comes first because the Snowball stemmers expect
// lower case ("Verspätungen" and "verspätungen" must meet).
func (s stems) Process(_ context.Context, r *models.Record, _ *Notes) error {
	for i := range r.Tokens {
		t := &r.Tokens[i]
		t.Lower = text.Lower(t.Text)
		if t.Kind == models.Word {
			t.Stem = s.st.Stem(r.Lang, t.Lower)
		}
	}
	return nil
}
