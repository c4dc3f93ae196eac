package sentiment

import "fmt"

// Rules are the switches and weights of the scorer, each an option of the
// sentiment stage (the mapstructure tags are the option names). The zero
// value switches everything off; DefaultRules gives the defaults.
type Rules struct {
	// Negation flips and scales a sentiment word governed by a negator
	// ("nicht gut", "not good", "kein guter Service") within Window tokens
	// before it, inside its clause.
	Negation       bool    `mapstructure:"negation"`
	NegationScalar float64 `mapstructure:"negation_scalar"`
	NegationWindow int     `mapstructure:"negation_window"`
	// PostNegation (German): a negator after the word in the same clause
	// negates it when nothing else claims it ("gefällt mir nicht",
	// "funktioniert nicht", "das mag ich nicht").
	PostNegation       bool `mapstructure:"post_negation"`
	PostNegationWindow int  `mapstructure:"post_negation_window"`
	// DanglingNegation is, per language, the weight of a negator that
	// negates nothing in its clause ("nothing works", "du bist nichts");
	// 0 or absent switches it off. Measured: it helps English reviews and
	// tweets, and costs a little on German tweets.
	DanglingNegation map[string]float64 `mapstructure:"dangling_negation"`

	// Modifiers: boosters and dampeners before a word ("sehr gut",
	// "etwas teuer", "kind of slow") add to its magnitude.
	Modifiers bool `mapstructure:"modifiers"`
	// Contrast: "aber", "but" weigh the clause after more; "obwohl",
	// "although" weigh their own clause less.
	Contrast bool `mapstructure:"contrast"`
	// Caps: a word in capitals in a text that is not all capitals
	// ("ÄRGERLICH") gains CapsIncrement.
	Caps          bool    `mapstructure:"caps"`
	CapsIncrement float64 `mapstructure:"caps_increment"`
	// Punctuation: each "!" (up to 4) adds ExclamationIncrement to a
	// sentence's magnitude; "??" and more add QuestionIncrement each (up
	// to 3).
	Punctuation          bool    `mapstructure:"punctuation"`
	ExclamationIncrement float64 `mapstructure:"exclamation_increment"`
	QuestionIncrement    float64 `mapstructure:"question_increment"`
	// Emoji scores emoji and emoticons.
	Emoji bool `mapstructure:"emoji"`
	// Phrases matches multi-word expressions ("lässt zu wünschen übrig").
	Phrases bool `mapstructure:"phrases"`
	// Compounds looks a German word up through its head when the word
	// itself is unknown; CompoundMinHead is the shortest head in letters.
	Compounds       bool `mapstructure:"compounds"`
	CompoundMinHead int  `mapstructure:"compound_min_head"`
	// Umlauts looks an unknown German word written without umlauts up
	// with them ("aergerlich" = "ärgerlich").
	Umlauts bool `mapstructure:"umlauts"`
	// StemFallback looks a word up by its stem when its form is unknown.
	StemFallback bool `mapstructure:"stem_fallback"`

	// Irony negates praise that is sarcasm: praise opening a sentence
	// before a complaint ("Toll, schon wieder zu spät"), praise in scare
	// quotes (the 'free upgrade').
	Irony bool `mapstructure:"irony"`
	// ScareQuotes (with Irony) negates the praise of a sentence that holds
	// a short quoted phrase in lower case and a complaint ("Really
	// appreciate being told my 'urgent' ticket has been escalated").
	ScareQuotes bool `mapstructure:"scare_quotes"`
	// Irrealis scales praise in a clause with an irrealis word ("hätte",
	// "erhofft", "should have") by this factor: 1 leaves it, 0
	// neutralizes it, below 0 turns it into disappointment.
	// IrrealisSentence widens the reach to the sentence.
	Irrealis         float64 `mapstructure:"irrealis"`
	IrrealisSentence bool    `mapstructure:"irrealis_sentence"`
	// NeverAgain is the weight of "never … again" / "never … back" with
	// words between ("we'll never go there again"): the customer says
	// they are gone, which the words around rarely carry.
	NeverAgain float64 `mapstructure:"never_again"`
	// Excess is the weight of an adjective the lexicon does not score
	// after "zu"/"too" ("viel zu warm", "too salty"); 0 switches it off.
	Excess float64 `mapstructure:"excess"`
	// Suggestion is the weight of a comment that opens with a comparative
	// of what is missing ("More staff", "Kürzere Wartezeiten"); 0
	// switches it off.
	Suggestion float64 `mapstructure:"suggestion"`
	// Implicit scores implicit complaints (Cue) as negative evidence:
	// waiting, being passed around, broken promises, churn.
	Implicit bool `mapstructure:"implicit"`

	// Alpha normalizes a sentence's sum s to s/sqrt(s²+Alpha), as VADER.
	Alpha float64 `mapstructure:"alpha"`
	// NeutralWeight is the weight of a sentence without evidence in the
	// comment's average: it keeps a long neutral report from being called
	// positive for one "danke", without letting length alone push a score
	// to ±1.
	NeutralWeight float64 `mapstructure:"neutral_weight"`
	// Thresholds set the labels per language: the lexicons differ in scale
	// and the texts in style, so one setting does not fit both (measured
	// on the dev sets).
	Thresholds map[string]Threshold `mapstructure:"thresholds"`
	// MixedAfterContrast weighs praise and blame for "mixed" after the
	// contrast rule ("gut, aber teuer" leans on "teuer") rather than
	// before it.
	MixedAfterContrast bool `mapstructure:"mixed_after_contrast"`
}

// Threshold is one language's label setting: a score at or above Positive
// is positive, at or below Negative negative. A comment is mixed instead
// when its praise and its blame (the sums of its positive and of its
// negative evidence) are both substantial and neither wins: the weaker is
// at least MixedMin and at least MixedBalance times the stronger, and the
// score is strictly within ±MixedMaxScore, so that a clearly scored
// comment is never mixed.
type Threshold struct {
	Positive      float64 `mapstructure:"positive"`
	Negative      float64 `mapstructure:"negative"`
	MixedMin      float64 `mapstructure:"mixed_min"`
	MixedBalance  float64 `mapstructure:"mixed_balance"`
	MixedMaxScore float64 `mapstructure:"mixed_max_score"`
}

// DefaultRules are the built-in rules (the values in configs/default.yaml).
func DefaultRules() Rules {
	return Rules{
		Negation: true, NegationScalar: -0.74, NegationWindow: 3,
		PostNegation: true, PostNegationWindow: 4,
		Modifiers: true, Contrast: true,
		Caps: true, CapsIncrement: 0.733,
		Punctuation: true, ExclamationIncrement: 0.292, QuestionIncrement: 0.18,
		Emoji: true, Phrases: true,
		DanglingNegation: map[string]float64{"de": 0, "en": -0.5},
		Compounds:        true, CompoundMinHead: 5,
		StemFallback:       true,
		Implicit:           true,
		Umlauts:            true,
		Irony:              true,
		ScareQuotes:        true,
		Irrealis:           -0.5,
		Excess:             -1.3,
		NeverAgain:         -2.5,
		Suggestion:         -1.2,
		MixedAfterContrast: true,
		Alpha:              15,
		NeutralWeight:      0.5,
		Thresholds: map[string]Threshold{
			"de": {Positive: 0.2, Negative: -0.15, MixedMin: 1.5, MixedBalance: 0.5, MixedMaxScore: 0.3},
			"en": {Positive: 0.05, Negative: -0.05, MixedMin: 1.5, MixedBalance: 0.9, MixedMaxScore: 0.3},
		},
	}
}

// Check returns the first bad option as its key and a message, or "" when
// the rules are sound. Build calls it before any data is read.
func (r Rules) Check() (key, msg string) {
	switch {
	case r.NegationWindow < 0 || r.PostNegationWindow < 0:
		return "negation_window", "windows cannot be negative"
	case r.Alpha <= 0:
		return "alpha", fmt.Sprintf("%v: want a positive number", r.Alpha)
	case badThresholds(r.Thresholds) != "":
		return "thresholds", badThresholds(r.Thresholds)
	case r.CompoundMinHead < 2:
		return "compound_min_head", fmt.Sprintf("%d: want at least 2", r.CompoundMinHead)
	}
	return "", ""
}

// badThresholds says what is wrong with a thresholds option, or "".
func badThresholds(th map[string]Threshold) string {
	for _, lang := range []string{"de", "en"} {
		t, ok := th[lang]
		switch {
		case !ok:
			return "missing " + lang + ": give positive, negative, mixed_min, mixed_balance and mixed_max_score for de and en"
		case t.Positive < t.Negative:
			return fmt.Sprintf("%s: positive %v is below negative %v", lang, t.Positive, t.Negative)
		case t.MixedMin <= 0:
			return fmt.Sprintf("%s: mixed_min %v: want a positive strength", lang, t.MixedMin)
		case t.MixedBalance <= 0 || t.MixedBalance > 1:
			return fmt.Sprintf("%s: mixed_balance %v: want a share in (0, 1]", lang, t.MixedBalance)
		case t.MixedMaxScore <= 0 || t.MixedMaxScore > 1:
			return fmt.Sprintf("%s: mixed_max_score %v: want a score in (0, 1]", lang, t.MixedMaxScore)
		}
	}
	for lang := range th {
		if lang != "de" && lang != "en" {
			return fmt.Sprintf("unknown language %q: want de and en", lang)
		}
	}
	return ""
}
