package pipeline

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

type normalizeOptions struct {
	Form               string `mapstructure:"form"`
	HTMLEntities       bool   `mapstructure:"html_entities"`
	CollapseWhitespace bool   `mapstructure:"collapse_whitespace"`
	// NoContent are answers that say nothing ("-", "keine Angabe", "n/a"),
	// compared case-insensitively without surrounding punctuation.
	NoContent []string `mapstructure:"no_content"`
}

// defaultNoContent are the non-answers survey exports are full of.
var defaultNoContent = []string{"nichts", "nix", "keine angabe", "keine angaben", "k.a", "k. a", "ka", "kein kommentar", "keine",
	"n/a", "na", "n.a", "none", "nothing", "no comment", "nil", "null", "-", "--", "/", "."}

type normalize struct {
	o         text.NormalizeOptions
	noContent map[string]bool
	opts      normalizeOptions
}

func newNormalize(o *Options, _ *Env) (Stage, error) {
	opts := normalizeOptions{Form: "NFC", HTMLEntities: true, CollapseWhitespace: true, NoContent: defaultNoContent}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	s := &normalize{o: text.NormalizeOptions{HTMLEntities: opts.HTMLEntities, CollapseWhitespace: opts.CollapseWhitespace},
		noContent: map[string]bool{}, opts: opts}
	for _, w := range opts.NoContent {
		s.noContent[trimNonWords(strings.ToLower(w))] = true
	}
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
func (s *normalize) Process(_ context.Context, r *models.Record, _ *Notes) error {
	r.Text = text.Normalize(r.Text, s.o)
	if r.Text == "" || len(r.Text) <= 20 && s.noContent[trimNonWords(strings.ToLower(r.Text))] || !hasContent(r.Text) {
		r.AddFlag(models.FlagNoContent)
	}
	return nil
}

// config returns the decoded options (for the defaults test).
func (s *normalize) config() any { return s.opts }

// trimNonWords cuts spaces and punctuation off both ends ("  n/a. " →
// "n/a"); a text of punctuation only keeps its first mark, so that "-" and
// "---" can be listed.
func trimNonWords(s string) string {
	t := strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if t == "" && s != "" {
		s = strings.TrimSpace(s)
		if s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			return string(r)
		}
	}
	return t
}

// hasContent: a letter, a digit or a symbol such as an emoji; "-- ..." has
// none of them.
func hasContent(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSymbol(r) || r > 0x2000 && !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}
