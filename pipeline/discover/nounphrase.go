package discover

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"

	"github.com/stimmung/stimmung/models"
)

// proseModel is prose's English model, loaded once: NewDocument without a
// model of its own decodes it anew on every call (over 100 ms here), with
// one it tags a comment in about 0.1 ms.
var proseModel = sync.OnceValues(func() (m *prose.Model, err error) {
	defer func() {
		if v := recover(); v != nil { // prose panics when its embedded data is broken
			err = fmt.Errorf("prose: loading the tagger: %v", v)
		}
	}()
	doc, err := prose.NewDocument("model", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, fmt.Errorf("prose: loading the tagger: %w", err)
	}
	return doc.Model, nil
})

// nounPhraser finds noun phrases with prose's part-of-speech tagger.
type nounPhraser struct {
	model  *prose.Model
	b      strings.Builder
	starts []int
	tags   []string
}

func newNounPhraser() (*nounPhraser, error) {
	m, err := proseModel()
	if err != nil {
		return nil, err
	}
	return &nounPhraser{model: m}, nil
}

// nounPhrase is one noun phrase: the stems and the lower-cased words,
// joined by a space.
type nounPhrase struct{ stems, form string }

// sanitize is what prose's tokenizer would do to the text anyway: with it
// done here, prose's tokens are substrings of what it was given.
var sanitize = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

func isNoun(tag string) bool     { return tag == "NN" || tag == "NNS" || tag == "NNP" || tag == "NNPS" }
func isModifier(tag string) bool { return tag == "JJ" || tag == "VBG" }

// phrases returns the noun phrases of r, sentence by sentence: spans of
// two to maxNounPhrase content words tagged as adjectives, gerunds or
// nouns, ending in a noun ("battery life", "new return label").
func (p *nounPhraser) phrases(r *models.Record, content []bool, sent []int) []nounPhrase {
	var out []nounPhrase
	for first := 0; first < len(r.Tokens); {
		end := first + 1
		for end < len(r.Tokens) && sent[end] == sent[first] {
			end++
		}
		out = p.sentence(r, first, end, content, out)
		first = end
	}
	return out
}

func (p *nounPhraser) sentence(r *models.Record, first, end int, content []bool, out []nounPhrase) []nounPhrase {
	words := false
	for i := first; i < end; i++ {
		words = words || content[i]
	}
	if !words {
		return out
	}
	tags := p.tag(r.Tokens[first:end])
	member := func(i int) bool {
		return content[i] && (isNoun(tags[i-first]) || isModifier(tags[i-first]))
	}
	for i := first; i < end; {
		if !member(i) {
			i++
			continue
		}
		j := i
		for j < end && member(j) {
			j++
		}
		// In the run [i, j), every span of two to maxNounPhrase words
		// that ends in a noun: "lunch box lid" gives "lunch box", "box
		// lid" and itself.
		for last := i + 1; last < j; last++ {
			if !isNoun(tags[last-first]) {
				continue
			}
			for start := max(i, last-maxNounPhrase+1); start < last; start++ {
				var stems, form []string
				for k := start; k <= last; k++ {
					stems = append(stems, stemOf(&r.Tokens[k]))
					form = append(form, r.Tokens[k].Lower)
				}
				out = append(out, nounPhrase{strings.Join(stems, " "), strings.Join(form, " ")})
			}
		}
		i = j
	}
	return out
}

// tag gives each token prose's tag, or "" where prose's tokens do not line
// up with it. prose tokenizes on its own; it gets the tokens joined by
// spaces and splits some further ("can't" → "ca", "n't"): a token takes the
// tag of the last prose token that starts inside it.
func (p *nounPhraser) tag(toks []models.Token) []string {
	p.b.Reset()
	p.starts = p.starts[:0]
	ends := make([]int, 0, len(toks))
	for i := range toks {
		if i > 0 {
			p.b.WriteByte(' ')
		}
		p.starts = append(p.starts, p.b.Len())
		p.b.WriteString(sanitize.Replace(toks[i].Text))
		ends = append(ends, p.b.Len())
	}
	s := p.b.String()
	p.tags = p.tags[:0]
	for range toks {
		p.tags = append(p.tags, "")
	}
	doc, err := prose.NewDocument(s, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(p.model))
	if err != nil {
		return p.tags
	}
	pos := 0
	for _, pt := range doc.Tokens() {
		j := strings.Index(s[pos:], pt.Text)
		if pt.Text == "" || j < 0 || strings.TrimLeft(s[pos:pos+j], " ") != "" {
			continue // not where it should be: leave it out
		}
		at := pos + j
		pos = at + len(pt.Text)
		k := sort.SearchInts(p.starts, at+1) - 1
		if k >= 0 && at < ends[k] {
			p.tags[k] = pt.Tag
		}
	}
	return p.tags
}
