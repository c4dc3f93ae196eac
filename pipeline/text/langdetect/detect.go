package langdetect

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Detect returns "de" or "en", with a confidence in [0,1]. It returns ""
// when the text has too little evidence to tell (caller then uses its default).
func Detect(s string) (lang string, confidence float64) {
	d := detector{m: modelOnce()}
	for i := 0; i < len(s); {
		if spaceByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !spaceByte(s[j]) {
			j++
		}
		if tok := s[i:j]; !ignoredToken(tok) {
			d.token(tok)
		}
		i = j
	}

	score := d.wordScore + d.triScore
	if d.wordHits == 0 && d.triCount < minTrigrams {
		return "", 0
	}
	if math.Abs(score) < minMargin {
		return "", 0
	}
	confidence = 1 / (1 + math.Exp(-math.Abs(score)/confidenceScale))
	if score > 0 {
		return "de", confidence
	}
	return "en", confidence
}

func spaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// ignoredToken reports tokens that carry no language signal but plenty of
// letters: mentions, URLs, e-mail addresses and the retweet marker. Their
// letters (user names, domains) would otherwise be scored as words.
func ignoredToken(tok string) bool {
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

// detector accumulates evidence for one text. It lives on the caller's stack.
type detector struct {
	m *model

	wordScore float64 // summed weights of listed words
	wordHits  int     // listed words with a non-zero weight
	triScore  float64 // summed, weighted and capped trigram evidence of unlisted words
	triCount  int

	// Current word: lower-cased bytes for the list look-up, plus the trigram
	// evidence gathered so far, which only counts if the word is not listed.
	buf      [maxWordBytes]byte
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

func (d *detector) token(tok string) {
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
				if e := strings.IndexByte(tok[k:min(len(tok), k+8)], ';'); e >= 0 && entityName(tok[k:k+e]) {
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
		if sym, lower, ok := letterSym(r); ok {
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

func (d *detector) capital() {
	if d.letters == 0 {
		d.initCap = true
	}
	d.upper++
}

func entityName(s string) bool {
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

func (d *detector) letter(sym int, lower rune) {
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
		d.p2, d.p1 = symBoundary, sym
	case 1:
		// The first letter is only scored once we know the fragment is not
		// a lone letter.
		d.addTri(symBoundary, symBoundary, d.p1)
		fallthrough
	default:
		d.addTri(d.p2, d.p1, sym)
		d.p2, d.p1 = d.p1, sym
	}
	d.frag++
}

// apostrophe keeps word-internal apostrophes in the look-up key (don't, i'm,
// geht's) but splits the trigram stream there, as the generator does.
func (d *detector) apostrophe(rest string) {
	if d.letters == 0 || rest == "" {
		d.endWord()
		return
	}
	if _, _, ok := letterSym(firstRune(rest)); !ok {
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

func firstRune(s string) rune {
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func (d *detector) addTri(a, b, c int) {
	d.wTri += float64(d.m.tri[(a*symbols+b)*symbols+c])
	d.wTriN++
}

func (d *detector) closeFragment() {
	// A single letter (the "t" of don't, an initial) says nothing about
	// spelling; the generator skips those too.
	if d.frag >= 2 {
		d.addTri(d.p2, d.p1, symBoundary)
	}
	d.frag = 0
}

func (d *detector) endWord() {
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
			w *= titleWeight
		}
		if w != 0 {
			d.wordScore += float64(w)
			d.wordHits++
		}
	} else if d.umlaut {
		d.wordScore += umlautWeight
		d.wordHits++
	} else {
		d.triScore += max(-wordTriCap, min(wordTriCap, triWeight*d.wTri))
		d.triCount += d.wTriN
	}
	d.n, d.overflow, d.letters, d.wTri, d.wTriN, d.umlaut, d.initCap, d.upper = 0, false, 0, 0, 0, false, false, 0
}
