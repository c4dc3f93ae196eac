package lexgen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// english builds en/*.tsv and emoticons.tsv from VADER, AFINN-en-165,
// optionally Bing Liu's opinion lexicon, and the hand files.
func (g *gen) english() (map[string]*file, error) {
	v, err := g.readVader()
	if err != nil {
		return nil, err
	}
	m, err := g.readVaderModifiers()
	if err != nil {
		return nil, err
	}
	afinnWords, afinnPhrases, err := g.readAfinnEnglish(v.weights)
	if err != nil {
		return nil, err
	}
	bing, err := g.readBingLiu(v.words, afinnWords)
	if err != nil {
		return nil, err
	}
	specialWords, specialPhrases := splitSpecials(m.specials, v.weights)

	// Negators: VADER's NEGATE with typographic-apostrophe and
	// apostrophe-less variants, then the hand file.
	negs := withVariants(m.negs)
	afinnKept := g.dropComposed(afinnPhrases, negs, m.boosts)

	pv, pa, pb := g.englishPolarity(v.words, specialWords, afinnWords, bing)
	phrases, variants := g.englishPhrases(v.phrases, specialPhrases, m.idioms, afinnKept)
	negsOut := g.dropHand("en", "en/negators.tsv", negs)
	sortEntries(negsOut)
	boostsOut := g.dropHand("en", "en/modifiers.tsv", m.boosts)
	sortEntries(boostsOut)

	emoticons, err := g.emoticons(v.emoticons)
	if err != nil {
		return nil, err
	}

	bingNote := "not used: shipping it is not confirmed (see lexicons/README.md);\n#      gen -bingliu adds it"
	if g.o.BingLiu {
		bingNote = "words missing from VADER and AFINN at ±1.5"
	}
	files := map[string]*file{
		"en/polarity.tsv": {kind: lexicons.Polarity, header: fmt.Sprintf(enPolarityHeader, bingNote), sections: []section{
			{title: "==== VADER lexicon (vader_lexicon.txt, MIT), weights as rated ====", entries: pv},
			{title: "==== AFINN-en-165 (Apache-2.0), words missing from VADER, weight ×0.8 ====", entries: pa},
			{title: "==== Bing Liu opinion lexicon, words missing from VADER and AFINN, ±1.5 ====", entries: pb},
		}},
		"en/phrases.tsv": {kind: lexicons.Phrase, header: enPhrasesHeader, sections: []section{
			{title: "==== VADER: multi-word lexicon entries, SPECIAL_CASES, SENTIMENT_LADEN_IDIOMS (MIT);\nAFINN-en-165 multi-word entries (Apache-2.0, ×0.8) ====", entries: phrases},
			{title: "==== apostrophe variants of the phrases above and of the hand-written ones ====", entries: variants},
		}},
		"en/negators.tsv": {kind: lexicons.Negator, header: enNegatorsHeader, sections: []section{
			{title: "==== VADER NEGATE list (MIT), N_SCALAR −0.74, with apostrophe variants ====", entries: negsOut},
		}},
		"en/modifiers.tsv": {kind: lexicons.Modifier, header: enModifiersHeader, sections: []section{
			{title: "==== VADER BOOSTER_DICT (MIT): B_INCR +0.293, B_DECR −0.293 ====", entries: boostsOut},
		}},
		"en/contrast.tsv":  {kind: lexicons.Contrast, header: enContrastHeader},
		"en/wordlists.tsv": {kind: lexicons.List, header: fmt.Sprintf(wordlistsHeader, "English", "en")},
		"emoticons.tsv":    emoticons,
	}
	return files, nil
}

// vaderLexicon is VADER's vader_lexicon.txt sorted by what each entry is.
type vaderLexicon struct {
	// weights holds every term's rating; a later duplicate wins, as in
	// VADER's Python dict.
	weights                   map[string]float64
	words, phrases, emoticons []entry
}

// readVader reads the VADER lexicon (term, mean, sd, ratings) and sorts its
// entries into words, phrases and emoticons; it starts g.englishWords.
func (g *gen) readVader() (*vaderLexicon, error) {
	v := &vaderLexicon{weights: map[string]float64{}}
	var order []string
	err := g.lines("vader/vader_lexicon.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) < 2 {
			return fmt.Errorf("bad line %q", l)
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		if _, ok := v.weights[f[0]]; !ok {
			order = append(order, f[0])
		}
		v.weights[f[0]] = w
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.englishWords = map[string]bool{}
	for _, t := range order {
		w := v.weights[t]
		switch {
		case vaderDrop[t] || allDigits(t):
			g.logf("vader: dropped %q", t)
		case strings.Contains(t, " ") && wordRE.MatchString(strings.ReplaceAll(t, " ", "")):
			v.phrases = append(v.phrases, entry{term: t, weight: w})
		case isEmoticon(t):
			v.emoticons = append(v.emoticons, entry{term: t, weight: w})
		case wordRE.MatchString(t):
			v.words = append(v.words, entry{term: t, weight: w})
			g.englishWords[t] = true
		default:
			g.logf("vader: dropped %q (neither word nor emoticon)", t)
		}
	}
	return v, nil
}

// vaderModifiers holds vader_modifiers_en.tsv by kind.
type vaderModifiers struct {
	negs, boosts, specials, idioms []entry
}

func (g *gen) readVaderModifiers() (*vaderModifiers, error) {
	rows, err := g.modifierRows("vader/vader_modifiers_en.tsv")
	if err != nil {
		return nil, err
	}
	m := &vaderModifiers{}
	for _, r := range rows {
		e := entry{term: r.term, weight: r.value}
		switch r.kind {
		case "negation":
			m.negs = append(m.negs, e)
		case "booster":
			m.boosts = append(m.boosts, e)
		case "special_case":
			m.specials = append(m.specials, e)
		case "idiom_unused":
			m.idioms = append(m.idioms, e)
		}
	}
	return m, nil
}

// readAfinnEnglish reads AFINN-165: words missing from VADER ×0.8;
// multi-word entries are phrase candidates. Every term joins
// g.englishWords.
func (g *gen) readAfinnEnglish(vader map[string]float64) (words, phrases []entry, err error) {
	err = g.lines("afinn/AFINN-en-165.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		t := strings.ToLower(f[0])
		e := entry{term: t, weight: round1(v * 0.8)}
		g.englishWords[t] = true
		switch {
		case strings.Contains(t, " "):
			phrases = append(phrases, e)
		case wordRE.MatchString(t) && !allDigits(t):
			if _, ok := vader[t]; !ok {
				words = append(words, e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return words, phrases, nil
}

// readBingLiu returns Bing Liu's words missing from VADER and AFINN at
// ±1.5, only with Options.BingLiu.
func (g *gen) readBingLiu(vaderWords, afinnWords []entry) ([]entry, error) {
	if !g.o.BingLiu {
		return nil, nil
	}
	have := map[string]bool{}
	for _, e := range vaderWords {
		have[e.term] = true
	}
	for _, e := range afinnWords {
		have[e.term] = true
	}
	var bing []entry
	for _, p := range []struct {
		file string
		w    float64
	}{{"bingliu/positive-words.txt", 1.5}, {"bingliu/negative-words.txt", -1.5}} {
		err := g.lines(p.file, func(l string) error {
			if strings.HasPrefix(l, ";") || !utf8.ValidString(l) {
				return nil
			}
			t := strings.TrimSpace(l)
			if wordRE.MatchString(t) && !have[t] {
				have[t] = true
				bing = append(bing, entry{term: t, weight: p.w})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return bing, nil
}

// splitSpecials sorts VADER's special cases: single-word ones ("badass")
// are words unless the lexicon has them, the others phrases.
func splitSpecials(specials []entry, vader map[string]float64) (words, phrases []entry) {
	for _, e := range specials {
		if strings.Contains(e.term, " ") {
			phrases = append(phrases, e)
		} else if _, ok := vader[e.term]; !ok {
			words = append(words, e)
		}
	}
	return words, phrases
}

// dropComposed leaves out AFINN phrases that start with a negator or
// modifier: they are compositions the scorer makes itself ("not good",
// "fucking great"); modifiers themselves ("kind of") are not phrases.
// Negators and modifiers are the source ones plus the hand files (a hand
// negator with weight 0 is switched off).
func (g *gen) dropComposed(phrases, negs, boosts []entry) []entry {
	negTerms := map[string]bool{}
	for _, e := range negs {
		negTerms[e.term] = true
	}
	for _, e := range g.hand["en/negators.tsv"] {
		if e.Weight != 0 {
			negTerms[e.Term] = true
		} else {
			delete(negTerms, e.Term)
		}
	}
	modTerms := map[string]bool{}
	for _, e := range boosts {
		modTerms[e.term] = true
	}
	for _, e := range g.hand["en/modifiers.tsv"] {
		modTerms[e.Term] = true
	}
	var kept []entry
	for _, e := range phrases {
		first, _, _ := strings.Cut(e.term, " ")
		if negTerms[first] || modTerms[first] || modTerms[e.term] || negTerms[e.term] {
			g.logf("afinn: phrase %q left to the scorer", e.term)
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// englishPolarity merges the word lists with the precedence hand > VADER >
// AFINN > Bing Liu and returns each source's surviving words, sorted.
func (g *gen) englishPolarity(vaderWords, specialWords, afinnWords, bing []entry) (pv, pa, pb []entry) {
	polarity := dedupe(vaderWords, specialWords, afinnWords, bing)
	polarity = g.dropHand("en", "en/polarity.tsv", polarity)
	src := map[string]int{}
	for _, e := range vaderWords {
		src[e.term] = 0
	}
	for _, e := range specialWords {
		src[e.term] = 0
	}
	for _, e := range afinnWords {
		if _, ok := src[e.term]; !ok {
			src[e.term] = 1
		}
	}
	for _, e := range bing {
		if _, ok := src[e.term]; !ok {
			src[e.term] = 2
		}
	}
	for _, e := range polarity {
		switch src[e.term] {
		case 0:
			pv = append(pv, e)
		case 1:
			pa = append(pa, e)
		default:
			pb = append(pb, e)
		}
	}
	for _, s := range [][]entry{pv, pa, pb} {
		sortEntries(s)
	}
	return pv, pa, pb
}

// englishPhrases merges the phrase lists (the first that has a phrase
// wins), drops the hand-written ones and returns them sorted, with the
// apostrophe variants of every phrase, hand-written ones included.
func (g *gen) englishPhrases(vader, specials, idioms, afinn []entry) (phrases, variants []entry) {
	phrases = dedupe(vader, specials, idioms, afinn)
	phrases = g.dropHand("en", "en/phrases.tsv", phrases)
	sortEntries(phrases)
	have := map[string]bool{}
	for _, e := range phrases {
		have[e.term] = true
	}
	for _, e := range g.hand["en/phrases.tsv"] {
		have[e.Term] = true
	}
	for _, e := range phrases {
		variants = appendVariants(variants, have, e.term, e.weight)
	}
	for _, e := range g.hand["en/phrases.tsv"] {
		variants = appendVariants(variants, have, e.Term, e.Weight)
	}
	sortEntries(variants)
	return phrases, variants
}
