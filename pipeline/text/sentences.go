package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// SplitSentences appends the sentence spans of s to dst (Start/End byte offsets; FirstToken/EndToken left 0).
// lang is "de" or "en" (or "" = both) and selects the abbreviation list.
//
// The splitter walks the same tokens Tokenize produces and only ever cuts
// between two of them, so a URL, e-mail, emoticon, abbreviation or number
// such as "1.000,50" or "3." is never split. A line break always ends a
// sentence; so does a run of sentence punctuation, subject to the right
// context rules in boundary. Spans start at their first token and end at
// their last, so they carry no surrounding whitespace.
func SplitSentences(s, lang string, dst []models.Sentence) []models.Sentence {
	l := langOf(lang)
	sc := scanner{s: s, t: loadedTables()}
	var (
		open       bool
		start, end int
		prev       span // previous token of the open sentence, if hasPrev
		hasPrev    bool
		p          pending
	)
	for sc.next() {
		t := &sc.tok
		if t.nl && open {
			dst = append(dst, models.Sentence{Start: start, End: end})
			open, p.kind = false, termNone
		}
		if p.kind != termNone {
			if absorbed, closer := trailer(s, t, end); absorbed {
				p.closer = p.closer || closer
				end = t.end
				continue
			}
			if p.boundary(sc.t, s, t, end, l) {
				dst = append(dst, models.Sentence{Start: start, End: end})
				open = false
			}
			p = pending{}
		}
		if !open {
			start, open, hasPrev = t.start, true, false
		}
		end = t.end
		p = pending{}
		// Only punctuation and abbreviations can end a sentence; testing
		// that here keeps the common word token off the slower path.
		if t.kind == models.Punct || t.abbrev != nil {
			p = classify(s, t, prev, hasPrev, l)
		}
		prev, hasPrev = span{t.start, t.end, t.kind}, true
	}
	if open {
		dst = append(dst, models.Sentence{Start: start, End: end})
	}
	return dst
}

func langOf(lang string) langs {
	switch lang {
	case "de":
		return langDE
	case "en":
		return langEN
	}
	return langBoth
}

// span is what the splitter remembers of the previous token.
type span struct {
	start, end int
	kind       models.TokenKind
}

type termKind uint8

const (
	termNone      termKind = iota
	termStrong             // ! ? and runs with them: "?!", "!!!"
	termEllipsis           // ... …
	termDot                // a single full stop, or an abbreviation not listed for the language
	termAbbrevEnd          // a listed abbreviation that often ends a sentence (etc., usw.)
	termCJK                // 。！？: scripts without spaces or case
)

// pending is a possible sentence end waiting for its right context.
type pending struct {
	kind termKind
	// closer: a closing quote or bracket followed the terminator directly.
	closer bool
	// single: the word before the full stop is a single letter: an initial or
	// an abbreviation ("J. Smith", "Abschnitt A. Der" is the price).
	single bool
	// long: the word before the full stop is attached to it and has two or
	// more letters, so a directly following capital is a new sentence with
	// a missing space ("Service.Danke").
	long bool
	// abbrev: the full stop ends an abbreviation of the other language.
	abbrev bool
}

// classify says whether token t, which follows prev in the open sentence,
// may end it.
func classify(s string, t *token, prev span, hasPrev bool, l langs) pending {
	switch t.kind {
	case models.Punct:
		text := s[t.start:t.end]
		if !isTermRun(text) {
			return pending{}
		}
		if strings.ContainsAny(text, "。！？") {
			return pending{kind: termCJK}
		}
		if strings.ContainsAny(text, "!?") {
			return pending{kind: termStrong}
		}
		if text != "." {
			return pending{kind: termEllipsis}
		}
		p := pending{kind: termDot}
		if hasPrev && prev.kind == models.Word && prev.end == t.start {
			w := s[prev.start:prev.end]
			p.single = singleLetter(w, l)
			p.long = utf8.RuneCountInString(w) > 1
		}
		return p
	case models.Word:
		if t.abbrev == nil {
			return pending{}
		}
		if end, listed := t.abbrev.in(l); listed {
			if end {
				return pending{kind: termAbbrevEnd}
			}
			return pending{}
		}
		// An abbreviation of the other language ("gem." in English is
		// a word): a full stop after its last part.
		w := s[t.start : t.end-1]
		if k := strings.LastIndexAny(w, ". "); k >= 0 {
			w = w[k+1:]
		}
		return pending{kind: termDot, single: singleLetter(w, l), long: utf8.RuneCountInString(w) > 1, abbrev: true}
	}
	return pending{}
}

// singleLetter: a one-letter word before a full stop is taken for an initial
// or an abbreviation ("u." for "und" in German), except English "I" and
// English lower-case chat words ("love u.").
func singleLetter(w string, l langs) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n != len(w) || !unicode.IsLetter(r) || r == 'I' {
		return false
	}
	return unicode.IsUpper(r) || l != langEN
}

// trailer reports whether t still belongs to the sentence whose terminator
// (and earlier trailers) ended at end: emoji and emoticons after the
// terminator comment on it ("Toll! 😍"), closing quotes and brackets and
// further punctuation directly attached close it ("„Super!“").
func trailer(s string, t *token, end int) (absorbed, closer bool) {
	switch t.kind {
	case models.Emoji, models.Emoticon:
		return true, false
	case models.Punct:
		if t.start != end {
			return false, false
		}
		text := s[t.start:t.end]
		if isTermRun(text) {
			return true, false
		}
		if isCloser(text) {
			return true, true
		}
	}
	return false, false
}

func isCloser(text string) bool {
	switch text {
	case ")", "]", "}", "\"", "'", "“", "”", "‘", "’", "»", "«", "›", "‹":
		return true
	}
	return false
}

// boundary decides whether the pending terminator, whose sentence now ends
// at end, is a sentence end given the next token t on the same line.
//
// A token directly attached to the sentence (no space) starts a new one only
// if it is a capitalised word: tokens such as "@x", "'s" or "(:" read their
// left neighbour, and would come out differently at the start of a span.
func (p pending) boundary(tb *tables, s string, t *token, end int, l langs) bool {
	text := s[t.start:t.end]
	if t.kind == models.Punct && (text == "," || text == ";" || text == ":") {
		return false
	}
	gap := t.start > end
	first, _ := utf8.DecodeRuneInString(text)
	upper := unicode.IsUpper(first) || unicode.IsTitle(first)
	lower := unicode.IsLower(first)
	switch p.kind {
	case termStrong:
		// "Hallo!" sagte er: a lower-case continuation after a closing quote
		// is the same sentence. After a space it is not: chat writers do not
		// capitalise ("Warum? weil ...").
		if !gap {
			return t.kind == models.Word && upper
		}
		return !(p.closer && (lower || t.kind == models.Number))
	case termEllipsis:
		// Mostly a pause inside a sentence ("Naja... war ok").
		return upper
	case termDot:
		// Before a number, an abbreviation ("No. 5") is one: splitting would
		// also change how a span ending in it is tokenized.
		if p.single || (p.abbrev && first >= '0' && first <= '9') {
			return false
		}
		if !gap {
			return p.long && t.kind == models.Word && upper
		}
		return !(p.closer && lower)
	case termAbbrevEnd:
		return gap && t.kind == models.Word && tb.isStarter(text, l)
	case termCJK:
		return gap || t.kind == models.Word || t.kind == models.Number
	}
	return false
}

func (t *tables) isStarter(w string, l langs) bool {
	if l&langDE != 0 {
		if _, ok := t.startersDE[w]; ok {
			return true
		}
	}
	if l&langEN != 0 {
		if _, ok := t.startersEN[w]; ok {
			return true
		}
	}
	return false
}
