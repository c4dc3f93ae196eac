package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/sentiment"
)

// Stage annotates one record in place. Implementations are safe for
// concurrent use: the pool calls Process from several goroutines.
//
// A returned error marks the record as failed: later stages skip it, the
// writer emits an error record naming the stage, and the run goes on. Stages
// are not called for records that failed, nor, except the signals stage
// (ratings need no text), for records flagged no_content.
type Stage interface {
	Name() string
	Process(ctx context.Context, r *models.Record) error
}

// Env holds run-wide settings that stages may read.
type Env struct {
	// DefaultLang is used when a text is too short to tell its language.
	DefaultLang string
	// Explain asks stages to record why they decided what they did.
	Explain bool
	// Themes is the taxonomy file of the themes stage ("" = built-in).
	Themes string
	// Scorer is the sentiment stage's scorer, once it is built: later
	// stages score themes on the same scale.
	Scorer *sentiment.Scorer
	// Cues tags the signals taxonomy, for the sentiment and signals stages.
	Cues *cueTagger
}

// stageDef is one row of the stage table.
type stageDef struct {
	name string
	doc  string
	// needs lists stages that must run earlier when this one runs.
	needs []string
	build func(o *Options, env Env) (Stage, error)
}

// table lists every stage stimmung knows, in their natural order. It is an
// explicit table rather than init()-time registration so that a reader sees
// all stages in one place and the order is fixed.
var table = []stageDef{
	{name: "normalize", doc: "Unicode NFC, HTML entities, control characters, whitespace; keeps the original text", build: newNormalize},
	{name: "language", doc: "de/en: the input's lang wins, else detected, else default_lang", build: newLanguage},
	{name: "sentences", doc: "sentence spans; abbreviations and ordinals (z.B., 3. Mai) do not split", needs: []string{"language"}, build: newSentences},
	{name: "tokens", doc: "tokens with byte offsets: words, contractions, emoji, emoticons, URLs, e-mails, @mentions, #hashtags", needs: []string{"sentences"}, build: newTokens},
	{name: "stems", doc: "lower-cased forms and Snowball stems (English, German)", needs: []string{"tokens", "language"}, build: newStems},
	{name: "sentiment", doc: "weighted lexicons and rules: negation, modifiers, contrast, emphasis, emoji, phrases, compounds", needs: []string{"stems"}, build: newSentiment},
	{name: "themes", doc: "themes of a taxonomy (stems, compounds, phrases, rules), each with the sentiment of the words about it", needs: []string{"sentiment"}, build: newThemes},
	{name: "signals", doc: "NPS and CSAT groups, effort, urgency, churn, the flags effort/urgent/churn/mismatch, and a follow-up priority with reasons", needs: []string{"sentiment"}, build: newSignals},
}

// StageInfo describes a known stage for help texts.
type StageInfo struct {
	Name, Doc string
	Needs     []string
}

// Stages lists the known stages in their natural order.
func Stages() []StageInfo {
	out := make([]StageInfo, len(table))
	for i, d := range table {
		out[i] = StageInfo{Name: d.name, Doc: d.doc, Needs: d.needs}
	}
	return out
}

func lookupStage(name string) (stageDef, bool) {
	for _, d := range table {
		if d.name == name {
			return d, true
		}
	}
	return stageDef{}, false
}
