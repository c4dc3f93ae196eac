package pipeline

import (
	"context"
	"unicode"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text/langdetect"
)

type languageOptions struct {
	MinLetters int `mapstructure:"min_letters"`
}

type language struct {
	minLetters int
	def        string
}

func newLanguage(o *Options, env *Env) (Stage, error) {
	opts := languageOptions{MinLetters: 4}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	if opts.MinLetters < 0 {
		return nil, o.Errorf("min_letters", "%d is negative", opts.MinLetters)
	}
	return &language{minLetters: opts.MinLetters, def: env.DefaultLang}, nil
}

func (*language) Name() string { return "language" }

// Process keeps a language the input named (the survey tool knows better
// than any guess), detects one otherwise, and falls back to default_lang
// when the text is too short or the detector cannot tell.
func (s *language) Process(_ context.Context, r *models.Record, _ *Notes) error {
	if r.Lang != "" {
		r.LangSource = "input"
		return nil
	}
	if countLetters(r.Text, s.minLetters) >= s.minLetters {
		if lang, _ := langdetect.Detect(r.Text); lang != "" {
			r.Lang, r.LangSource = lang, "detected"
			return nil
		}
	}
	r.Lang, r.LangSource = s.def, "default"
	return nil
}

// countLetters counts letters up to limit; short texts are the question.
func countLetters(s string, limit int) int {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			if n++; n >= limit {
				break
			}
		}
	}
	return n
}
