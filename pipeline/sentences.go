package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type sentences struct{}

func newSentences(o *Options, _ *Env) (Stage, error) {
	return sentences{}, o.Decode(&struct{}{})
}

func (sentences) Name() string { return "sentences" }

// Process splits the text into sentence spans, using the record's language
// for its abbreviations ("z.B.", "Nr.", "e.g.").
func (sentences) Process(_ context.Context, r *models.Record, _ *Notes) error {
	r.Sentences = text.SplitSentences(r.Text, r.Lang, r.Sentences[:0])
	return nil
}
