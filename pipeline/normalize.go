package pipeline

import (
	"context"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type normalizeOptions struct {
	Form               string `mapstructure:"form"`
	HTMLEntities       bool   `mapstructure:"html_entities"`
	CollapseWhitespace bool   `mapstructure:"collapse_whitespace"`
}

type normalize struct{ o text.NormalizeOptions }

func newNormalize(o *Options, _ Env) (Stage, error) {
	opts := normalizeOptions{Form: "NFC", HTMLEntities: true, CollapseWhitespace: true}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	s := &normalize{o: text.NormalizeOptions{HTMLEntities: opts.HTMLEntities, CollapseWhitespace: opts.CollapseWhitespace}}
	switch strings.ToUpper(opts.Form) {
	case "NFC":
		s.o.Form = norm.NFC
	case "NFKC":
		s.o.Form = norm.NFKC
	default:
		return nil, o.Errorf("form", "%q is not a normalization form: want NFC or NFKC", opts.Form)
	}
	return s, nil
}

func (*normalize) Name() string { return "normalize" }

// Process rewrites the working text; Record.Original keeps what was read.
// A text that is empty after cleaning ("  ", a lone zero-width space) is
// flagged no_content and passes through unanalysed.
func (s *normalize) Process(_ context.Context, r *models.Record) error {
	r.Text = text.Normalize(r.Text, s.o)
	if r.Text == "" {
		r.AddFlag(models.FlagNoContent)
	}
	return nil
}
