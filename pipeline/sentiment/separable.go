package sentiment

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// separableVerbs finds German separable verbs, which the word lookup cannot
// see: "Die App stürzt beim Bezahlen ständig ab" holds neither "abstürzen"
// nor any word with sentiment. It runs after the clauses are marked:
//
//   - A particle of the lexicon's list separable_particle that ends its
//     clause (the clause's last word, punctuation and emoji aside, or the
//     word before a coordinator such as "und") joins the first word of its
//     clause that forms a known verb with it: Lexicon.SeparableVerb looks
//     the pair up among the separable verbs (separable.tsv: "stürzt" + "ab"
//     = abstürzen, "kam" + "an" = ankommen, "lehnte" + "ab" = ablehnen).
//     The verb's token carries the item (match "separable verb", a rule
//     names the particle); the particle is covered. A sentiment word at
//     the verb gives way to the joined verb. Negation then treats the item
//     as any word: "hörte mir nicht zu" is zuhören negated after the verb.
//   - A form written as one word that no polarity entry knows ("abgestürzt",
//     "weil sie ständig abstürzt", "anzurufen") is looked up with
//     Lexicon.SeparableForm.
//
// Only lower-case words (or the first word of a sentence) can be verbs:
// German nouns are capitalized. A verb with weight 0 ("sieht … aus") makes
// no item. The lexicon's lists and verbs decide everything; a lexicon
// without the separable_particle list (English) is left alone.
func (s *Scorer) separableVerbs(r *models.Record, lx *lexicons.Lexicon, info []tokInfo, items []item, sent []int, explain bool) []item {
	if len(lx.List(lexicons.ListSeparableParticle)) == 0 {
		return items
	}
	toks := r.Tokens
	added := false
	for j := range toks {
		if toks[j].Kind != models.Word || info[j].item != 0 || (info[j].role != plain && info[j].role != modifier) {
			continue
		}
		p := lowerOf(&toks[j])
		if !info[j].inLists(bitParticle) || !endsClause(toks, info, j) {
			continue
		}
		start := j
		for start > 0 && info[start-1].clause == info[j].clause {
			start--
		}
		for i := start; i < j; i++ {
			if toks[i].Kind != models.Word || info[i].role != plain || !verbLike(r, sent, i) {
				continue
			}
			e, ok := lx.SeparableVerb(p, lowerOf(&toks[i]))
			if !ok {
				continue
			}
			if e.Weight != 0 {
				it := item{first: i, last: i, sentence: sent[i], base: e.Weight, val: e.Weight, source: e.Source, match: "separable verb"}
				if explain {
					it.rules = []string{fmt.Sprintf("%s … %s = %s", toks[i].Text, toks[j].Text, e.Term)}
				}
				if k := info[i].item; k != 0 {
					items[k-1] = it // the joined verb wins over the word alone
				} else {
					items = append(items, it)
					info[i].item = len(items)
					added = true
				}
				info[j].role = covered
			}
			break
		}
	}
	for i := range toks {
		if toks[i].Kind != models.Word || info[i].item != 0 || info[i].role != plain || !verbLike(r, sent, i) {
			continue
		}
		if info[i].known || !s.particles[r.Lang].hasPrefix(lowerOf(&toks[i])) {
			continue // a polarity entry of the form or stem wins, also a neutral one
		}
		e, ok := lx.SeparableForm(lowerOf(&toks[i]))
		if !ok || e.Weight == 0 {
			continue
		}
		it := item{first: i, last: i, sentence: sent[i], base: e.Weight, val: e.Weight, source: e.Source, match: "separable verb"}
		if explain {
			it.rules = []string{fmt.Sprintf("%s = %s", toks[i].Text, e.Term)}
		}
		items = append(items, it)
		info[i].item = len(items)
		added = true
	}
	if added {
		sortItems(info, items)
	}
	return items
}

// endsClause reports whether the word at j ends its clause: nothing but
// punctuation, emoji and links follows it in the clause, or the next word
// is a coordinator ("stürzt ab und …"). A number, mention or hashtag after
// it ("an @kundenservice") makes it a preposition.
func endsClause(toks []models.Token, info []tokInfo, j int) bool {
	for k := j + 1; k < len(toks) && info[k].clause == info[j].clause; k++ {
		switch toks[k].Kind {
		case models.Punct, models.Emoji, models.Emoticon, models.URL:
			continue
		case models.Word:
			return info[k].inLists(bitCoordinator)
		}
		return false
	}
	return true
}

// verbLike: German verbs are written in lower case, except as the first
// word of a sentence or in a word written all in capitals.
func verbLike(r *models.Record, sent []int, i int) bool {
	t := r.Tokens[i].Text
	if c, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(c) || isCapsWord(t) {
		return true
	}
	return r.Sentences[sent[i]].FirstToken == i
}
