package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type tokens struct{}

func newTokens(o *Options, _ *Env) (Stage, error) {
	return tokens{}, o.Decode(&struct{}{})
}

func (tokens) Name() string { return "tokens" }

// Process tokenizes sentence by sentence, so that no token crosses a
// sentence boundary and each sentence knows its token range.
func (tokens) Process(_ context.Context, r *models.Record, _ *Notes) error {
	toks := r.Tokens[:0]
	if cap(toks) == 0 {
		toks = make([]models.Token, 0, len(r.Text)/5+4)
	}
	toks = text.TokenizeSentences(r.Text, r.Sentences, toks)
	r.Tokens = toks
	return nil
}
