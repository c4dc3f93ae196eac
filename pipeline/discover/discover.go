package discover

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// Kinds of candidates, in the order a report lists them.
const (
	KindWord       = "word"
	KindPhrase     = "phrase"
	KindHead       = "compound_head"
	KindNounPhrase = "noun_phrase"
)

var kinds = []string{KindWord, KindPhrase, KindHead, KindNounPhrase}

// Options configure a Collector.
type Options struct {
	// MinCount is the least number of comments a candidate needs; below 1
	// means 1.
	MinCount int
	// Top keeps the Top most frequent candidates of each kind; 0 keeps all.
	Top int
	// Examples is the number of example comments per candidate.
	Examples int
	// NounPhrases tags the untagged English comments with prose's
	// part-of-speech tagger for noun phrases. The tagger loads its model
	// once (about 0.3 s and 30 MB), then takes about 0.1 ms a comment.
	NounPhrases bool
}

// Limits, in letters (runes).
const (
	minLetters    = 3   // a content word
	minCompound   = 8   // a German word that may be a compound
	minHeadSuffix = 4   // a compound head
	maxNounPhrase = 3   // words of a noun phrase
	clipRunes     = 100 // an example comment
)

// key identifies a candidate: its kind, language and stems (words joined
// by a space).
type key struct{ kind, lang, stems string }

// tally holds the comments (indexes into Collector.comments, ascending,
// each once) and the surface forms of one candidate.
type tally struct {
	comments []int32
	forms    map[string]int
}

func (t *tally) add(c int32, form string) {
	if n := len(t.comments); n == 0 || t.comments[n-1] != c {
		t.comments = append(t.comments, c)
	}
	t.forms[form]++
}

// comment is an untagged comment, kept for examples and sentiment.
type comment struct {
	id, text string
	score    float64
	scored   bool
}

// compound is a German capitalized word of minCompound letters or more in
// an untagged comment; its head is found at the end, when every word that
// stands alone is known.
type compound struct {
	comment     int32
	lower, text string
	stem        string
}

// Collector counts the candidates of the records written to it. It is a
// pipeline.Writer; the pipeline calls Write from one goroutine, in input
// order. Analysis, called just before Write (the pipeline's RunOptions.Notes),
// gives it the sentiment stage's evidence: words that carry sentiment are no
// topics.
type Collector struct {
	o    Options
	stop map[string]map[string]bool
	stem func(lang, lower string) string

	analysed, tagged, noContent, failed int
	scored                              bool

	comments []comment
	tallies  map[key]*tally
	// standalone counts the forms of each German word stem seen as a word
	// of its own in any analysed comment: the possible compound heads.
	standalone map[string]map[string]int
	compounds  []compound

	np *nounPhraser

	content []bool // scratch: content words of the record
	// next is the record whose analysis Analysis gave, and nextA that
	// analysis: only for that record.
	next  *models.Record
	nextA *models.Analysis
	sent  []int // scratch: sentence of each token
}

// New returns a Collector.
func New(o Options) *Collector {
	if o.MinCount < 1 {
		o.MinCount = 1
	}
	return &Collector{
		o:          o,
		stop:       map[string]map[string]bool{"de": lexicons.Stopwords("de"), "en": lexicons.Stopwords("en")},
		stem:       text.Stem,
		tallies:    map[key]*tally{},
		standalone: map[string]map[string]int{},
	}
}

// Flush does nothing: the Collector writes once, in Report.
func (c *Collector) Flush() error { return nil }

// Write counts one record.
// Analysis gives the collector the sentiment stage's analysis of r, the
// record it is written next.
func (c *Collector) Analysis(r *models.Record, a *models.Analysis) { c.next, c.nextA = r, a }

func (c *Collector) Write(r *models.Record) error {
	switch {
	case r.Err != nil:
		c.failed++
		return nil
	case r.HasFlag(models.FlagNoContent):
		c.noContent++
		return nil
	}
	c.analysed++
	stop := c.stop[r.Lang]
	if r.Lang == "de" {
		c.addStandalone(r, stop)
	}
	if Tagged(r) {
		c.tagged++
		return nil
	}
	ci := int32(len(c.comments))
	cm := comment{id: r.ID, text: clip(r.Text)}
	if r.Sentiment != nil {
		cm.score, cm.scored = r.Sentiment.Score, true
		c.scored = true
	}
	c.comments = append(c.comments, cm)
	if stop == nil {
		return nil // no language, or one without stop words: nothing to count
	}
	content := c.contentWords(r, stop)
	sent := r.SentenceOfTokens(c.sent)
	c.sent = sent
	for i := range r.Tokens {
		t := &r.Tokens[i]
		if content[i] {
			c.tally(KindWord, r.Lang, stemOf(t)).add(ci, t.Lower)
			if j := i + 1; j < len(r.Tokens) && content[j] && sent[j] == sent[i] {
				u := &r.Tokens[j]
				c.tally(KindPhrase, r.Lang, stemOf(t)+" "+stemOf(u)).add(ci, t.Lower+" "+u.Lower)
			}
		}
		if r.Lang == "de" && isCompound(t) {
			c.compounds = append(c.compounds, compound{comment: ci, lower: t.Lower, text: t.Text, stem: stemOf(t)})
		}
	}
	if r.Lang == "en" && c.o.NounPhrases {
		if c.np == nil {
			np, err := newNounPhraser()
			if err != nil {
				return err
			}
			c.np = np
		}
		for _, p := range c.np.phrases(r, content, sent) {
			c.tally(KindNounPhrase, r.Lang, p.stems).add(ci, p.form)
		}
	}
	return nil
}

// Tagged reports whether a theme matched r: the fallback theme, given when
// nothing matched, has no matches.
func Tagged(r *models.Record) bool {
	for _, th := range r.Themes {
		if len(th.Matches) > 0 {
			return true
		}
	}
	return false
}

func (c *Collector) tally(kind, lang, stems string) *tally {
	k := key{kind, lang, stems}
	t := c.tallies[k]
	if t == nil {
		t = &tally{forms: map[string]int{}}
		c.tallies[k] = t
	}
	return t
}

// contentWords marks the tokens that may be topics: words of minLetters
// letters or more, without digits, not stop words, not sentiment words.
func (c *Collector) contentWords(r *models.Record, stop map[string]bool) []bool {
	out := c.content[:0]
	for i := range r.Tokens {
		out = append(out, isContent(&r.Tokens[i], stop))
	}
	var evidence []models.Evidence
	if c.next == r && c.nextA != nil {
		evidence = c.nextA.Evidence
	}
	for _, e := range evidence {
		for i := max(e.FirstToken, 0); i <= e.LastToken && i < len(out); i++ {
			out[i] = false
		}
	}
	c.content = out
	return out
}

func isContent(t *models.Token, stop map[string]bool) bool {
	if t.Kind != models.Word || t.Lower == "" || strings.ContainsAny(t.Lower, " \t\n*=") {
		return false
	}
	letters := 0
	for _, ch := range t.Lower {
		switch {
		case unicode.IsDigit(ch):
			return false
		case unicode.IsLetter(ch):
			letters++
		}
	}
	return letters >= minLetters && !stop[strings.ReplaceAll(t.Lower, "’", "'")]
}

// addStandalone remembers the stems of r's German words that may be
// compound heads: words of minHeadSuffix letters or more that are not stop
// words. Sentiment words count ("Verzögerung" is a head).
func (c *Collector) addStandalone(r *models.Record, stop map[string]bool) {
	for i := range r.Tokens {
		t := &r.Tokens[i]
		if t.Kind != models.Word || utf8.RuneCountInString(t.Lower) < minHeadSuffix || stop[t.Lower] || !allLetters(t.Lower) {
			continue
		}
		st := stemOf(t)
		m := c.standalone[st]
		if m == nil {
			m = map[string]int{}
			c.standalone[st] = m
		}
		m[t.Lower]++
	}
}

// isCompound: a capitalized word of minCompound letters or more, all
// letters (hyphens allowed).
func isCompound(t *models.Token) bool {
	if t.Kind != models.Word || t.Lower == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(first) || utf8.RuneCountInString(t.Lower) < minCompound {
		return false
	}
	for _, ch := range t.Lower {
		if !unicode.IsLetter(ch) && ch != '-' {
			return false
		}
	}
	return true
}

func allLetters(s string) bool {
	for _, ch := range s {
		if !unicode.IsLetter(ch) {
			return false
		}
	}
	return s != ""
}

// stemOf is the token's stem, or its lower-cased form when the stems stage
// left none.
func stemOf(t *models.Token) string {
	if t.Stem != "" {
		return t.Stem
	}
	return t.Lower
}

// clip shortens a comment to about clipRunes letters, at a space when one
// is near, on one line.
func clip(s string) string {
	s = sanitizeLine(s)
	if utf8.RuneCountInString(s) <= clipRunes {
		return s
	}
	cut, n := len(s), 0
	for i := range s {
		if n == clipRunes {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*2/3 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:-") + "…"
}
