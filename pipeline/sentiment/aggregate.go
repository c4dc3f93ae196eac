package sentiment

import (
	"math"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/models"
)

// aggregate sums the items per sentence and clause, adds punctuation
// emphasis, and sets the record's sentiment.
func (s *Scorer) aggregate(r *models.Record, items []item, info []tokInfo, sc *scratch, explain bool) {
	toks := r.Tokens
	nSent := len(r.Sentences)
	sc.sums = slices.Grow(sc.sums[:0], 2*nSent)[:2*nSent]
	clear(sc.sums)
	sums, emph := sc.sums[:nSent], sc.sums[nSent:]
	for _, it := range items {
		sums[it.sentence] += it.val
	}
	// Punctuation emphasis, per sentence, in the direction of its sum.
	if s.rules.Punctuation {
		for si, se := range r.Sentences {
			excl, quest := 0, 0
			for j := se.FirstToken; j < se.EndToken; j++ {
				if toks[j].Kind == models.Punct {
					excl += strings.Count(toks[j].Text, "!")
					quest += strings.Count(toks[j].Text, "?")
				}
			}
			if sums[si] == 0 {
				continue
			}
			e := float64(min(excl, 4)) * s.rules.ExclamationIncrement
			if quest > 1 {
				e += float64(min(quest, 3)) * s.rules.QuestionIncrement
			}
			emph[si] = sign(sums[si]) * e
			sums[si] += emph[si]
		}
	}
	// The evidence on each side, for "mixed": praise and complaint both
	// substantial and neither winning.
	var praise, blame float64
	for _, it := range items {
		if v := it.mixVal(s.rules.MixedAfterContrast); v > 0 {
			praise += v
		} else {
			blame -= v
		}
	}

	r.SentenceSentiments = r.SentenceSentiments[:0]
	var num, den, pos, neg float64
	for si := range r.Sentences {
		sc := s.normalize(sums[si])
		w := math.Abs(sums[si])
		if sums[si] == 0 {
			w = s.rules.NeutralWeight
		}
		num += w * sc
		den += w
		r.SentenceSentiments = append(r.SentenceSentiments, models.Sentiment{Score: round(sc), Label: s.label(r.Lang, sc, 0, 0)})
	}
	neutralWords := 0
	for j := range toks {
		if toks[j].Kind == models.Word && info[j].item == 0 && info[j].role == plain {
			neutralWords++
		}
	}
	for _, it := range items {
		if it.val > 0 {
			pos += it.val + 1 // VADER adds 1 per sentiment word to the shares
		} else if it.val < 0 {
			neg += -it.val + 1
		}
	}
	score := 0.0
	if den > 0 {
		score = num / den
	}
	st := &models.Sentiment{Score: round(score), Label: s.label(r.Lang, score, praise, blame)}
	if total := pos + neg + float64(neutralWords); total > 0 {
		st.Positive, st.Negative = round(pos/total), round(neg/total)
		st.Neutral = round(1 - st.Positive - st.Negative)
	} else {
		st.Neutral = 1
	}
	r.Sentiment = st
	// Items are in text order, so each sentence's items follow the
	// previous sentence's: one pass over them (a pass per sentence made a
	// long comment quadratic).
	k := 0
	for si := range r.SentenceSentiments {
		start := k
		for k < len(items) && items[k].sentence == si {
			k++
		}
		ss := &r.SentenceSentiments[si]
		ss.Positive, ss.Negative, ss.Neutral = sentenceShares(items[start:k], info, toks, r.Sentences[si])
	}
	if explain {
		r.Explain = r.Explain[:0]
		for _, it := range items {
			a, b := toks[it.first].Start, toks[it.last].End
			r.Explain = append(r.Explain, models.Contribution{Text: r.Text[a:b], Start: a, End: b, Sentence: it.sentence,
				Source: it.source, Match: it.match, Base: it.base, Final: round(it.val), Rules: it.rules})
		}
		for si, e := range emph {
			if e != 0 {
				se := r.Sentences[si]
				r.Explain = append(r.Explain, models.Contribution{Text: r.Text[se.Start:se.End], Start: se.Start, End: se.End, Sentence: si,
					Match: "punctuation", Final: round(e), Rules: []string{"emphasis by ! and ?"}})
			}
		}
	}
}

// sentenceShares returns a sentence's shares of positive, negative and
// neutral evidence; items are the sentence's own.
func sentenceShares(items []item, info []tokInfo, toks []models.Token, se models.Sentence) (p, n, u float64) {
	var pos, neg, neu float64
	for _, it := range items {
		if it.val > 0 {
			pos += it.val + 1
		} else if it.val < 0 {
			neg += -it.val + 1
		}
	}
	for j := se.FirstToken; j < se.EndToken; j++ {
		if toks[j].Kind == models.Word && info[j].item == 0 && info[j].role == plain {
			neu++
		}
	}
	total := pos + neg + neu
	if total == 0 {
		return 0, 0, 1
	}
	p, n = round(pos/total), round(neg/total)
	return p, n, round(1 - p - n)
}

func (s *Scorer) normalize(sum float64) float64 {
	if sum == 0 {
		return 0
	}
	return sum / math.Sqrt(sum*sum+s.rules.Alpha)
}

// label labels a score: mixed when praise and blame (the sums of the
// positive and of the negative evidence, both >= 0) are each at least
// MixedMin, the weaker is at least MixedBalance of the stronger, and the
// score is within ±MixedMaxScore; otherwise by the positive and negative
// thresholds.
func (s *Scorer) label(lang string, score, praise, blame float64) string {
	th, ok := s.rules.Thresholds[lang]
	if !ok {
		th = s.rules.Thresholds["en"]
	}
	weak, strong := min(praise, blame), max(praise, blame)
	switch {
	case weak >= th.MixedMin && weak >= th.MixedBalance*strong && math.Abs(score) < th.MixedMaxScore:
		return models.Mixed
	case score >= th.Positive:
		return models.Positive
	case score <= th.Negative:
		return models.Negative
	}
	return models.Neutral
}

// mixVal is what an item counts for in the balance of praise and blame:
// its value before or after contrast weighting.
func (it *item) mixVal(afterContrast bool) float64 {
	if afterContrast {
		return it.val
	}
	return it.pre
}
