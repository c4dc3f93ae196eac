package models

// Sentiment labels.
const (
	Positive = "positive"
	Negative = "negative"
	Neutral  = "neutral"
	Mixed    = "mixed"
)

// Sentiment is the polarity of a comment or a sentence.
type Sentiment struct {
	// Score is in [-1, 1]: the balance of positive and negative evidence,
	// normalized so that it does not drift to ±1 just because a text is long.
	Score float64
	// Positive, Negative and Neutral are the shares of the evidence
	// (they sum to 1 when the text has any words).
	Positive float64
	Negative float64
	Neutral  float64
	// Label is Positive, Negative, Neutral or Mixed.
	Label string
	// Engine and Lexicon name the versions that produced the score (set
	// on the comment's sentiment only), so that scores from different
	// versions are never compared unknowingly.
	Engine  string
	Lexicon string
}

// Contribution is one token's (or phrase's) part in a score, for explain.
type Contribution struct {
	// Text is the token or phrase as written; Start and End are byte offsets
	// into Record.Text.
	Text  string
	Start int
	End   int
	// Sentence is the index of the sentence it belongs to.
	Sentence int
	// Source names the lexicon entry ("de/polarity.tsv:812") and Match how
	// it matched: "exact", "stem", "compound", "phrase", "emoji".
	Source string
	Match  string
	// Base is the lexicon weight; Final what it contributed after the rules.
	Base  float64
	Final float64
	// Rules lists what changed it, in order, e.g. "negated by nicht (×-0.74)".
	Rules []string
}

// Clause is a run of tokens that the sentiment engine weighs as one unit: it
// ends at a comma-like mark, a contrast word ("aber", "but"), a subordinating
// conjunction or the end of a sentence. FirstToken and EndToken index
// Record.Tokens (half-open).
type Clause struct {
	FirstToken int
	EndToken   int
	Sentence   int
	// Contrast is true when the clause opens with a contrast word: what
	// follows "aber" is about something else as often as not.
	Contrast bool
}

// Evidence is one word, phrase or emoji that moved the sentiment, with its
// final value after every rule. The themes stage hands each piece of
// evidence to the theme it is about.
type Evidence struct {
	// FirstToken and LastToken index Record.Tokens (inclusive).
	FirstToken int
	LastToken  int
	// Clause indexes Analysis.Clauses.
	Clause int
	// Value is the final contribution; Pre the value before contrast
	// weighting (how strong the clause is on its own).
	Value float64
	Pre   float64
}

// Analysis is the sentiment engine's working units for one record: its
// clauses and the final value of each piece of evidence. The sentiment
// stage writes it and the themes stage reads it, through the pipeline's
// notes; it is never written out.
type Analysis struct {
	Clauses  []Clause
	Evidence []Evidence
}
