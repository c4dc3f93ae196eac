package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type tokens struct{}

func newTokens(o *Options, _ Env) (Stage, error) {
	return tokens{}, o.Decode(&struct{}{})
}

func (tokens) Name() string { return "tokens" }

// Process tokenizes sentence by sentence, so that no token crosses a
// sentence boundary and each sentence knows its token range.
func (tokens) Process(_ context.Context, r *models.Record) error {
	toks := r.Tokens[:0]
	if cap(toks) == 0 {
		toks = make([]models.Token, 0, len(r.Text)/5+4)
	}
	for i := range r.Sentences {
		s := &r.Sentences[i]
		s.FirstToken = len(toks)
		n := len(toks)
		toks = text.Tokenize(r.Text[s.Start:s.End], toks)
		for j := n; j < len(toks); j++ {
			toks[j].Start += s.Start
			toks[j].End += s.Start
		}
		s.EndToken = len(toks)
	}
	r.Tokens = toks
	return nil
}
