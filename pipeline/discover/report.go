package discover

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/pipeline/text"
	"github.com/stimmung/stimmung/pipeline/themes"
	"golang.org/x/text/unicode/norm"
)

// Report is what theme discovery found.
type Report struct {
	// Taxonomy and TaxonomyVersion name the taxonomy the comments were
	// tagged with; the caller sets them.
	Taxonomy        string `json:"taxonomy"`
	TaxonomyVersion string `json:"taxonomy_version"`
	// Analysed counts the records with text that did not fail; Tagged those
	// of them that a theme matched. Coverage is Tagged/Analysed (0 when
	// nothing was analysed).
	Analysed int     `json:"analysed"`
	Tagged   int     `json:"tagged"`
	Untagged int     `json:"untagged"`
	Coverage float64 `json:"coverage"`
	// Skipped records: NoContent without text, Failed with an error.
	Skipped   int `json:"skipped"`
	NoContent int `json:"no_content"`
	Failed    int `json:"failed"`
	// The options the candidates were chosen with.
	MinCount    int  `json:"min_count"`
	Top         int  `json:"top"`
	NounPhrases bool `json:"noun_phrases"`
	// Candidates, by kind (word, phrase, compound_head, noun_phrase), each
	// kind by count (descending), then term.
	Candidates []Candidate `json:"candidates"`
}

// Candidate is one proposed theme.
type Candidate struct {
	Kind string `json:"kind"`
	Lang string `json:"lang"`
	// Term is the most common surface form (for a compound head, the head
	// as most often written in its compounds); Stems what was counted.
	Term  string `json:"term"`
	Stems string `json:"stems"`
	// Name is the theme name (Term as an ASCII slug, unique in the report);
	// Pattern the taxonomy term that matches the candidate.
	Name    string `json:"name"`
	Pattern string `json:"pattern"`
	// Count is the number of untagged comments with the candidate (for a
	// compound head, with one of its compounds).
	Count int `json:"count"`
	// Alone is, for a compound head, the number of further untagged
	// comments with the head as a word of its own, which its pattern
	// matches too.
	Alone int `json:"alone,omitempty"`
	// Sentiment is the average sentiment score of those comments (absent
	// without a sentiment stage).
	Sentiment *float64 `json:"sentiment,omitempty"`
	// Forms are the surface forms seen (a head's compounds), most common
	// first, at most maxForms.
	Forms    []Form    `json:"forms,omitempty"`
	Examples []Example `json:"examples"`
}

// Form is a surface form and how often it occurred.
type Form struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Example is one comment with a candidate, clipped to about 100 letters.
type Example struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

const maxForms = 5

// head is the head of a compound: the suffix as written and its stem.
type head struct{ suffix, stem string }

// Report ranks what was counted. It may be called more than once.
func (c *Collector) Report() *Report {
	rep := &Report{
		Analysed: c.analysed, Tagged: c.tagged, Untagged: c.analysed - c.tagged,
		Skipped: c.noContent + c.failed, NoContent: c.noContent, Failed: c.failed,
		MinCount: c.o.MinCount, Top: c.o.Top, NounPhrases: c.o.NounPhrases,
		Candidates: []Candidate{},
	}
	if c.analysed > 0 {
		rep.Coverage = round(float64(c.tagged)/float64(c.analysed), 4)
	}
	tallies := map[key]*tally{}
	for k, t := range c.tallies {
		tallies[k] = t
	}
	// Compound heads: in two compounds or more, and in MinCount comments
	// with a compound. A head takes the place of the word candidate of its
	// stem (its pattern matches the word alone as well), which it notes as
	// Alone.
	heads := map[string]*tally{}
	compounds := map[string]map[string]bool{} // head stem → compound stems
	suffixes := map[string]map[string]int{}   // head stem → the head as written in compounds
	cache := map[string]head{}
	for _, cp := range c.compounds {
		h, ok := cache[cp.lower]
		if !ok {
			h = c.headOf(cp)
			cache[cp.lower] = h
		}
		if h.stem == "" {
			continue
		}
		t := heads[h.stem]
		if t == nil {
			t = &tally{forms: map[string]int{}}
			heads[h.stem] = t
			compounds[h.stem] = map[string]bool{}
			suffixes[h.stem] = map[string]int{}
		}
		t.add(cp.comment, sanitizeLine(cp.text))
		compounds[h.stem][cp.stem] = true
		suffixes[h.stem][h.suffix]++
	}
	alone := map[string]int{}
	for st, t := range heads {
		if len(compounds[st]) < 2 || len(t.comments) < c.o.MinCount {
			continue
		}
		wk := key{KindWord, "de", st}
		if w := tallies[wk]; w != nil {
			alone[st] = len(union(t.comments, w.comments)) - len(t.comments)
			delete(tallies, wk)
		}
		tallies[key{KindHead, "de", st}] = t
	}
	// Noun phrases stand for the phrase candidates of the same words.
	for k, t := range tallies {
		if k.kind == KindNounPhrase && len(t.comments) >= c.o.MinCount {
			delete(tallies, key{KindPhrase, k.lang, k.stems})
		}
	}

	byKind := map[string][]Candidate{}
	for k, t := range tallies {
		if len(t.comments) < c.o.MinCount {
			continue
		}
		byKind[k.kind] = append(byKind[k.kind], c.candidate(k, t, suffixes[k.stems], alone[k.stems]))
	}
	names := map[string]bool{}
	for _, kind := range kinds {
		list := byKind[kind]
		slices.SortFunc(list, func(a, b Candidate) int {
			return cmp.Or(b.Count-a.Count, strings.Compare(a.Term, b.Term), strings.Compare(a.Lang, b.Lang), strings.Compare(a.Stems, b.Stems))
		})
		if c.o.Top > 0 && len(list) > c.o.Top {
			list = list[:c.o.Top]
		}
		for i := range list {
			list[i].Name = uniqueName(names, Slug(list[i].Term), list[i].Lang)
		}
		rep.Candidates = append(rep.Candidates, list...)
	}
	return rep
}

// minStandalone is how often a head must stand alone as a word: once may
// be chance ("Schaft" would make Gewerkschaft, Wirtschaft and Leidenschaft
// one theme).
const minStandalone = 2

// discoveryHeads is how discovery asks the compound analyser
// (pipeline/text) for heads: after any first part of
// text.MinCompoundModifier characters, of minHeadSuffix characters or
// more.
var discoveryHeads = text.CompoundOptions{MinHead: minHeadSuffix}

// tagHeads is how the themes tagger matches a head (its headRules).
var tagHeads = text.CompoundOptions{}

// headOf finds the head of a compound: its longest suffix of minHeadSuffix
// letters or more, after text.MinCompoundModifier letters, whose stem
// stands alone as a word (minStandalone times) and which the pattern
// written for it matches in the compound.
func (c *Collector) headOf(cp compound) head {
	for h := discoveryHeads.Heads(cp.lower); h.Next(); {
		suf := h.Head
		if !allLetters(suf) || c.stop["de"][suf] {
			continue
		}
		st := c.stem("de", suf)
		if st == "" || total(c.standalone[st]) < minStandalone || !headMatches(cp.stem, st) {
			continue
		}
		return head{suf, st}
	}
	return head{}
}

// headMatches reports whether the pattern written for a head of stem hs
// (the word itself from themes.MinHead letters, else "*word") matches a word of
// stem st, the way the themes tagger matches it.
func headMatches(st, hs string) bool {
	if !strings.HasSuffix(st, hs) || len(st) == len(hs) {
		return false
	}
	if utf8.RuneCountInString(hs) < themes.MinHead {
		return true
	}
	return tagHeads.IsHead(st, hs)
}

// candidate makes the candidate of a tally; a head also needs the forms it
// has in its compounds (suffixes) and the comments with it alone.
func (c *Collector) candidate(k key, t *tally, suffixes map[string]int, alone int) Candidate {
	forms := make([]Form, 0, len(t.forms))
	for f, n := range t.forms {
		forms = append(forms, Form{f, n})
	}
	slices.SortFunc(forms, func(a, b Form) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Text, b.Text)) })
	cd := Candidate{Kind: k.kind, Lang: k.lang, Stems: k.stems, Count: len(t.comments)}
	cd.Term = strings.ToLower(forms[0].Text)
	cd.Pattern = cd.Term
	if k.kind == KindHead {
		cd.Term = mostCommon(suffixes)
		cd.Pattern = cd.Term
		if utf8.RuneCountInString(k.stems) < themes.MinHead {
			cd.Pattern = "*" + cd.Term
		}
		cd.Alone = alone
	}
	if len(forms) > 1 || k.kind == KindHead {
		cd.Forms = forms[:min(len(forms), maxForms)]
	}
	sum, n := 0.0, 0
	for _, ci := range t.comments {
		if cm := c.comments[ci]; cm.scored {
			sum += cm.score
			n++
		}
	}
	if n > 0 {
		avg := round(sum/float64(n), 2)
		cd.Sentiment = &avg
	}
	cd.Examples = []Example{}
	for _, ci := range t.comments[:min(len(t.comments), c.o.Examples)] {
		cd.Examples = append(cd.Examples, Example{ID: c.comments[ci].id, Text: c.comments[ci].text})
	}
	return cd
}

// mostCommon returns the most frequent form, the shortest and then the
// first in order among equals.
func mostCommon(forms map[string]int) string {
	best, bn := "", -1
	for f, n := range forms {
		if n > bn || n == bn && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best, bn = f, n
		}
	}
	return best
}

func total(forms map[string]int) int {
	n := 0
	for _, k := range forms {
		n += k
	}
	return n
}

// union merges two ascending lists without duplicates.
func union(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	r := math.Round(x*p) / p
	if r == 0 {
		return 0 // no -0
	}
	return r
}

// uniqueName returns name, or name-LANG, or name-LANG-2, ... whichever is
// free first, and takes it.
func uniqueName(taken map[string]bool, name, lang string) string {
	try := name
	for i := 1; taken[try]; i++ {
		switch i {
		case 1:
			try = name + "-" + lang
		default:
			try = fmt.Sprintf("%s-%s-%d", name, lang, i)
		}
	}
	taken[try] = true
	return try
}

// fold spells out the letters that ASCII-folding must not just strip.
var fold = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "oe", 'å': "aa", 'ł': "l", 'đ': "d", 'þ': "th"}

// Slug turns a term into a theme name: lower case, umlauts and ß spelled
// out (ü → ue, ß → ss), other accents dropped, anything but letters and
// digits a single "-". Letters of other scripts stay. An empty result is
// "theme".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		part, ok := fold[r]
		if !ok {
			part = strings.Map(func(x rune) rune {
				if unicode.Is(unicode.Mn, x) {
					return -1
				}
				return x
			}, norm.NFD.String(string(r)))
		}
		for _, x := range part {
			if !unicode.IsLetter(x) && !unicode.IsDigit(x) {
				dash = true
				continue
			}
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(x)
		}
	}
	if b.Len() == 0 {
		return "theme"
	}
	return b.String()
}

var kindTitle = map[string]string{
	KindWord:       "words (stems of content words)",
	KindPhrase:     "phrases (two adjacent content words)",
	KindHead:       "compound heads (German: the head of several compounds; its pattern matches them)",
	KindNounPhrase: "noun phrases (English, by part of speech)",
}

// CoverageLine says how many analysed comments no theme matched.
func (r *Report) CoverageLine() string {
	if r.Analysed == 0 {
		return "no comments analysed"
	}
	return fmt.Sprintf("%d of %d analysed comments (%.1f%%) matched no theme; coverage %.1f%%",
		r.Untagged, r.Analysed, 100*float64(r.Untagged)/float64(r.Analysed), 100*float64(r.Tagged)/float64(r.Analysed))
}

// WriteYAML writes the report as a taxonomy (name "suggestions", version
// "1") with one theme per candidate, explained in comments, ready to paste
// into a taxonomy file. Without candidates the themes list is empty, which
// a taxonomy may not be.
func (r *Report) WriteYAML(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# stimmung themes suggest: what taxonomy %s (version %s) misses\n", sanitizeLine(r.Taxonomy), sanitizeLine(r.TaxonomyVersion))
	fmt.Fprintf(&b, "# %s\n", r.CoverageLine())
	fmt.Fprintf(&b, "# %s skipped: %d without content, %d failed\n", plural(r.Skipped, "record"), r.NoContent, r.Failed)
	top := "all"
	if r.Top > 0 {
		top = fmt.Sprintf("at most %d", r.Top)
	}
	fmt.Fprintf(&b, "# candidates: in %d or more untagged comments (--min-count), %s of each kind (--top)\n", r.MinCount, top)
	b.WriteString("name: suggestions\nversion: \"1\"\n")
	if len(r.Candidates) == 0 {
		b.WriteString("themes: [] # no candidates: try a lower --min-count\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("themes:\n")
	kind := ""
	for _, c := range r.Candidates {
		if c.Kind != kind {
			fmt.Fprintf(&b, "  # %s\n", kindTitle[c.Kind])
			kind = c.Kind
		}
		fmt.Fprintf(&b, "  - name: %s\n", strconv.Quote(c.Name))
		fmt.Fprintf(&b, "    # %s", plural(c.Count, "comment"))
		if c.Alone > 0 {
			fmt.Fprintf(&b, " with a compound (and %d with %q alone)", c.Alone, c.Term)
		}
		if c.Sentiment != nil {
			fmt.Fprintf(&b, ", average sentiment %.2f", *c.Sentiment)
		}
		b.WriteByte('\n')
		if len(c.Forms) > 0 {
			label := "forms"
			if c.Kind == KindHead {
				label = "compounds"
			}
			parts := make([]string, len(c.Forms))
			for i, f := range c.Forms {
				parts[i] = fmt.Sprintf("%s (%d)", f.Text, f.Count)
			}
			fmt.Fprintf(&b, "    # %s: %s\n", label, strings.Join(parts, ", "))
		}
		for _, e := range c.Examples {
			fmt.Fprintf(&b, "    # e.g. \"%s\"\n", e.Text)
		}
		fmt.Fprintf(&b, "    terms: {%s: [%s]}\n", c.Lang, strconv.Quote(c.Pattern))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as one indented JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// sanitizeLine makes s safe for one YAML comment line: no control
// characters, no line breaks.
func sanitizeLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)), " ")
}
