package models

// Theme is one theme of a taxonomy found in a comment, with the sentiment of
// the words that speak about it.
type Theme struct {
	// Name is the theme's own name; Path its place in the taxonomy
	// ("service/reachability").
	Name string
	Path string
	// Score, in [-1, 1], and Label come from the sentiment of the clauses
	// that mention the theme (Label may be mixed).
	Score float64
	Label string
	// Negated is true when every mention is negated as missing ("kein
	// WLAN", "no reply").
	Negated bool
	Matches []ThemeMatch
}

// ThemeMatch is one mention of a theme: the words as written, their byte
// offsets in Record.Text, and the taxonomy term that matched.
type ThemeMatch struct {
	Text  string
	Start int
	End   int
	Term  string
}

// Signals are the customer-experience signals of a record: rating groups,
// effort, and the follow-up priority with its reasons.
type Signals struct {
	// NPSGroup is promoter (9-10), passive (7-8) or detractor (0-6); empty
	// without an NPS rating. CSATGroup is satisfied, neutral or
	// dissatisfied on the configured CSAT scale.
	NPSGroup  string
	CSATGroup string
	// Effort is 0..1: from a CES rating when there is one, else from
	// friction in the text ("musste dreimal anrufen").
	Effort float64
	// Urgency and Churn are 0..1 from the text.
	Urgency float64
	Churn   float64
	// Priority is 0..100 for following up; Reasons says what raised it.
	Priority int
	Reasons  []string
	// Matches are the words behind effort, urgency and churn.
	Matches []SignalMatch
}

// SignalMatch is one text span that raised a signal.
type SignalMatch struct {
	Signal string // the signal's path in the signals taxonomy ("effort/hold")
	Text   string
	Start  int
	End    int
}

// ThemeMention is one place where a taxonomy theme is mentioned: tokens [First,
// Last] of the record, the pattern that matched, and whether an absence
// word stands before it ("kein WLAN"). Theme indexes the taxonomy's themes.
type ThemeMention struct {
	Theme       int
	First, Last int
	Term        string
	Negated     bool
}
