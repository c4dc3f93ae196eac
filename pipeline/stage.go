package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/themes"
)

// Stage annotates one record in place. Implementations are safe for
// concurrent use: the pool calls Process from several goroutines.
//
// What a stage hands later stages without writing it out goes into the
// record's notes (see Notes and the stage table's provides and needs).
//
// A returned error marks the record as failed: later stages skip it, the
// writer emits an error record naming the stage, and the run goes on. Stages
// are not called for records that failed, nor, except the signals stage
// (ratings need no text), for records flagged no_content.
type Stage interface {
	Name() string
	Process(ctx context.Context, r *models.Record, n *Notes) error
}

// Env holds run-wide settings that stages may read, and the run-wide
// values stages provide to later stages while they are built (a provider
// sets its field; the table says who provides what).
type Env struct {
	// DefaultLang is used when a text is too short to tell its language.
	DefaultLang string
	// Explain asks stages to record why they decided what they did.
	Explain bool
	// Themes is the taxonomy file of the themes stage ("" = built-in).
	Themes string
	// Scale is the sentiment stage's scale ("scale"): the themes stage
	// scores and labels themes on it.
	Scale themes.Scale
	// Cues tags the signals taxonomy, for the sentiment and signals stages.
	Cues *cueTagger
}

// stageDef is one row of the stage table.
type stageDef struct {
	name string
	doc  string
	// needs names what must be provided by an earlier stage: a record
	// field ("tokens"), a note ("clauses") or a run-wide value ("scale").
	needs []string
	// provides names what the stage writes for later stages.
	provides []string
	// onEmpty: the stage also runs on records without text (no_content).
	onEmpty bool
	build   func(o *Options, env *Env) (Stage, error)
}

// table lists every stage stimmung knows, in their natural order, with what
// each needs and provides. It is an explicit table rather than
// init()-time registration so that a reader sees all stages, and how they
// depend on each other, in one place.
var table = []stageDef{
	{name: "normalize", doc: "Unicode NFC, HTML entities, control characters, whitespace; keeps the original text",
		provides: []string{"text"}, build: newNormalize},
	{name: "language", doc: "de/en: the input's lang wins, else detected, else default_lang",
		provides: []string{"lang"}, build: newLanguage},
	{name: "sentences", doc: "sentence spans; abbreviations and ordinals (z.B., 3. Mai) do not split",
		needs: []string{"lang"}, provides: []string{"sentences"}, build: newSentences},
	{name: "tokens", doc: "tokens with byte offsets: words, contractions, emoji, emoticons, URLs, e-mails, @mentions, #hashtags",
		needs: []string{"sentences"}, provides: []string{"tokens"}, build: newTokens},
	{name: "stems", doc: "lower-cased forms and Snowball stems (English, German)",
		needs: []string{"tokens", "lang"}, provides: []string{"stems"}, build: newStems},
	{name: "sentiment", doc: "weighted lexicons and rules: negation, modifiers, contrast, emphasis, emoji, phrases, compounds",
		needs: []string{"stems"}, provides: []string{"sentiment", "clauses", "scale"}, build: newSentiment},
	{name: "themes", doc: "themes of a taxonomy (stems, compounds, phrases, rules), each with the sentiment of the words about it",
		needs: []string{"clauses", "scale"}, provides: []string{"themes"}, build: newThemes},
	{name: "signals", doc: "NPS and CSAT groups, effort, urgency, churn, the flags effort/urgent/churn/mismatch, and a follow-up priority with reasons",
		needs: []string{"sentiment"}, provides: []string{"signals"}, onEmpty: true, build: newSignals},
}

// provider returns the stage of the table that provides what.
func provider(what string) string {
	for _, d := range table {
		if slices.Contains(d.provides, what) {
			return d.name
		}
	}
	return ""
}

// checkNeeds says what def needs that no stage in ran (the stages before
// it) provides: "stage themes needs stage sentiment before it".
func checkNeeds(def stageDef, ran []stageDef) string {
	for _, need := range def.needs {
		if !slices.ContainsFunc(ran, func(d stageDef) bool { return slices.Contains(d.provides, need) }) {
			return fmt.Sprintf("stage %s needs stage %s before it", def.name, provider(need))
		}
	}
	return ""
}

// StageInfo describes a known stage for help texts: Needs names the
// stages it needs before it.
type StageInfo struct {
	Name, Doc string
	Needs     []string
}

// Stages lists the known stages in their natural order.
func Stages() []StageInfo {
	out := make([]StageInfo, len(table))
	for i, d := range table {
		var needs []string
		for _, n := range d.needs {
			if p := provider(n); !slices.Contains(needs, p) {
				needs = append(needs, p)
			}
		}
		out[i] = StageInfo{Name: d.name, Doc: d.doc, Needs: needs}
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
