package langdetect

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/stimmung/stimmung/lexicons"
)

const (
	symBoundary = 0
	symOther    = 31 // any other Latin letter (é, ñ, ...)
	symbols     = 32
	triCells    = symbols * symbols * symbols

	// triClamp bounds a single letter's log-ratio so one odd transition (a
	// name, a typo) cannot outvote the rest of a word.
	triClamp = 2.5
	// triWeight scales the trigram sum against listed-word weights; trigrams
	// within a word are far from independent, so their sum overstates
	// evidence.
	triWeight = 0.2
	// wordTriCap bounds the (weighted) trigram evidence of one unlisted
	// word: names and loanwords ("Windows", "Update") are common in German
	// feedback and must not outvote listed function words.
	wordTriCap = 3.0
	// umlautWeight is the evidence of an unlisted word spelled with ä, ö, ü
	// or ß, which English words essentially never contain.
	umlautWeight = 2.5
	// titleWeight discounts listed English words that are Capitalised in
	// mid-sentence. English capitalises there only names and titles, so
	// "Do You Hear The People Sing" inside a German post is a quoted title,
	// not the writer's language. German capitalises every noun, so German
	// words get no such discount.
	titleWeight = 0.5
	// minTrigrams is how much n-gram evidence is needed when no listed word
	// was seen; fewer trigrams than that (one short word) is a guess.
	minTrigrams = 6
	// minMargin is the smallest |score| (in log-odds) we commit to.
	minMargin = 1.0
	// confidenceScale flattens the logistic of the score: summed evidence is
	// overconfident because words are not independent; with it, confidence
	// roughly tracks the share of correct answers on held-out feedback.
	confidenceScale = 2.0
	// maxWordBytes bounds the look-up buffer; longer words are never in the
	// list and are scored by trigrams only.
	maxWordBytes = 48
)

type model struct {
	// tri holds log P(c|a,b; de) - log P(c|a,b; en) for the trigram (a,b,c),
	// a letter's log-likelihood ratio given the two before it.
	tri [triCells]float32
	// words maps a lower-cased word to its weight: > 0 German, < 0 English,
	// 0 for words known to be ambiguous.
	words map[string]float32
}

var modelOnce = sync.OnceValue(func() *model {
	m, err := loadModel(lexicons.LangID())
	if err != nil {
		// The data is embedded in the binary, so this is a build defect,
		// not a runtime condition a caller could handle.
		panic("langdetect: embedded data lexicons/langid: " + err.Error())
	}
	return m
})

func loadModel(fsys fs.FS) (*model, error) {
	m := &model{words: make(map[string]float32, 1024)}

	words, err := fs.ReadFile(fsys, "words.tsv")
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(string(words), "\n") {
		f, ok := dataFields(line)
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
	// Rare letters fold into symOther, so several data rows can share a cell.
	var counts [2][]float64
	counts[0] = make([]float64, triCells)
	counts[1] = make([]float64, triCells)
	for n, line := range strings.Split(string(tris), "\n") {
		f, ok := dataFields(line)
		if !ok {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("trigrams.tsv:%d: want 3 fields, got %d", n+1, len(f))
		}
		idx, ok := trigramIndex(f[0])
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
		lp, err := markovLogProbs(counts[k])
		if err != nil {
			return nil, err
		}
		logp[k] = lp
	}
	for i := range m.tri {
		lr := logp[0][i] - logp[1][i]
		m.tri[i] = float32(max(-triClamp, min(triClamp, lr)))
	}
	return m, nil
}

// markovLogProbs turns trigram counts into log P(c | a b) for every cell,
// so that summing a word's cells gives the log-likelihood of its spelling
// under a character Markov chain. Conditioning (rather than comparing raw
// trigram frequencies) avoids counting each letter pair twice. Unseen
// histories back off to bigram and unigram estimates by Witten-Bell
// smoothing, which needs no tuned constants.
//
// Words start with the cell (boundary, boundary, first letter), whose count
// is derived from the trigrams that start a word.
func markovLogProbs(c3 []float64) ([]float64, error) {
	const n = symbols
	c3 = append([]float64(nil), c3...)
	for a := 1; a < n; a++ {
		var s float64
		for x := range n {
			s += c3[(symBoundary*n+a)*n+x]
		}
		c3[(symBoundary*n+symBoundary)*n+a] += s
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
			p2[b*n+c] = wittenBell(c2[b*n+c], hist, types, p1[c])
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
			out[ab*n+c] = math.Log(wittenBell(c3[ab*n+c], hist, types, p2[(ab%n)*n+c]))
		}
	}
	return out, nil
}

func wittenBell(count, hist, types, lower float64) float64 {
	if hist == 0 {
		return lower
	}
	return (count + types*lower) / (hist + types)
}

// dataFields splits a TSV data line, skipping blank and "#" comment lines.
func dataFields(line string) ([]string, bool) {
	line = strings.TrimRight(line, "\r")
	if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
		return nil, false
	}
	return strings.Split(line, "\t"), true
}

func trigramIndex(t string) (int, bool) {
	idx, n := 0, 0
	for _, r := range t {
		sym := symBoundary
		if r != '_' {
			s, _, ok := letterSym(r)
			if !ok {
				return 0, false
			}
			sym = s
		}
		idx = idx*symbols + sym
		n++
	}
	return idx, n == 3
}

// letterSym maps a letter to its trigram symbol and lower-case form. Letters
// outside the Latin blocks report ok=false: they are no evidence for either
// language, and treating them as separators keeps e.g. Japanese or Arabic text
// from being forced into German or English.
func letterSym(r rune) (sym int, lower rune, ok bool) {
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
		return symOther, unicode.ToLower(r), true
	}
	return 0, 0, false
}
