package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// Addresses: URLs, e-mail addresses, bare domains, @mentions and
// #hashtags. URLs and e-mails are tried before words so that "bahn.de" or
// "info@bahn.de" stay one token.

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
		end, scanned := sc.t.domainEnd(s, i)
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
func (t *tables) domainEnd(s string, i int) (end, scanned int) {
	labels, lastEnd, tldEnd := scanLabels(s, i, t.isTLD)
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

func (t *tables) isTLD(label string) bool {
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
	_, ok := t.tlds[string(key)]
	return ok
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
