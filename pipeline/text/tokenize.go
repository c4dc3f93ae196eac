package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// Tokenize appends the tokens of s to dst and returns it. Offsets are byte offsets into s.
//
// Every token's Text is s[Start:End]; whitespace and invisible format
// characters separate tokens and are never part of one at its edges. Lower and
// Stem are left for the stems stage.
func Tokenize(s string, dst []models.Token) []models.Token {
	sc := scanner{s: s, t: loadedTables()}
	for sc.next() {
		start, end := sc.tok.start, sc.tok.end
		dst = append(dst, models.Token{Text: s[start:end], Start: start, End: end, Kind: sc.tok.kind})
	}
	return dst
}

// TokenizeSentences tokenizes s sentence by sentence, appending to dst, so
// that no token crosses a sentence boundary, and sets each sentence's
// FirstToken and EndToken. Offsets are byte offsets into s.
func TokenizeSentences(s string, sents []models.Sentence, dst []models.Token) []models.Token {
	for i := range sents {
		se := &sents[i]
		se.FirstToken = len(dst)
		dst = Tokenize(s[se.Start:se.End], dst)
		for j := se.FirstToken; j < len(dst); j++ {
			dst[j].Start += se.Start
			dst[j].End += se.Start
		}
		se.EndToken = len(dst)
	}
	return dst
}

// The scanner below is shared by Tokenize and SplitSentences. Sharing it is
// what guarantees that a sentence boundary never falls inside a token: the
// splitter only ever cuts between the tokens the scanner produced.

type token struct {
	start, end int
	kind       models.TokenKind
	// nl: a line break lies in the whitespace before the token.
	nl bool
	// abbrev is set for a listed abbreviation ("usw.", "z.B.") or the last
	// part of a spaced one ("B." in "z. B.").
	abbrev *abbrevEntry
	// inner marks the non-final parts of a spaced abbreviation ("z." in
	// "z. B."): never a sentence end.
	inner bool
}

type scanner struct {
	s   string
	i   int
	t   *tables
	tok token // the token next found; while scanning, the previous one
	// hasTok and nl describe the left context of the token being scanned:
	// whether a token precedes it and whether a line break lies between.
	hasTok, nl bool
	// Probes for e-mails and bare domains scan ahead over a run that may be
	// much longer than the token they end up producing ("a.a.a.a…"). A failed
	// probe fails for every later start inside the run it scanned, so these
	// remember where that run ended and keep tokenizing linear.
	noEmailBefore  int
	noDomainBefore int
	// A spaced abbreviation ("i. d. R.") is matched as a whole but emitted
	// one part per token, so that no token contains whitespace.
	abbrevUntil int
	abbrevLast  *abbrevEntry
}

// next finds the next token and leaves it in sc.tok. The scan functions
// return (end, kind) rather than a token so the common path passes two
// registers instead of copying a struct through every level.
func (sc *scanner) next() bool {
	s := sc.s
	nl := false
	for sc.i < len(s) {
		c := s[sc.i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsSpace == 0 {
				break
			}
			if isNewline(rune(c)) {
				nl = true
			}
			sc.i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[sc.i:])
		if !ignorable(r) {
			break
		}
		if isNewline(r) {
			nl = true
		}
		sc.i += n
	}
	if sc.i >= len(s) {
		return false
	}
	sc.tok.abbrev, sc.tok.inner = nil, false
	sc.nl = nl
	end, kind := sc.scan()
	sc.tok.start, sc.tok.end, sc.tok.kind, sc.tok.nl = sc.i, end, kind, nl
	sc.hasTok = true
	sc.i = end
	return true
}

// scan reads the token at sc.i, which is not whitespace.
func (sc *scanner) scan() (int, models.TokenKind) {
	s, i := sc.s, sc.i
	if i < sc.abbrevUntil {
		return sc.abbrevPart()
	}
	c := s[i]
	if c >= utf8.RuneSelf {
		return sc.scanRune()
	}
	cls := sc.t.class[c]
	// Fast path for the most common token: an ASCII word that a space or
	// plain punctuation ends, so no URL, contraction, compound or
	// abbreviation rule can apply. A letter that may start an emoticon
	// ("d:", "xD") takes it when the next byte rules the emoticon out, as it
	// does for nearly every word.
	if cls&clsLetter != 0 && (cls&clsEmoFirst == 0 || !sc.t.emoticonSecond(s, i)) {
		j := i + 1
		for j < len(s) && asciiClass[s[j]]&clsAlnum != 0 {
			j++
		}
		if j == len(s) || asciiClass[s[j]]&clsWordEnd != 0 {
			return j, models.Word
		}
	}
	if cls&clsKeycap != 0 {
		if end := keycapEnd(s, i); end > 0 {
			return end, models.Emoji
		}
	}
	if cls&clsEmoFirst != 0 && sc.t.emoticonSecond(s, i) {
		if end := sc.t.matchEmoticon(s, i, !sc.attached()); end > 0 {
			return end, models.Emoticon
		}
	}
	switch {
	case cls&clsAlnum != 0:
		return sc.scanAlnum()
	case c == '.' || c == '!' || c == '?':
		return termRunEnd(s, i), models.Punct
	case c == '@':
		if end := sc.tagEnd(false); end > 0 {
			return end, models.Mention
		}
	case c == '#':
		if end := sc.tagEnd(true); end > 0 {
			return end, models.Hashtag
		}
	case c == '\'' || c == '`':
		if end := sc.elisionEnd(1); end > 0 {
			return end, models.Word
		}
	}
	return i + 1, models.Punct
}

// scanRune handles a token starting with a non-ASCII rune.
func (sc *scanner) scanRune() (int, models.TokenKind) {
	s, i := sc.s, sc.i
	r, n := utf8.DecodeRuneInString(s[i:])
	// Above U+2000 emoji are more common than letters in feedback, and the
	// Unicode letter tables are slow for them: test emoji first there.
	if r < 0x2000 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
		return sc.scanAlnum()
	}
	switch {
	case r >= 0x2000 && (isRegional(r) || isSkinTone(r) || sc.t.isExtPict(r)):
		return sc.scanEmoji(r, n)
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return sc.scanAlnum()
	case r == '…' || r == '。' || r == '！' || r == '？':
		return termRunEnd(s, i), models.Punct
	case r == '’' || r == '´':
		if end := sc.elisionEnd(n); end > 0 {
			return end, models.Word
		}
	case sc.t.isExtPict(r): // © and ® are below U+2000
		return sc.scanEmoji(r, n)
	}
	return i + n, models.Punct
}

// scanAlnum reads a token starting with a letter or digit: word, number,
// URL or e-mail.
func (sc *scanner) scanAlnum() (int, models.TokenKind) {
	s, i := sc.s, sc.i
	j0 := alnumRunEnd(s, i)
	// A URL or e-mail continues after the trigger: "bahn.de", not "Ende. ".
	if j0+1 < len(s) && asciiClass[s[j0]]&clsTrigger != 0 && (s[j0] == '@' || s[j0] == ':' || startsWordRune(s, j0+1)) {
		if end, kind, ok := sc.probe(j0); ok {
			return end, kind
		}
	}
	if c := s[i]; c >= '0' && c <= '9' {
		return sc.scanNumber(j0)
	}
	return sc.scanWord(j0)
}

// attached reports whether the token being scanned directly follows the
// previous one.
//
// Rules that look left ("C#" is no hashtag, "(:" needs space) ask this
// instead of reading the byte before: a sentence span starts with no
// previous token, and in the whole text the splitter cuts only where there
// is space or a capitalised word follows, so both see the same answer.
func (sc *scanner) attached() bool {
	return sc.hasTok && sc.tok.end == sc.i
}

// termRunEnd: a run of sentence punctuation is one token because "!!!" and
// "?!" carry emphasis that later stages weigh, and "..." is one ellipsis.
func termRunEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c == '.' || c == '!' || c == '?' {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if r != '…' && r != '。' && r != '！' && r != '？' {
			break
		}
		j += n
	}
	return j
}

// isTermRun reports whether a Punct token is a run of sentence punctuation.
func isTermRun(t string) bool {
	return t != "" && termRunEnd(t, 0) == len(t)
}
