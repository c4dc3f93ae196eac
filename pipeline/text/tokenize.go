package text

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
	sc := scanner{s: s}
	for sc.next() {
		start, end := sc.tok.start, sc.tok.end
		dst = append(dst, models.Token{Text: s[start:end], Start: start, End: end, Kind: sc.tok.kind})
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

// ignorable reports runes that separate tokens without being one: whitespace,
// controls, and invisible format characters and marks that have nothing to
// attach to (a lone ZWJ or variation selector, a BOM, a zero-width space).
func ignorable(r rune) bool {
	if r < 0x80 {
		return asciiClass[r]&clsSpace != 0
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsMark(r)
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
	cls := asciiClass[c]
	// Fast path for the most common token: an ASCII word that a space or
	// plain punctuation ends, so no URL, contraction, compound or
	// abbreviation rule can apply.
	if cls&(clsLetter|clsEmoFirst) == clsLetter {
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
	if cls&clsEmoFirst != 0 {
		if end := matchEmoticon(s, i, !sc.attached()); end > 0 {
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
	case r >= 0x2000 && (isRegional(r) || isSkinTone(r) || isExtPict(r)):
		return sc.scanEmoji(r, n)
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return sc.scanAlnum()
	case r == '…' || r == '。' || r == '！' || r == '？':
		return termRunEnd(s, i), models.Punct
	case r == '’' || r == '´':
		if end := sc.elisionEnd(n); end > 0 {
			return end, models.Word
		}
	case isExtPict(r): // © and ® are below U+2000
		return sc.scanEmoji(r, n)
	}
	return i + n, models.Punct
}

// scanEmoji reads an emoji starting with r (n bytes), which is a regional
// indicator, a skin-tone modifier or a pictograph.
func (sc *scanner) scanEmoji(r rune, n int) (int, models.TokenKind) {
	s, i := sc.s, sc.i
	end := i + n
	switch {
	case isRegional(r):
		if r2, n2 := utf8.DecodeRuneInString(s[end:]); isRegional(r2) {
			end += n2
		}
		return end, models.Emoji
	case isSkinTone(r):
		return end, models.Emoji
	}
	// ©, ™, arrows and geometric shapes are typography unless the writer
	// asked for the emoji form with U+FE0F.
	if textDefault(r) && !strings.HasPrefix(s[end:], vs16) {
		return end, models.Punct
	}
	return emojiEnd(s, end), models.Emoji
}

const (
	vs16 = "\uFE0F"
	zwj  = "\u200D"
)

// emojiEnd extends an emoji that ends at j over its modifiers and over
// ZWJ-joined pictographs, so 👨‍👩‍👧, 👍🏽, ❤️ and 🏴 with its tag sequence stay whole.
func emojiEnd(s string, j int) int {
	for {
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || isSkinTone(r) || (r >= 0xE0020 && r <= 0xE007F) {
				j += n
				continue
			}
			break
		}
		if !strings.HasPrefix(s[j:], zwj) {
			return j
		}
		r, n := utf8.DecodeRuneInString(s[j+len(zwj):])
		if !isExtPict(r) {
			return j
		}
		j += len(zwj) + n
	}
}

// keycapEnd matches 1️⃣ (digit, # or *, optional U+FE0F, U+20E3).
func keycapEnd(s string, i int) int {
	j := i + 1
	if strings.HasPrefix(s[j:], vs16) {
		j += len(vs16)
	}
	if strings.HasPrefix(s[j:], "\u20E3") {
		return j + len("\u20E3")
	}
	return 0
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isExtPict(r rune) bool {
	if r < 0xA9 {
		return false
	}
	rs := tab.extPict
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < rs[m][0]:
			hi = m
		case r > rs[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

func textDefault(r rune) bool {
	return r < 0x2300 || (r >= 0x25A0 && r <= 0x25FF) || r == 0x2934 || r == 0x2935 || (r >= 0x2B05 && r <= 0x2B07)
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

// tagEnd matches @mention or #hashtag at sc.i. The sign must not follow a
// word ("C#", "foo@bar" without a domain), and a hashtag needs a non-digit
// ("#1" is "number one").
func (sc *scanner) tagEnd(hashtag bool) int {
	s, i := sc.s, sc.i
	if sc.attached() {
		switch sc.tok.kind {
		case models.Punct, models.Emoji, models.Emoticon:
		default:
			return 0
		}
	}
	j := i + 1
	nonDigit := false
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsAlnum == 0 && c != '_' {
				break
			}
			if c < '0' || c > '9' {
				nonDigit = true
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			break
		}
		nonDigit = true
		j += n
	}
	if j == i+1 || (hashtag && !nonDigit) {
		return 0
	}
	return j
}

// elisionEnd matches a word with a dropped start ("'s", "'ne", "'cause") at
// sc.i, where the apostrophe is n bytes long. Elsewhere a leading apostrophe
// is a quotation mark and stays punctuation.
func (sc *scanner) elisionEnd(n int) int {
	s, i := sc.s, sc.i
	if sc.attached() {
		switch s[sc.tok.start:sc.tok.end] {
		case "(", "[", "\"", "„", "“", "«", "»":
		default:
			return 0
		}
	}
	j := letterRunEnd(s, i+n)
	if j == i+n || j-i-n > 8 {
		return 0
	}
	if j < len(s) && apostropheLen(s, j) > 0 {
		return 0
	}
	var buf [16]byte
	key, ok := foldASCII(buf[:0], s[i+n:j])
	if !ok {
		return 0
	}
	if _, ok := tab.elisions[string(key)]; !ok {
		return 0
	}
	return j
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

// probe tries URL and e-mail rules for the token at sc.i whose first
// alphanumeric run ends at j0.
func (sc *scanner) probe(j0 int) (int, models.TokenKind, bool) {
	s, i := sc.s, sc.i
	switch s[j0] {
	case ':':
		w := s[i:j0]
		if (strings.EqualFold(w, "http") || strings.EqualFold(w, "https") || strings.EqualFold(w, "ftp")) && strings.HasPrefix(s[j0:], "://") {
			if end := urlTailEnd(s, j0+3); end > j0+3 {
				return end, models.URL, true
			}
		}
		return 0, 0, false
	case '.':
		if strings.EqualFold(s[i:j0], "www") && j0+1 < len(s) && asciiClass[s[j0+1]]&clsAlnum != 0 {
			return urlTailEnd(s, j0+1), models.URL, true
		}
	}
	if i >= sc.noEmailBefore {
		end, scanned := emailEnd(s, i)
		if end > 0 {
			return end, models.Email, true
		}
		sc.noEmailBefore = scanned
	}
	if s[j0] == '.' && i >= sc.noDomainBefore {
		end, scanned := domainEnd(s, i)
		if end > 0 {
			if end < len(s) && s[end] == '/' {
				end = urlTailEnd(s, end)
			}
			return end, models.URL, true
		}
		sc.noDomainBefore = scanned
	}
	return 0, 0, false
}

// urlTailEnd scans URL characters from j and gives back trailing
// punctuation that belongs to the sentence ("see https://x.y/z." or
// "(https://x.y/z)").
func urlTailEnd(s string, j int) int {
	start := j
	open := 0
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsURL == 0 {
				break
			}
			switch c {
			case '(', '[':
				open++
			case ')', ']':
				open--
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	for j > start {
		c := s[j-1]
		if strings.IndexByte(".,;:!?'\"*", c) >= 0 || ((c == ')' || c == ']') && open < 0) {
			if c == ')' || c == ']' {
				open++
			}
			j--
			continue
		}
		break
	}
	return j
}

// emailEnd matches local@domain.tld at i. It also returns how far the local
// part reached, for the scanner's memo.
func emailEnd(s string, i int) (end, scanned int) {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsAlnum != 0 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += n
	}
	if j >= len(s) || s[j] != '@' || s[j-1] == '.' {
		return 0, j
	}
	// The domain ends at its last plausible top-level label, not at the last
	// label: "a@b.de.X1" is "a@b.de" and ".X1", whatever follows.
	_, _, tldEnd := scanLabels(s, j+1, isEmailTLD)
	if tldEnd == 0 {
		return 0, j
	}
	return tldEnd, j
}

func isEmailTLD(label string) bool {
	return len(label) >= 2 && allASCIILetters(label)
}

// domainEnd matches a bare domain ("bahn.de", "www" handled elsewhere) at i:
// dot-separated labels whose last one is a listed TLD. The TLD must be all
// lower or all upper case, so a missing space ("in Berlin.At the") is not a URL.
func domainEnd(s string, i int) (end, scanned int) {
	labels, lastEnd, tldEnd := scanLabels(s, i, isTLD)
	if labels < 2 || tldEnd == 0 {
		return 0, lastEnd
	}
	if tldEnd < len(s) && (s[tldEnd] == '@' || s[tldEnd] == '-' || s[tldEnd] == '_') {
		return 0, lastEnd
	}
	return tldEnd, lastEnd
}

// scanLabels reads dot-separated domain labels from j and reports the end of
// the last label (after the first) that tld accepts.
func scanLabels(s string, j int, tld func(string) bool) (labels, lastEnd, tldEnd int) {
	for {
		start := j
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if asciiClass[c]&clsAlnum != 0 || (c == '-' && j > start) {
					j++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		if j == start {
			return
		}
		labels++
		lastEnd = j
		if labels > 1 && tld(s[start:j]) {
			tldEnd = j
		}
		if j+1 >= len(s) || s[j] != '.' || !startsWordRune(s, j+1) {
			return
		}
		j++
	}
}

func isTLD(label string) bool {
	if len(label) < 2 || len(label) > 8 || !allASCIILetters(label) {
		return false
	}
	lower, upper := true, true
	for k := 0; k < len(label); k++ {
		if label[k] >= 'a' {
			upper = false
		} else {
			lower = false
		}
	}
	if !lower && !upper {
		return false
	}
	var buf [8]byte
	key, _ := foldASCII(buf[:0], label)
	_, ok := tab.tlds[string(key)]
	return ok
}

// scanNumber reads 42, 3,5, 1.000,50, 12:30, 24/7 and an ordinal "3.";
// alphanumerics that start with a digit ("5G", "2nd", "9-Euro-Ticket") are
// words. j0 is the end of the token's alphanumeric prefix.
func (sc *scanner) scanNumber(j0 int) (int, models.TokenKind) {
	s, i := sc.s, sc.i
	j := digitRunEnd(s, i)
	if j0 > j || (j < len(s) && hyphenLen(s, j) > 0 && startsLetter(s, j+hyphenLen(s, j))) {
		return sc.scanWord(j0)
	}
	for j+1 < len(s) && (s[j] == '.' || s[j] == ',' || s[j] == ':' || s[j] == '/') && isDigit(s[j+1]) {
		j = digitRunEnd(s, j+1)
	}
	if j < len(s) && s[j] == '.' && sc.ordinalDot(j) {
		j++
	}
	return j, models.Number
}

// ordinalDot decides whether the dot after the number s[sc.i:dot] belongs
// to it. German writes ordinals and dates with a dot ("am 3. Mai", "der 2.
// Versuch", "24.12. war"), which would otherwise end a sentence.
//
// The left context is the previous token, not the raw text before the
// number: a sentence span starting at the number has no previous token, and
// in the whole text the token before it is the punctuation, emoji or
// emoticon that ended the previous sentence. Both read as "start", so the
// tokenizer of a span and the splitter over the whole text decide alike.
func (sc *scanner) ordinalDot(dot int) bool {
	s, num := sc.s, sc.i
	if !ordinalShape(s[num:dot]) {
		return false
	}
	k := dot + 1
	spaced := false
	for k < len(s) {
		if s[k] == ' ' || s[k] == '\t' {
			k++
			spaced = true
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[k:]); r == 0xA0 || r == 0x202F || r == 0x2009 {
			k += n
			spaced = true
			continue
		}
		break
	}
	if !spaced || k >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	if unicode.IsLower(r) {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	if inFoldSet(tab.ordinalAfter, s[k:letterRunEnd(s, k)]) {
		return true
	}
	// Look back: an enumeration at the start of a text, line or sentence
	// ("1. Klasse", "Toll. 2. Versuch"), or a determiner ("der 2. Versuch").
	prev := sc.tok
	switch {
	case !sc.hasTok || sc.nl:
		return true
	case prev.kind == models.Word:
		return inFoldSet(tab.ordinalBefore, s[prev.start:prev.end])
	case prev.kind == models.Punct || prev.kind == models.Emoji || prev.kind == models.Emoticon:
		return true
	}
	return false
}

// ordinalShape: up to three digits ("3", "100"), or a day and month
// ("24.12").
func ordinalShape(n string) bool {
	d := 0
	groups := 1
	for k := 0; k < len(n); k++ {
		if n[k] == '.' {
			if d == 0 || d > 2 {
				return false
			}
			groups++
			d = 0
			continue
		}
		if !isDigit(n[k]) {
			return false
		}
		d++
	}
	if groups == 1 {
		return d >= 1 && d <= 3
	}
	return groups == 2 && d >= 1 && d <= 2
}

// scanWord reads a word whose alphanumeric prefix ends at j: it continues
// over apostrophes and hyphens between word characters, so "can't",
// "war's", "E-Mail" and "well-known" stay whole, then checks for a listed
// abbreviation that keeps its dot.
func (sc *scanner) scanWord(j int) (int, models.TokenKind) {
	s, i := sc.s, sc.i
	joined := false
	for j < len(s) {
		var n int
		// Most words end at a space or comma: decide on the first byte.
		switch s[j] {
		case '&':
			if j > i && isUpperASCII(s[j-1]) && j+1 < len(s) && isUpperASCII(s[j+1]) {
				n = 1
			}
		case '\'', '`', '-':
			n = 1
		case 0xC2, 0xE2:
			if n = apostropheLen(s, j); n == 0 {
				if n = hyphenLen(s, j); n == 0 {
					n = invisibleJoinerLen(s, j)
				}
			}
		}
		if n == 0 || !startsWordRune(s, j+n) {
			break
		}
		joined = true
		j = alnumRunEnd(s, j+n)
	}
	if !joined && j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] != '.') {
		if end, ok := sc.abbreviation(j); ok {
			return end, models.Word
		}
	}
	return j, models.Word
}

// abbreviation matches a listed abbreviation for the word s[sc.i:dot]
// followed by a dot, trying the longest multi-part form first ("z.B.",
// "z. B.", "i. d. R.").
func (sc *scanner) abbreviation(dot int) (int, bool) {
	s, i := sc.s, sc.i
	if dot-i > tab.maxFirst || !allLetters(s[i:dot]) {
		return 0, false
	}
	type part struct{ start, end int } // end is after the part's dot
	var parts [6]part
	n := 1
	parts[0] = part{i, dot + 1}
	for n < tab.maxParts && n < len(parts) {
		k := parts[n-1].end
		if k < len(s) && s[k] == ' ' {
			k++
		}
		e := letterRunEnd(s, k)
		if e == k || e-k > 6 || e >= len(s) || s[e] != '.' || (e+1 < len(s) && s[e+1] == '.') {
			break
		}
		parts[n] = part{k, e + 1}
		n++
	}
	var kb, eb [40]byte
	for ; n > 0; n-- {
		key, exact := kb[:0], eb[:0]
		ok := true
		for _, p := range parts[:n] {
			var fits bool
			key, fits = foldLetters(key, s[p.start:p.end-1])
			ok = ok && fits && len(exact)+p.end-p.start <= len(eb)
			if !ok {
				break
			}
			key = append(key, '.')
			exact = append(exact, s[p.start:p.end]...)
		}
		if !ok {
			continue
		}
		e := tab.abbrevs[string(key)]
		if e == nil || !e.accepts(exact, beforeNumber(s, parts[n-1].end), langBoth) {
			continue
		}
		end := parts[n-1].end
		// Emit up to the first space; the other parts follow from abbrevPart.
		first := end
		if k := strings.IndexByte(s[i:end], ' '); k >= 0 {
			first = i + k
			sc.abbrevUntil, sc.abbrevLast = end, e
			sc.tok.inner = true
			return first, true
		}
		sc.tok.abbrev = e
		return end, true
	}
	return 0, false
}

// abbrevPart emits the next space-separated part of a spaced abbreviation.
func (sc *scanner) abbrevPart() (int, models.TokenKind) {
	s, i := sc.s, sc.i
	end := sc.abbrevUntil
	if k := strings.IndexByte(s[i:end], ' '); k >= 0 {
		sc.tok.inner = true
		return i + k, models.Word
	}
	e := sc.abbrevLast
	sc.abbrevUntil, sc.abbrevLast = 0, nil
	sc.tok.abbrev = e
	return end, models.Word
}

func beforeNumber(s string, j int) bool {
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j < len(s) && isDigit(s[j])
}

// matchEmoticon returns the end of the emoticon at i, or 0. spaced says
// whether something other than a token precedes it.
func matchEmoticon(s string, i int, spaced bool) int {
	// Letters such as "o" and "x" start both emoticons and common words;
	// the second byte rules out almost all words without a string compare.
	if i+1 >= len(s) || tab.emoSecond[s[i]][s[i+1]>>6]&(1<<(s[i+1]&63)) == 0 {
		return 0
	}
	for _, e := range tab.emoticons[s[i]] {
		if !strings.HasPrefix(s[i:], e.text) {
			continue
		}
		j := i + len(e.text)
		last := e.text[len(e.text)-1]
		if strings.IndexByte(")([]DPpd3", last) >= 0 {
			for j < len(s) && s[j] == last {
				j++
			}
		}
		if e.isolated {
			if !spaced {
				continue
			}
			if j < len(s) {
				if r, _ := utf8.DecodeRuneInString(s[j:]); !ignorable(r) {
					continue
				}
			}
		}
		if j < len(s) && (asciiClass[last]&clsAlnum != 0 || last == '/' || last == '\\') {
			if startsWordRune(s, j) || (last == '/' && s[j] == '/') {
				continue
			}
		}
		return j
	}
	return 0
}

// Character helpers.

func isNewline(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clsAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func startsWordRune(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	if s[j] < utf8.RuneSelf {
		return asciiClass[s[j]]&clsAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func startsLetter(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r)
}

// alnumRunEnd skips letters, digits and combining marks.
func alnumRunEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsAlnum == 0 {
				return j
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			return j
		}
		j += n
	}
	return j
}

func letterRunEnd(s string, j int) int {
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if asciiClass[c]&clsLetter == 0 {
				return j
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return j
		}
		j += n
	}
	return j
}

func digitRunEnd(s string, j int) int {
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j
}

func allLetters(w string) bool {
	return w != "" && letterRunEnd(w, 0) == len(w)
}

func allASCIILetters(w string) bool {
	for k := 0; k < len(w); k++ {
		if asciiClass[w[k]]&clsLetter == 0 {
			return false
		}
	}
	return true
}

// apostropheLen: ASCII ', ’ (U+2019), the acute accent ´ and grave accent `
// that German keyboards produce for "gibt´s", and ‘ (U+2018) that
// autocorrect produces for "can‘t".
func apostropheLen(s string, j int) int {
	switch {
	case s[j] == '\'' || s[j] == '`':
		return 1
	case strings.HasPrefix(s[j:], "’"), strings.HasPrefix(s[j:], "‘"):
		return 3
	case strings.HasPrefix(s[j:], "´"):
		return 2
	}
	return 0
}

// hyphenLen: "-", and U+2010 HYPHEN / U+2011 NON-BREAKING HYPHEN from word
// processors. Dashes (–, —) separate words and are not included.
func hyphenLen(s string, j int) int {
	switch {
	case s[j] == '-':
		return 1
	case strings.HasPrefix(s[j:], "\u2010"), strings.HasPrefix(s[j:], "\u2011"):
		return 3
	}
	return 0
}

// invisibleJoinerLen: a soft hyphen or ZWJ/ZWNJ inside a word
// ("Ver\u00ADbindung" as pasted from a web page) does not split it.
func invisibleJoinerLen(s string, j int) int {
	switch {
	case strings.HasPrefix(s[j:], "\u00AD"):
		return 2
	case strings.HasPrefix(s[j:], "\u200C"), strings.HasPrefix(s[j:], "\u200D"):
		return 3
	}
	return 0
}

// foldASCII appends w lower-cased; ok is false for non-ASCII input or when
// w does not fit the caller's buffer (the keys are short; anything longer
// cannot match and must not allocate).
func foldASCII(dst []byte, w string) ([]byte, bool) {
	if len(dst)+len(w) > cap(dst) {
		return dst, false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// foldLetters appends w lower-cased, Unicode-aware, without growing dst.
func foldLetters(dst []byte, w string) ([]byte, bool) {
	if out, ok := foldASCII(dst, w); ok {
		return out, true
	}
	for _, r := range w {
		r = unicode.ToLower(r)
		if len(dst)+utf8.RuneLen(r) > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

func inFoldSet(set map[string]struct{}, w string) bool {
	if w == "" {
		return false
	}
	var buf [24]byte
	key, ok := foldLetters(buf[:0], w)
	if !ok {
		return false
	}
	_, ok = set[string(key)]
	return ok
}

// ASCII classes, one table lookup per byte on the hot path. The table has
// 256 entries so that any byte indexes it; non-ASCII bytes have no class.
const (
	clsSpace    = 1 << iota // whitespace and controls
	clsAlnum                // letter or digit
	clsLetter               // letter
	clsEmoFirst             // may start an emoticon
	clsKeycap               // may start a keycap emoji
	clsTrigger              // after an alphanumeric run, may continue a URL or e-mail
	clsURL                  // may appear in a URL
	clsWordEnd              // ends an ASCII word whatever follows
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c <= ' ' || c == 0x7F:
			t[c] |= clsSpace
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] |= clsAlnum | clsLetter
		case c >= '0' && c <= '9':
			t[c] |= clsAlnum | clsKeycap
		}
		if c > ' ' && c < 0x7F && !strings.ContainsRune("<>\"{}|\\^`", rune(c)) {
			t[c] |= clsURL
		}
	}
	for _, c := range " \t\n\r,;!?()[]\"" {
		t[c] |= clsWordEnd
	}
	t['#'] |= clsKeycap
	t['*'] |= clsKeycap
	for _, c := range "@.:-_+%" {
		t[c] |= clsTrigger
	}
	return t
}()

// Embedded data.

//go:embed data/*.txt
var dataFS embed.FS

type langs uint8

const (
	langDE langs = 1 << iota
	langEN
	langBoth = langDE | langEN
)

// abbrevRule is one language's reading of an abbreviation.
type abbrevRule struct {
	listed bool
	exact  string // non-empty: case-sensitive, this spelling only
	num    bool   // only before a number
	end    bool   // may end a sentence before a typical opener
}

type abbrevEntry struct {
	rules [2]abbrevRule // [0] German, [1] English
}

// accepts reports whether the abbreviation, spelled exact, is one in any of
// the languages in l.
func (e *abbrevEntry) accepts(exact []byte, beforeNum bool, l langs) bool {
	for k, r := range e.rules {
		if l&(1<<k) == 0 || !r.listed || (r.exact != "" && r.exact != string(exact)) || (r.num && !beforeNum) {
			continue
		}
		return true
	}
	return false
}

// in returns the rule that applies for languages l, and whether it is listed
// there at all.
func (e *abbrevEntry) in(l langs) (end, listed bool) {
	for k, r := range e.rules {
		if l&(1<<k) != 0 && r.listed {
			listed = true
			end = end || r.end
		}
	}
	return end, listed
}

type emoticon struct {
	text     string
	isolated bool
}

type tables struct {
	abbrevs       map[string]*abbrevEntry
	maxParts      int // most dots in an entry
	maxFirst      int // longest first part in bytes
	emoticons     [256][]emoticon
	emoSecond     [256][4]uint64 // bit set of second bytes, by first byte
	extPict       [][2]rune
	tlds          map[string]struct{}
	elisions      map[string]struct{}
	ordinalBefore map[string]struct{}
	ordinalAfter  map[string]struct{}
	startersDE    map[string]struct{}
	startersEN    map[string]struct{}
}

var tab = mustLoadTables()

func mustLoadTables() *tables {
	t, err := loadTables()
	if err != nil {
		panic("text: embedded data: " + err.Error())
	}
	return t
}

func loadTables() (*tables, error) {
	t := &tables{abbrevs: map[string]*abbrevEntry{}}
	for k, name := range []string{"abbrev_de.txt", "abbrev_en.txt"} {
		err := eachLine(name, func(f []string) error {
			key, _ := foldLetters(make([]byte, 0, 64), f[0])
			if !strings.HasSuffix(f[0], ".") || strings.ContainsAny(f[0], " \t") {
				return fmt.Errorf("abbreviation %q must end with a dot and have no spaces", f[0])
			}
			e := t.abbrevs[string(key)]
			if e == nil {
				e = &abbrevEntry{}
				t.abbrevs[string(key)] = e
			}
			r := &e.rules[k]
			if r.listed {
				return fmt.Errorf("duplicate abbreviation %q", f[0])
			}
			r.listed = true
			for _, flag := range f[1:] {
				switch flag {
				case "cs":
					r.exact = f[0]
				case "num":
					r.num = true
				case "end":
					r.end = true
				default:
					return fmt.Errorf("abbreviation %q: unknown flag %q", f[0], flag)
				}
			}
			t.maxParts = max(t.maxParts, strings.Count(f[0], "."))
			t.maxFirst = max(t.maxFirst, strings.IndexByte(f[0], '.'))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := eachLine("emoticons.txt", func(f []string) error {
		e := emoticon{text: f[0]}
		for _, flag := range f[1:] {
			if flag != "isolated" {
				return fmt.Errorf("emoticon %q: unknown flag %q", f[0], flag)
			}
			e.isolated = true
		}
		if f[0][0] >= utf8.RuneSelf {
			return fmt.Errorf("emoticon %q must start with an ASCII character", f[0])
		}
		if len(f[0]) < 2 {
			return fmt.Errorf("emoticon %q is too short", f[0])
		}
		t.emoticons[f[0][0]] = append(t.emoticons[f[0][0]], e)
		t.emoSecond[f[0][0]][f[0][1]>>6] |= 1 << (f[0][1] & 63)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for c := range t.emoticons {
		// Longest first, so ":-)" is not read as ":" and "-)".
		slices.SortStableFunc(t.emoticons[c], func(a, b emoticon) int { return len(b.text) - len(a.text) })
		if len(t.emoticons[c]) > 0 {
			asciiClass[c] |= clsEmoFirst
		}
	}
	err = eachLine("extpict.txt", func(f []string) error {
		lo, hi, found := strings.Cut(f[0], "..")
		if !found {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil || a > b {
			return fmt.Errorf("bad code point range %q", f[0])
		}
		if n := len(t.extPict); n > 0 && rune(a) <= t.extPict[n-1][1] {
			return fmt.Errorf("range %q is out of order", f[0])
		}
		t.extPict = append(t.extPict, [2]rune{rune(a), rune(b)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, set := range []struct {
		name string
		dst  *map[string]struct{}
		fold bool
	}{
		{"tlds.txt", &t.tlds, true},
		{"elisions.txt", &t.elisions, true},
		{"ordinal_before_de.txt", &t.ordinalBefore, true},
		{"ordinal_after_de.txt", &t.ordinalAfter, true},
		{"starters_de.txt", &t.startersDE, false},
		{"starters_en.txt", &t.startersEN, false},
	} {
		m := map[string]struct{}{}
		err := eachLine(set.name, func(f []string) error {
			w := f[0]
			if set.fold {
				if w != strings.ToLower(w) {
					return fmt.Errorf("%q must be lower case", w)
				}
			}
			m[w] = struct{}{}
			return nil
		})
		if err != nil {
			return nil, err
		}
		*set.dst = m
	}
	return t, nil
}

// eachLine calls fn with the fields of every non-blank, non-comment line of
// an embedded data file; errors name the file and line.
func eachLine(name string, fn func(fields []string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	n := 0
	for line := range strings.Lines(string(b)) {
		n++
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return nil
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
