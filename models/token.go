package models

// TokenKind classifies a token. The sentiment engine treats kinds differently:
// an emoticon or emoji carries sentiment of its own, a URL never does.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
	Emoji
	Emoticon
	URL
	Email
	Mention
	Hashtag
)

var kindNames = [...]string{"word", "number", "punct", "emoji", "emoticon", "url", "email", "mention", "hashtag"}

func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one token of Record.Text. Start and End are byte offsets:
// Text[Start:End] == Token.Text always holds.
type Token struct {
	Text  string
	Start int
	End   int
	Kind  TokenKind
	// Lower is the lower-cased form (Unicode-aware), set by the stems stage.
	Lower string
	// Stem is the Snowball stem of Lower for words; empty for other kinds.
	Stem string
}

// Sentence is a span of Record.Text. Start and End are byte offsets;
// FirstToken and EndToken index Record.Tokens (half-open) once tokens exist.
type Sentence struct {
	Start      int
	End        int
	FirstToken int
	EndToken   int
}

// SentenceOfTokens maps each token of r to the index of its sentence,
// reusing buf. Tokens outside every sentence map to 0.
func (r *Record) SentenceOfTokens(buf []int) []int {
	out := buf[:0]
	if cap(out) < len(r.Tokens) {
		out = make([]int, len(r.Tokens))
	}
	out = out[:len(r.Tokens)]
	clear(out)
	for si, se := range r.Sentences {
		for j := max(se.FirstToken, 0); j < se.EndToken && j < len(out); j++ {
			out[j] = si
		}
	}
	return out
}
