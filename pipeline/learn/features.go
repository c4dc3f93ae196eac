package learn

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
)

// run runs the pipeline of cfg (up to its sentiment stage, with explain)
// over the examples that use marks (all when use is nil) and hands each
// record to each, in example order, with the example's index.
func run(ctx context.Context, cfg *configs.Config, examples []Example, use []bool, workers int, each func(i int, r *models.Record)) error {
	c := *cfg
	c.Output.Explain = true
	c.Pipeline.Stages = slices.Clone(cfg.Pipeline.Stages)
	after := false
	for i, spec := range c.Pipeline.Stages {
		if after {
			// Themes and signals do not change the sentiment: skip them.
			off := false
			spec.Enabled = &off
			c.Pipeline.Stages[i] = spec
		}
		if spec.Name == "sentiment" && spec.IsEnabled() {
			after = true
		}
	}
	if !after {
		return pipeline.ErrNoSentimentStage
	}
	p, err := pipeline.Build(&c)
	if err != nil {
		return err
	}
	i := 0
	next := func() (*models.Record, error) {
		for i < len(examples) && use != nil && !use[i] {
			i++
		}
		if i >= len(examples) {
			return nil, io.EOF
		}
		ex := &examples[i]
		r := &models.Record{Source: "learn", Line: int64(i + 1), ID: ex.ID, Original: ex.Text, Text: ex.Text, Lang: ex.Lang}
		if strings.TrimSpace(ex.Text) == "" {
			r.AddFlag(models.FlagNoContent)
		}
		i++
		return r, nil
	}
	_, err = p.Run(ctx, next, writerFunc(func(r *models.Record) { each(int(r.Line-1), r) }), pipeline.RunOptions{Workers: workers})
	return err
}

type writerFunc func(r *models.Record)

func (f writerFunc) Write(r *models.Record) error { f(r); return nil }
func (writerFunc) Flush() error                   { return nil }

// stats is what pass 0 found.
type stats struct {
	langs    []string
	analysed []bool
	// words holds, per language, each lower-cased word's counts.
	words map[string]map[string]*wordStat
}

type wordStat struct {
	// docs counts the comments holding the word, by class+1.
	docs [3]int
	// occ counts its occurrences, covered those inside a lexicon match.
	occ, covered int
	stem         string
}

// survey runs the pipeline as configured and counts, per language, the
// words of the comments and how often the lexicon already scores them.
func survey(ctx context.Context, cfg *configs.Config, examples []Example, workers int) (*stats, error) {
	st := &stats{langs: make([]string, len(examples)), analysed: make([]bool, len(examples)), words: map[string]map[string]*wordStat{}}
	seen := map[string]bool{}
	err := run(ctx, cfg, examples, nil, workers, func(i int, r *models.Record) {
		st.langs[i] = r.Lang
		if r.Err != nil || r.Sentiment == nil || !r.Analysed() {
			return
		}
		st.analysed[i] = true
		class := examples[i].Class
		if class < Negative || class > Positive {
			return
		}
		ws := st.words[r.Lang]
		if ws == nil {
			ws = map[string]*wordStat{}
			st.words[r.Lang] = ws
		}
		clear(seen)
		for ti := range r.Tokens {
			t := &r.Tokens[ti]
			if t.Kind != models.Word {
				continue
			}
			lower := t.Lower
			if lower == "" {
				lower = strings.ToLower(t.Text)
			}
			w := ws[lower]
			if w == nil {
				w = &wordStat{stem: t.Stem}
				ws[lower] = w
			}
			w.occ++
			if covered(r.Explain, t.Start, t.End) {
				w.covered++
			}
			if !seen[lower] {
				seen[lower] = true
				w.docs[class+1]++
			}
		}
	})
	return st, err
}

// covered reports whether a word, phrase or emoji of the lexicon (not a
// rule, not punctuation emphasis) spans the bytes start..end.
func covered(cs []models.Contribution, start, end int) bool {
	for i := range cs {
		c := &cs[i]
		if c.Match == "punctuation" || c.Match == "rule" {
			continue
		}
		if c.Start <= start && end <= c.End {
			return true
		}
	}
	return false
}

func (st *stats) majorityLang() string {
	n := map[string]int{}
	for i, l := range st.langs {
		if st.analysed[i] {
			n[l]++
		}
	}
	best := "de"
	for _, l := range lexicons.Languages {
		if n[l] > n[best] {
			best = l
		}
	}
	return best
}

// candidates lists the new words to fit: content words of the comments in
// use (at least minCount of them) that the lexicon does not score (covered
// in fewer than half their occurrences, no entry by form or stem) and that
// play no other part (stop words, negators, modifiers, contrast words).
func (st *stats) candidates(lang string, lx *lexicons.Lexicon, useNeutral bool, minCount int) []string {
	stop := lexicons.Stopwords(lang)
	var out []string
	for w, s := range st.words[lang] {
		df := s.docs[0] + s.docs[2]
		if useNeutral {
			df += s.docs[1]
		}
		if df < minCount || 2*s.covered >= s.occ || !termOK(w) {
			continue
		}
		if stop[strings.ReplaceAll(w, "’", "'")] {
			continue
		}
		if _, ok := lx.Words[w]; ok {
			continue
		}
		if _, ok := lx.Stems[s.stem]; ok && s.stem != "" {
			continue
		}
		if _, ok := lx.Negators[w]; ok {
			continue
		}
		if _, ok := lx.Modifiers[w]; ok {
			continue
		}
		if _, ok := lx.Contrast[w]; ok {
			continue
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// termOK: a word that a polarity file can hold and that is worth a weight:
// two or more letters, lower case, no digits, no control characters.
func termOK(w string) bool {
	if utf8.RuneCountInString(w) < 2 || w != strings.ToLower(w) || !norm.NFC.IsNormalString(w) {
		return false
	}
	letters := 0
	for _, c := range w {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c == '-' || c == '\'' || c == '’' || c == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

// data holds the features of the comments in use, one sparse row each:
// the sum of the multipliers of each key, and the offset (contributions
// that no key holds), in lexicon units.
type data struct {
	start []int
	col   []int32
	val   []float64
	off   []float64
	class []int8
}

func (d *data) n() int { return len(d.class) }

// comments counts, per key, the comments it contributed to.
func (d *data) comments(k int) []int {
	out := make([]int, k)
	for _, c := range d.col {
		out[c]++
	}
	return out
}

// features writes the keys as layers (unit weights) into dir, runs the
// pipeline with them on the comments in use and returns their features.
func features(ctx context.Context, cfg *configs.Config, examples []Example, use []bool, lang string, keys []key, dir string, workers int) (*data, error) {
	var files []pipeline.LexiconFile
	lineKey := map[string][]int32{}
	for _, kind := range []lexicons.Kind{lexicons.Polarity, lexicons.Phrase} {
		path := filepath.Join(dir, kind.String()+".tsv")
		lines, n, err := writeUnits(path, kind, keys)
		if err != nil {
			return nil, err
		}
		if n == 0 && kind == lexicons.Phrase {
			continue
		}
		lineKey[path] = lines
		files = append(files, pipeline.LexiconFile{Path: path, Lang: lang, Kind: kind.String(), Mode: lexicons.Replace})
	}
	c, err := pipeline.WithLexicons(cfg, files...)
	if err != nil {
		return nil, err
	}
	for i, spec := range c.Pipeline.Stages {
		if spec.Name == "sentiment" {
			// The polarity layer holds SentiWS's words already (Load
			// merged them): do not add them again on top.
			spec.With["sentiws"] = ""
			c.Pipeline.Stages[i] = spec
		}
	}
	d := &data{start: []int{0}}
	acc := make([]float64, len(keys))
	var touched []int32
	var runErr error
	err = run(ctx, c, examples, use, workers, func(i int, r *models.Record) {
		if r.Err != nil && runErr == nil {
			runErr = fmt.Errorf("comment %d (%s): %s", i+1, examples[i].ID, r.Err)
		}
		off := 0.0
		for ci := range r.Explain {
			ct := &r.Explain[ci]
			k := int32(-1)
			if p, line, ok := splitSource(ct.Source); ok {
				if lines := lineKey[p]; line < len(lines) {
					k = lines[line]
				}
			}
			if k < 0 {
				off += ct.Final
				continue
			}
			if acc[k] == 0 && !slices.Contains(touched, k) {
				touched = append(touched, k)
			}
			acc[k] += ct.Final / keys[k].unit
		}
		slices.Sort(touched)
		for _, k := range touched {
			if acc[k] != 0 {
				d.col = append(d.col, k)
				d.val = append(d.val, acc[k])
			}
			acc[k] = 0
		}
		touched = touched[:0]
		d.start = append(d.start, len(d.col))
		d.off = append(d.off, off)
		d.class = append(d.class, int8(examples[i].Class))
	})
	if err == nil {
		err = runErr
	}
	return d, err
}

// splitSource splits "path:line".
func splitSource(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	return s[:i], n, err == nil
}

// writeUnits writes the keys of kind with their unit weights (fixed keys
// with 0) and returns, per line number, the key it holds (-1: none).
func writeUnits(path string, kind lexicons.Kind, keys []key) ([]int32, int, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# %s weights of one unit each, for lexicon learn's features\n", kind)
	lines := []int32{-1, -1}
	n := 0
	for k, ky := range keys {
		if ky.kind != kind {
			continue
		}
		u := strconv.FormatFloat(ky.unit, 'f', -1, 64)
		if ky.fixed {
			u = "0"
		}
		if kind == lexicons.Polarity {
			fmt.Fprintf(w, "%s\t%s\t%s\n", ky.term, u, ky.match)
		} else {
			fmt.Fprintf(w, "%s\t%s\n", ky.term, u)
		}
		lines = append(lines, int32(k))
		n++
	}
	if err := w.Flush(); err != nil {
		return nil, 0, err
	}
	return lines, n, f.Close()
}
