package sentiment

// Rules are the switches and weights of the scorer. The zero value switches
// everything off; DefaultRules gives the measured defaults.
type Rules struct {
	// Negation flips and scales a sentiment word governed by a negator
	// ("nicht gut", "not good", "kein guter Service") within Window tokens
	// before it, inside its clause.
	Negation       bool
	NegationScalar float64
	NegationWindow int
	// PostNegation (German): a negator after the word in the same clause
	// negates it when nothing else claims it ("gefällt mir nicht",
	// "funktioniert nicht", "das mag ich nicht").
	PostNegation       bool
	PostNegationWindow int

	// Modifiers: boosters and dampeners before a word ("sehr gut",
	// "etwas teuer", "kind of slow") add to its magnitude.
	Modifiers bool
	// Contrast: "aber", "but" weigh the clause after more; "obwohl",
	// "although" weigh their own clause less.
	Contrast bool
	// Caps: a word in capitals in a text that is not all capitals
	// ("ÄRGERLICH") gains CapsIncrement.
	Caps          bool
	CapsIncrement float64
	// Punctuation: each "!" (up to 4) adds ExclamationIncrement to a
	// sentence's magnitude; "??" and more add QuestionIncrement each (up
	// to 3).
	Punctuation          bool
	ExclamationIncrement float64
	QuestionIncrement    float64
	// Emoji scores emoji and emoticons.
	Emoji bool
	// Phrases matches multi-word expressions ("lässt zu wünschen übrig").
	Phrases bool
	// Compounds looks a German word up through its head when the word
	// itself is unknown; CompoundMinHead is the shortest head in letters.
	Compounds       bool
	CompoundMinHead int
	// StemFallback looks a word up by its stem when its form is unknown.
	StemFallback bool

	// Alpha normalizes a sentence's sum s to s/sqrt(s²+Alpha), as VADER.
	Alpha float64
	// NeutralWeight is the weight of a sentence without evidence in the
	// comment's average: it keeps a long neutral report from being called
	// positive for one "danke", without letting length alone push a score
	// to ±1.
	NeutralWeight float64
	// PositiveThreshold and NegativeThreshold bound the neutral band of
	// the comment score; MixedThreshold is the strength (|clause score|,
	// normalized like a sentence, before contrast weighting) that a positive
	// and a negative clause both need for "mixed".
	PositiveThreshold float64
	NegativeThreshold float64
	MixedThreshold    float64
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
		Compounds: true, CompoundMinHead: 4,
		StemFallback:      true,
		Alpha:             15,
		NeutralWeight:     0.5,
		PositiveThreshold: 0.05, NegativeThreshold: -0.05, MixedThreshold: 0.25,
	}
}
