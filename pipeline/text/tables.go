package text

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// tables holds the tokenizer's word lists and code point ranges, parsed from
// lexicons/text/*.txt.
type tables struct {
	// class is asciiClass plus clsEmoFirst for the bytes that start a listed
	// emoticon; that bit depends on the data, so it lives here.
	class         [256]uint8
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

// loadedTables parses the tables on first use, so that importing the package
// (and every command that never tokenizes) costs nothing. Callers take the
// result once per Tokenize or SplitSentences call, not per token.
//
// The tables are embedded in the binary: a broken one is a build defect, not
// an input error a caller could handle, so it panics with the file and line.
var loadedTables = sync.OnceValue(func() *tables {
	t, err := loadTables()
	if err != nil {
		panic("text: embedded table lexicons/text/" + err.Error())
	}
	return t
})

func loadTables() (*tables, error) {
	t := &tables{class: asciiClass, abbrevs: map[string]*abbrevEntry{}}
	for k, name := range []string{"abbrev_de.txt", "abbrev_en.txt"} {
		if err := eachLine(name, func(f []string) error { return t.addAbbrev(k, f) }); err != nil {
			return nil, err
		}
	}
	if err := t.loadEmoticons(); err != nil {
		return nil, err
	}
	if err := eachLine("extpict.txt", t.addExtPict); err != nil {
		return nil, err
	}
	if err := t.loadSets(); err != nil {
		return nil, err
	}
	return t, nil
}

// addAbbrev adds the abbreviation line f of language k (0 German, 1 English).
func (t *tables) addAbbrev(k int, f []string) error {
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
}

func (t *tables) loadEmoticons() error {
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
		return err
	}
	for c := range t.emoticons {
		// Longest first, so ":-)" is not read as ":" and "-)".
		slices.SortStableFunc(t.emoticons[c], func(a, b emoticon) int { return len(b.text) - len(a.text) })
		if len(t.emoticons[c]) > 0 {
			t.class[c] |= clsEmoFirst
		}
	}
	return nil
}

func (t *tables) addExtPict(f []string) error {
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
}

// loadSets reads the plain word lists. Folded lists are looked up
// lower-cased, so their entries must be written that way.
func (t *tables) loadSets() error {
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
			if set.fold && w != strings.ToLower(w) {
				return fmt.Errorf("%q must be lower case", w)
			}
			m[w] = struct{}{}
			return nil
		})
		if err != nil {
			return err
		}
		*set.dst = m
	}
	return nil
}

// eachLine calls fn with the fields of every non-blank, non-comment line of
// an embedded table; errors name the file and line.
func eachLine(name string, fn func(fields []string) error) error {
	b, err := lexicons.TextData(name)
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
