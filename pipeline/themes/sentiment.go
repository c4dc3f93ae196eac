package themes

import (
	"math"
	"strings"

	"github.com/stimmung/stimmung/models"
)

// Scale turns sums of sentiment contributions into scores and labels; the
// sentiment scorer is one, so that themes and comments are scored alike.
type Scale interface {
	Normalize(sum float64) float64
	// Label labels a score; praise and blame are the sums of the positive
	// and of the negative evidence (both >= 0), for "mixed".
	Label(lang string, score, praise, blame float64) string
}

// Themes tags r's themes and gives each the sentiment of the words that
// speak about it. Each piece of sentiment evidence goes to one mention:
// the nearest in its clause, else the nearest in its sentence, else to
// none. "Die Lieferung kam spät, aber das Personal war freundlich" gives
// delivery the late and staff the friendly.
//
// A theme without evidence whose mentions are all negated by an absence
// word ("kein WLAN") gets the taxonomy's absence weight: a missing thing
// is a complaint. When nothing matched and the taxonomy has a fallback,
// the fallback theme gets the comment's sentiment.
//
// At most MaxMentions mentions count and at most MaxMatchesPerTheme
// matches are listed per theme; r gets the warning WarnTooManyMatches when
// some were dropped.
//
// a is the sentiment stage's analysis of r (its clauses and evidence); an
// empty one gives every theme a neutral score.
func (t *Tagger) Themes(r *models.Record, a *models.Analysis, scale Scale) []models.Theme {
	ms := t.Mentions(r)
	if t.tx.Negated == "drop" {
		kept := ms[:0]
		for _, m := range ms {
			if !m.Negated {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	if len(ms) == 0 {
		return t.fallback(r)
	}
	// The themes in order of first mention.
	var order []int
	slot := map[int]int{}
	for _, m := range ms {
		if _, ok := slot[m.Theme]; !ok {
			slot[m.Theme] = len(order)
			order = append(order, m.Theme)
		}
	}
	sums := make([]float64, len(order))
	type clauseSum struct{ theme, clause int }
	pre := map[clauseSum]float64{}
	clauseOf := clauseIndex(r, a)
	give := func(i int, e models.Evidence) {
		k := slot[ms[i].Theme]
		sums[k] += e.Pre
		pre[clauseSum{k, e.Clause}] += e.Pre
	}
	// Evidence only meets the mentions of its own sentence (and, for a
	// mention that overlaps it, of the sentence before): comparing every
	// piece of evidence with every mention made a long comment quadratic.
	sentOfClause := func(c int) int {
		if c < 0 || c >= len(a.Clauses) {
			return -1
		}
		return a.Clauses[c].Sentence
	}
	bySentence := map[int][]int{}
	for i, m := range ms {
		s := sentOfClause(clauseOf[m.First])
		bySentence[s] = append(bySentence[s], i)
	}
	var cands []int
	for _, e := range a.Evidence {
		se := sentOfClause(e.Clause)
		cands = append(append(cands[:0], bySentence[se-1]...), bySentence[se]...)
		// A sentiment word that is itself a mention ("Verspätung") belongs
		// to its theme; it may also describe the nearest other theme of
		// its clause ("the parcel was late").
		overlaps := false
		for _, i := range cands {
			if m := ms[i]; m.First <= e.LastToken && e.FirstToken <= m.Last {
				give(i, e)
				overlaps = true
			}
		}
		best, bestD := -1, math.MaxInt
		for pass := 0; pass < 2 && best < 0 && !(pass == 1 && overlaps); pass++ {
			for _, i := range cands {
				m := ms[i]
				if m.First <= e.LastToken && e.FirstToken <= m.Last {
					continue
				}
				same := clauseOf[m.First] == e.Clause
				if pass == 1 {
					same = sameSentenceNoContrast(a, clauseOf[m.First], e.Clause)
				}
				if !same {
					continue
				}
				if d := gap(m.First, m.Last, e.FirstToken, e.LastToken); d < bestD {
					best, bestD = i, d
				}
			}
		}
		if best >= 0 && !(overlaps && ms[best].Theme == themeOfOverlap(ms, cands, e)) {
			give(best, e)
		}
	}
	out := make([]models.Theme, len(order))
	for k, ti := range order {
		th := t.tx.Themes[ti]
		res := models.Theme{Name: th.Name, Path: th.Path, Negated: true}
		for _, m := range ms {
			if m.Theme != ti {
				continue
			}
			res.Negated = res.Negated && m.Negated
			if len(res.Matches) == MaxMatchesPerTheme {
				warnTooMany(r)
				continue
			}
			a, b := r.Tokens[m.First].Start, r.Tokens[m.Last].End
			res.Matches = append(res.Matches, models.ThemeMatch{Text: r.Text[a:b], Start: a, End: b, Term: m.Term})
		}
		sum := sums[k]
		hasEvidence := false
		praise, blame := 0.0, 0.0
		for key, v := range pre {
			if key.theme != k {
				continue
			}
			hasEvidence = true
			if v > 0 {
				praise += v
			} else {
				blame -= v
			}
		}
		if !hasEvidence && res.Negated {
			sum = t.tx.AbsenceWeight
		}
		score := round4(scale.Normalize(sum))
		res.Score = score
		res.Label = scale.Label(r.Lang, score, praise, blame)
		out[k] = res
	}
	return out
}

func (t *Tagger) fallback(r *models.Record) []models.Theme {
	if t.tx.Fallback == "" {
		return nil
	}
	name := t.tx.Fallback
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	th := models.Theme{Name: name, Path: t.tx.Fallback, Label: models.Neutral, Matches: []models.ThemeMatch{}}
	if r.Sentiment != nil && t.tx.FallbackSentiment == "comment" {
		th.Score, th.Label = r.Sentiment.Score, r.Sentiment.Label
	}
	return []models.Theme{th}
}

// themeOfOverlap returns the theme of the first mention that e overlaps,
// or -1: evidence is never counted twice for one theme.
func themeOfOverlap(ms []Mention, cands []int, e models.Evidence) int {
	for _, i := range cands {
		if m := ms[i]; m.First <= e.LastToken && e.FirstToken <= m.Last {
			return m.Theme
		}
	}
	return -1
}

// clauseIndex maps each token to its clause.
func clauseIndex(r *models.Record, a *models.Analysis) []int {
	out := make([]int, len(r.Tokens))
	for ci, c := range a.Clauses {
		for j := c.FirstToken; j < c.EndToken && j < len(out); j++ {
			out[j] = ci
		}
	}
	return out
}

// sameSentenceNoContrast reports whether clauses a and b are in one
// sentence with no contrast word ("aber", "but") opening a clause from the
// earlier up to the later one.
func sameSentenceNoContrast(an *models.Analysis, a, b int) bool {
	cl := an.Clauses
	if a < 0 || b < 0 || a >= len(cl) || b >= len(cl) || cl[a].Sentence != cl[b].Sentence {
		return false
	}
	for c := min(a, b) + 1; c <= max(a, b); c++ {
		if cl[c].Contrast {
			return false
		}
	}
	return true
}

// gap is the number of tokens between two spans (0 when they overlap).
func gap(a1, a2, b1, b2 int) int {
	switch {
	case b1 > a2:
		return b1 - a2
	case a1 > b2:
		return a1 - b2
	}
	return 0
}

func round4(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return math.Round(v*1e4) / 1e4
}
