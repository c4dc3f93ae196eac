package text

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// The detector only has to separate German from English, so a naive-Bayes
// style sum of log-odds evidence is enough and stays cheap:
//   - listed words (lexicons/langid/words.tsv) with hand-set weights, which
//     carry most of the signal in short feedback ("nicht", "the");
//   - for every unlisted word, the log-likelihood ratio of its spelling under
//     two character trigram Markov models (lexicons/langid/trigrams.tsv),
//     which catches sch/ung/tz versus th/ing/wh in content words;
//   - cheap cues: ä ö ü ß make a word German, "n't" makes it English, and
//     mid-sentence Capitalised English words (titles) count less.
// Mentions, URLs, e-mail addresses, numbers, emoji and "RT" are skipped.
// Trigrams are indexed directly by a 5-bit alphabet (32^3 cells), so scoring
// needs no hashing and no allocation.

const (
	ldSymBoundary = 0
	ldSymOther    = 31 // any other Latin letter (é, ñ, ...)
	ldSymbols     = 32
	ldTriCells    = ldSymbols * ldSymbols * ldSymbols

	// ldTriClamp bounds a single letter's log-ratio so one odd transition (a
	// name, a typo) cannot outvote the rest of a word.
	ldTriClamp = 2.5
	// ldTriWeight scales the trigram sum against listed-word weights; trigrams
	// within a word are far from independent, so their sum overstates
	// evidence.
	ldTriWeight = 0.2
	// ldWordTriCap bounds the (weighted) trigram evidence of one unlisted
	// word: names and loanwords ("Windows", "Update") are common in German
	// feedback and must not outvote listed function words.
	ldWordTriCap = 3.0
	// ldUmlautWeight is the evidence of an unlisted word spelled with ä, ö, ü
	// or ß, which English words essentially never contain.
	ldUmlautWeight = 2.5
	// ldTitleWeight discounts listed English words that are Capitalised in
	// mid-sentence. English capitalises there only names and titles, so
	// "Do You Hear The People Sing" inside a German post is a quoted title,
	// not the writer's language. German capitalises every noun, so German
	// words get no such discount.
	ldTitleWeight = 0.5
	// ldMinTrigrams is how much n-gram evidence is needed when no listed word
	// was seen; fewer trigrams than that (one short word) is a guess.
	ldMinTrigrams = 6
	// ldMinMargin is the smallest |score| (in log-odds) we commit to.
	ldMinMargin = 1.0
	// ldConfidenceScale flattens the logistic of the score: summed evidence is
	// overconfident because words are not independent; with it, confidence
	// roughly tracks the share of correct answers on held-out feedback.
	ldConfidenceScale = 2.0
	// ldMaxWordBytes bounds the look-up buffer; longer words are never in the
	// list and are scored by trigrams only.
	ldMaxWordBytes = 48
)

type ldModel struct {
	// tri holds log P(c|a,b; de) - log P(c|a,b; en) for the trigram (a,b,c),
	// a letter's log-likelihood ratio given the two before it.
	tri [ldTriCells]float32
	// words maps a lower-cased word to its weight: > 0 German, < 0 English,
	// 0 for words known to be ambiguous.
	words map[string]float32
}

var ldModelOnce = sync.OnceValue(func() *ldModel {
	m, err := ldLoadModel(lexicons.LangID())
	if err != nil {
		// The data is embedded in the binary, so this is a build defect,
		// not a runtime condition a caller could handle.
		panic("text: language ldDetector data: " + err.Error())
	}
	return m
})

func ldLoadModel(fsys fs.FS) (*ldModel, error) {
	m := &ldModel{words: make(map[string]float32, 1024)}

	words, err := fs.ReadFile(fsys, "words.tsv")
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(string(words), "\n") {
		f, ok := ldDataFields(line)
		if !ok {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("words.tsv:%d: want 3 fields, got %d", n+1, len(f))
		}
		w, err := strconv.ParseFloat(f[2], 32)
		if err != nil {
			return nil, fmt.Errorf("words.tsv:%d: %v", n+1, err)
		}
		switch f[1] {
		case "de":
		case "en":
			w = -w
		default:
			return nil, fmt.Errorf("words.tsv:%d: unknown language %q", n+1, f[1])
		}
		m.words[strings.ToLower(f[0])] = float32(w)
	}

	tris, err := fs.ReadFile(fsys, "trigrams.tsv")
	if err != nil {
		return nil, err
	}
	// Rare letters fold into ldSymOther, so several data rows can share a cell.
	var counts [2][]float64
	counts[0] = make([]float64, ldTriCells)
	counts[1] = make([]float64, ldTriCells)
	for n, line := range strings.Split(string(tris), "\n") {
		f, ok := ldDataFields(line)
		if !ok {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("trigrams.tsv:%d: want 3 fields, got %d", n+1, len(f))
		}
		idx, ok := ldTrigramIndex(f[0])
		if !ok {
			return nil, fmt.Errorf("trigrams.tsv:%d: bad trigram %q", n+1, f[0])
		}
		for k := range 2 {
			c, err := strconv.ParseFloat(f[1+k], 64)
			if err != nil || c < 0 {
				return nil, fmt.Errorf("trigrams.tsv:%d: bad count %q", n+1, f[1+k])
			}
			counts[k][idx] += c
		}
	}
	var logp [2][]float64
	for k := range 2 {
		lp, err := ldMarkovLogProbs(counts[k])
		if err != nil {
			return nil, err
		}
		logp[k] = lp
	}
	for i := range m.tri {
		lr := logp[0][i] - logp[1][i]
		m.tri[i] = float32(max(-ldTriClamp, min(ldTriClamp, lr)))
	}
	return m, nil
}

// ldMarkovLogProbs turns trigram counts into log P(c | a b) for every cell,
// so that summing a word's cells gives the log-likelihood of its spelling
// under a character Markov chain. Conditioning (rather than comparing raw
// trigram frequencies) avoids counting each letter pair twice. Unseen
// histories back off to bigram and unigram estimates by Witten-Bell
// smoothing, which needs no tuned constants.
//
// Words start with the cell (boundary, boundary, first letter), whose count
// is derived from the trigrams that start a word.
func ldMarkovLogProbs(c3 []float64) ([]float64, error) {
	const n = ldSymbols
	c3 = append([]float64(nil), c3...)
	for a := 1; a < n; a++ {
		var s float64
		for x := range n {
			s += c3[(ldSymBoundary*n+a)*n+x]
		}
		c3[(ldSymBoundary*n+ldSymBoundary)*n+a] += s
	}
	var c2 [n * n]float64 // bigram (b, c) counts
	var c1 [n]float64
	var total float64
	for i, c := range c3 {
		c2[i%(n*n)] += c
		c1[i%n] += c
		total += c
	}
	if total == 0 {
		return nil, fmt.Errorf("trigrams.tsv: no counts for one language")
	}
	var p1 [n]float64
	for c := range n {
		p1[c] = (c1[c] + 1) / (total + n) // add-one: every symbol stays possible
	}
	var p2 [n * n]float64
	for b := range n {
		var hist, types float64
		for c := range n {
			hist += c2[b*n+c]
			if c2[b*n+c] > 0 {
				types++
			}
		}
		for c := range n {
			p2[b*n+c] = ldWittenBell(c2[b*n+c], hist, types, p1[c])
		}
	}
	out := make([]float64, len(c3))
	for ab := range n * n {
		var hist, types float64
		for c := range n {
			hist += c3[ab*n+c]
			if c3[ab*n+c] > 0 {
				types++
			}
		}
		for c := range n {
			out[ab*n+c] = math.Log(ldWittenBell(c3[ab*n+c], hist, types, p2[(ab%n)*n+c]))
		}
	}
	return out, nil
}

func ldWittenBell(count, hist, types, lower float64) float64 {
	if hist == 0 {
		return lower
	}
	return (count + types*lower) / (hist + types)
}

// ldDataFields splits a TSV data line, skipping blank and "#" comment lines.
func ldDataFields(line string) ([]string, bool) {
	line = strings.TrimRight(line, "\r")
	if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
		return nil, false
	}
	return strings.Split(line, "\t"), true
}

func ldTrigramIndex(t string) (int, bool) {
	idx, n := 0, 0
	for _, r := range t {
		sym := ldSymBoundary
		if r != '_' {
			s, _, ok := ldLetterSym(r)
			if !ok {
				return 0, false
			}
			sym = s
		}
		idx = idx*ldSymbols + sym
		n++
	}
	return idx, n == 3
}

// ldLetterSym maps a letter to its trigram symbol and lower-case form. Letters
// outside the Latin blocks report ok=false: they are no evidence for either
// language, and treating them as separators keeps e.g. Japanese or Arabic text
// from being forced into German or English.
func ldLetterSym(r rune) (sym int, lower rune, ok bool) {
	switch {
	case r >= 'a' && r <= 'z':
		return int(r-'a') + 1, r, true
	case r >= 'A' && r <= 'Z':
		return int(r-'A') + 1, r + ('a' - 'A'), true
	}
	switch r {
	case 'ä', 'Ä':
		return 27, 'ä', true
	case 'ö', 'Ö':
		return 28, 'ö', true
	case 'ü', 'Ü':
		return 29, 'ü', true
	case 'ß', 'ẞ':
		return 30, 'ß', true
	}
	if r >= 0xC0 && r < 0x250 && unicode.IsLetter(r) {
		return ldSymOther, unicode.ToLower(r), true
	}
	return 0, 0, false
}

// DetectLanguage returns "de" or "en", with a confidence in [0,1]. It returns ""
// when the text has too little evidence to tell (caller then uses its default).
func DetectLanguage(s string) (lang string, confidence float64) {
	d := ldDetector{m: ldModelOnce()}
	for i := 0; i < len(s); {
		if ldSpaceByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !ldSpaceByte(s[j]) {
			j++
		}
		if tok := s[i:j]; !ldIgnoredToken(tok) {
			d.token(tok)
		}
		i = j
	}

	score := d.wordScore + d.triScore
	if d.wordHits == 0 && d.triCount < ldMinTrigrams {
		return "", 0
	}
	if math.Abs(score) < ldMinMargin {
		return "", 0
	}
	confidence = 1 / (1 + math.Exp(-math.Abs(score)/ldConfidenceScale))
	if score > 0 {
		return "de", confidence
	}
	return "en", confidence
}

func ldSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// ldIgnoredToken reports tokens that carry no language signal but plenty of
// letters: mentions, URLs, e-mail addresses and the retweet marker. Their
// letters (user names, domains) would otherwise be scored as words.
func ldIgnoredToken(tok string) bool {
	if tok[0] == '@' {
		return true
	}
	t := strings.TrimRight(tok, ":")
	if t == "RT" || t == "rt" {
		return true
	}
	if strings.Contains(tok, "://") || strings.IndexByte(tok, '@') >= 0 {
		return true
	}
	return len(tok) > 4 && (tok[0] == 'w' || tok[0] == 'W') &&
		strings.EqualFold(tok[:4], "www.")
}

// ldDetector accumulates evidence for one text. It lives on the caller's stack.
type ldDetector struct {
	m *ldModel

	wordScore float64 // summed weights of listed words
	wordHits  int     // listed words with a non-zero weight
	triScore  float64 // summed, weighted and capped trigram evidence of unlisted words
	triCount  int

	// Current word: lower-cased bytes for the list look-up, plus the trigram
	// evidence gathered so far, which only counts if the word is not listed.
	buf      [ldMaxWordBytes]byte
	n        int
	overflow bool
	letters  int
	frag     int // letters since the word start or last apostrophe
	p1, p2   int // previous two symbols
	wTri     float64
	wTriN    int
	umlaut   bool
	upper    int  // upper-case letters in the word
	initCap  bool // the first letter is upper-case
	midSent  bool // a word was seen since the last sentence boundary
}

func (d *ldDetector) token(tok string) {
	for k := 0; k < len(tok); {
		b := tok[k]
		if b < utf8.RuneSelf {
			k++
			switch {
			case b >= 'a' && b <= 'z':
				d.letter(int(b-'a')+1, rune(b))
			case b >= 'A' && b <= 'Z':
				d.capital()
				d.letter(int(b-'A')+1, rune(b+'a'-'A'))
			case b == '\'':
				d.apostrophe(tok[k:])
			case b == '&':
				// HTML entities (&amp; &quot;) are frequent in scraped tweets;
				// "amp" and "quot" are not words of either language.
				d.endWord()
				if e := strings.IndexByte(tok[k:min(len(tok), k+8)], ';'); e >= 0 && ldEntityName(tok[k:k+e]) {
					k += e + 1
				}
			case b == '.' || b == '!' || b == '?' || b == ':' || b == '"' || b == '(' || b == '-':
				// Also quote, colon and dash: headlines and tweets start a
				// new clause after them ("Video : Die Katze").
				d.endWord()
				d.midSent = false
			default:
				d.endWord()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(tok[k:])
		k += size
		if r == '’' || r == 'ʼ' {
			d.apostrophe(tok[k:])
			continue
		}
		if sym, lower, ok := ldLetterSym(r); ok {
			if lower != r {
				d.capital()
			}
			d.letter(sym, lower)
		} else {
			d.endWord()
		}
	}
	d.endWord()
}

func (d *ldDetector) capital() {
	if d.letters == 0 {
		d.initCap = true
	}
	d.upper++
}

func ldEntityName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
			return false
		}
	}
	return true
}

func (d *ldDetector) letter(sym int, lower rune) {
	if d.n+utf8.UTFMax <= len(d.buf) {
		d.n += utf8.EncodeRune(d.buf[d.n:], lower)
	} else {
		d.overflow = true
	}
	d.letters++
	if sym >= 27 && sym <= 30 {
		d.umlaut = true
	}
	switch d.frag {
	case 0:
		d.p2, d.p1 = ldSymBoundary, sym
	case 1:
		// The first letter is only scored once we know the fragment is not
		// a lone letter.
		d.addTri(ldSymBoundary, ldSymBoundary, d.p1)
		fallthrough
	default:
		d.addTri(d.p2, d.p1, sym)
		d.p2, d.p1 = d.p1, sym
	}
	d.frag++
}

// apostrophe keeps word-internal apostrophes in the look-up key (don't, i'm,
// geht's) but splits the trigram stream there, as the generator does.
func (d *ldDetector) apostrophe(rest string) {
	if d.letters == 0 || rest == "" {
		d.endWord()
		return
	}
	if _, _, ok := ldLetterSym(ldFirstRune(rest)); !ok {
		d.endWord()
		return
	}
	if d.n < len(d.buf) {
		d.buf[d.n] = '\''
		d.n++
	} else {
		d.overflow = true
	}
	d.closeFragment()
}

func ldFirstRune(s string) rune {
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func (d *ldDetector) addTri(a, b, c int) {
	d.wTri += float64(d.m.tri[(a*ldSymbols+b)*ldSymbols+c])
	d.wTriN++
}

func (d *ldDetector) closeFragment() {
	// A single letter (the "t" of don't, an initial) says nothing about
	// spelling; the generator skips those too.
	if d.frag >= 2 {
		d.addTri(d.p2, d.p1, ldSymBoundary)
	}
	d.frag = 0
}

func (d *ldDetector) endWord() {
	if d.letters == 0 {
		return
	}
	d.closeFragment()
	w, listed := float32(0), false
	if !d.overflow {
		word := d.buf[:d.n]
		w, listed = d.m.words[string(word)]
		// Negated contractions missing from the list (mustn't, needn't)
		// are still unmistakably English.
		if !listed && d.n > 3 && string(word[d.n-3:]) == "n't" {
			w, listed = -3, true
		}
	}
	titleCase := d.midSent && d.initCap && d.upper == 1 && d.letters >= 2
	d.midSent = true
	if listed {
		if w < 0 && titleCase {
			w *= ldTitleWeight
		}
		if w != 0 {
			d.wordScore += float64(w)
			d.wordHits++
		}
	} else if d.umlaut {
		d.wordScore += ldUmlautWeight
		d.wordHits++
	} else {
		d.triScore += max(-ldWordTriCap, min(ldWordTriCap, ldTriWeight*d.wTri))
		d.triCount += d.wTriN
	}
	d.n, d.overflow, d.letters, d.wTri, d.wTriN, d.umlaut, d.initCap, d.upper = 0, false, 0, 0, 0, false, false, 0
}
