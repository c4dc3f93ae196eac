package sentiment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// findItems marks the roles of tokens and collects the sentiment items:
// phrases first (they win over the words inside them), then emoji, then
// words by form, stem and compound head.
func (s *Scorer) findItems(r *models.Record, lx *lexicons.Lexicon, info []tokInfo, sentOf []int, items []item) []item {
	toks := r.Tokens
	idx := s.index[r.Lang]
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		lower := t.Lower
		if lower == "" {
			lower = strings.ToLower(t.Text)
		}
		wi := idx[lower]
		info[i].wi = wi
		if s.rules.Phrases && t.Kind == models.Word && wi != nil && len(wi.phrases) > 0 {
			if e, n := matchPhrase(wi.phrases, toks, i); n > 0 {
				for j := i; j < i+n; j++ {
					info[j].role = covered
				}
				info[i].item = len(items) + 1
				items = append(items, item{first: i, last: i + n - 1, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: "phrase"})
				i += n - 1
				continue
			}
		}
		switch t.Kind {
		case models.Emoji, models.Emoticon:
			if !s.rules.Emoji {
				continue
			}
			if e, ok := lx.EmojiEntry(t.Text); ok {
				info[i].item = len(items) + 1
				items = append(items, item{first: i, last: i, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: "emoji"})
			}
			continue
		case models.Punct:
			if isBoundary(t.Text) {
				info[i].role = boundary
			}
			continue
		case models.Word:
		default:
			continue
		}
		// Two-word negators and modifiers ("far from", "no one", "ein
		// bisschen", "kind of") before one-word roles.
		if i+1 < len(toks) && wi != nil && wi.multi {
			two := lower + " " + lowerOf(&toks[i+1])
			if e, ok := lx.Negators[two]; ok {
				info[i].role, info[i].entry = negator, e
				info[i+1].role = covered
				info[i+1].wi = idx[lowerOf(&toks[i+1])] // "zu" of "viel zu" is still an excess marker
				i++
				continue
			}
			if e, ok := lx.Modifiers[two]; ok {
				info[i].role, info[i].entry, info[i].span = modifier, e, 2
				info[i+1].role = covered
				info[i+1].wi = idx[lowerOf(&toks[i+1])] // "zu" of "viel zu" is still an excess marker
				i++
				continue
			}
		}
		if wi != nil && wi.negator != nil {
			info[i].role, info[i].entry = negator, *wi.negator
			continue
		}
		if suffix := s.negatorSuffix(r.Lang, lower); suffix != "" {
			info[i].role = negator
			info[i].entry = lexicons.Entry{Term: lower, Weight: s.rules.NegationScalar, Kind: lexicons.Negator, Source: "rule: " + suffix}
			continue
		}
		if wi != nil && wi.contrast != nil {
			info[i].role, info[i].entry = contrast, *wi.contrast
			continue
		}
		if wi != nil && wi.modifier != nil {
			info[i].role, info[i].entry, info[i].span = modifier, *wi.modifier, 1
			// "incredible", "super": a booster that is also a sentiment
			// word counts as one when it has nothing to boost.
			if p, how, ok := s.lookupWord(lx, r.Lang, t, wi); ok && p.Weight != 0 {
				info[i].polar, info[i].polarHow = p, how
			}
			continue
		}
		// A word neutralized with weight 0 ("service", "gerade") is no
		// evidence: it must not claim a negator or block one.
		e, how, ok := s.lookupWord(lx, r.Lang, t, wi)
		info[i].known = ok && (how == "exact" || how == "stem")
		if ok && e.Weight != 0 {
			info[i].item = len(items) + 1
			items = append(items, item{first: i, last: i, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: how})
		}
	}
	return standaloneModifiers(toks, info, items, sentOf)
}

// neverAgain adds an item for a negator of the list never_again_start
// ("never") followed later in its clause by a word of never_again_end
// ("again", "back"); contiguous "never again" is a lexicon phrase. The
// negator is then spent: it negates nothing else.
func (s *Scorer) neverAgain(toks []models.Token, info []tokInfo, items []item, sent []int) []item {
	for i := range toks {
		if info[i].role != negator || !info[i].inLists(bitNeverStart) {
			continue
		}
		for j := i + 2; j < len(toks) && j <= i+8; j++ {
			if info[j].clause != info[i].clause || info[j].role == boundary || info[j].item != 0 {
				break
			}
			if info[j].inLists(bitNeverEnd) {
				info[i].role, info[i].item = covered, len(items)+1
				items = append(items, item{first: i, last: j, sentence: sent[i], base: s.rules.NeverAgain, val: s.rules.NeverAgain,
					source: "rule: never … again", match: "rule"})
				break
			}
		}
	}
	return items
}

// standaloneModifiers turns a modifier that is also a sentiment word into
// a sentiment item when no sentiment word follows it within three tokens
// of its sentence: "Incredible!", "The shield is super."
func standaloneModifiers(toks []models.Token, info []tokInfo, items []item, sentOf []int) []item {
	added := false
	for i := range info {
		if info[i].role != modifier || info[i].polar.Term == "" {
			continue
		}
		modifies := false
		for j := i + 1; j < len(toks) && j <= i+3 && sentOf[j] == sentOf[i]; j++ {
			if info[j].item != 0 {
				modifies = true
				break
			}
			if toks[j].Kind == models.Punct {
				break
			}
		}
		if modifies {
			continue
		}
		e := info[i].polar
		info[i].role = plain
		items = append(items, item{first: i, last: i, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: info[i].polarHow})
		added = true
	}
	if added {
		// Keep items in text order and their back references right.
		sortItems(info, items)
	}
	return items
}

// lookupWord finds a word's polarity: its form first, then its stem, then
// (German) the head of a compound. Looking forms up before stems matters:
// some German stems collide ("schön" and "schon" both stem to "schon").
func (s *Scorer) lookupWord(lx *lexicons.Lexicon, lang string, t *models.Token, wi *wordIndex) (lexicons.Entry, string, bool) {
	lower := lowerOf(t)
	if wi != nil && wi.polar != nil {
		return *wi.polar, "exact", true
	}
	if s.rules.StemFallback && t.Stem != "" {
		if e, ok := lx.Stems[t.Stem]; ok {
			return e, "stem", true
		}
	}
	if s.rules.Umlauts && lang == "de" {
		if e, ok := s.lookupUmlauts(lx, lang, lower); ok {
			return e, "umlauts", true
		}
	}
	// Only nouns (capitalized in German) are split: splitting any word
	// finds short heads everywhere ("Passagiere" is not "Gier").
	if s.rules.Compounds && lang == "de" {
		if first, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(first) {
			return s.lookupCompound(lx, lang, lower)
		}
		return s.lookupIntensified(lx, lang, lower)
	}
	return lexicons.Entry{}, "", false
}

// intensifierBoost is what an intensifying prefix adds to its word's
// magnitude: as much as the booster "sehr".
const intensifierBoost = 0.293

// lookupIntensified looks a German adjective up through an intensifying
// prefix (lexicons.ListIntensifierPrefix): "superfreundlich" is
// "freundlich", boosted; "stinklangweilig" is "langweilig", boosted. The
// rest must be a lexicon word of three letters or more.
func (s *Scorer) lookupIntensified(lx *lexicons.Lexicon, lang, lower string) (lexicons.Entry, string, bool) {
	for _, p := range s.intensifiers[lang].of(lower) {
		rest, ok := strings.CutPrefix(lower, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		e, ok := lx.Words[rest]
		if !ok && s.stem != nil && s.rules.StemFallback {
			e, ok = lx.Stems[s.stem(lang, rest)]
		}
		if ok && e.Weight != 0 {
			e.Weight += sign(e.Weight) * intensifierBoost
			return e, "intensified (" + p + "-)", true
		}
	}
	return lexicons.Entry{}, "", false
}

// minStemHead is the shortest compound head looked up by its stem. A
// tuning of the scorer, like rules.CompoundMinHead.
const minStemHead = 8

// lookupCompound tries the heads of a German compound from the longest
// (the compound analyser, pipeline/text): "lieferverzögerung" →
// "verzögerung". A first part must have a vowel and
// text.MinCompoundModifier letters, so "unfreundlich" never becomes
// "freundlich"; a head after a hyphen is taken without it ("Horror-Trip").
// A remaining "un" prefix before a head flips it ("kundenunfreundlich").
func (s *Scorer) lookupCompound(lx *lexicons.Lexicon, lang, lower string) (lexicons.Entry, string, bool) {
	minHead := s.rules.CompoundMinHead
	h := text.CompoundOptions{MinHead: minHead, Letters: true, Vowel: true, Hyphen: true}.Heads(lower)
	if h.Runes() < minHead+text.MinCompoundModifier {
		return lexicons.Entry{}, "", false
	}
	for h.Next() {
		head := h.Head
		e, ok := lx.Words[head]
		// A stem match needs a long head: "Pfandflaschen" must not
		// meet "lasch" through the stem of "laschen".
		if !ok && s.stem != nil && s.rules.StemFallback && utf8.RuneCountInString(head) >= minStemHead {
			e, ok = lx.Stems[s.stem(lang, head)]
		}
		if ok && e.Weight == 0 {
			// A head the lexicon knows as neutral ends the search:
			// "Stromsteuer" is a "Steuer", not "teuer". Its first
			// part may still judge it ("Traumhotel").
			return s.compoundModifier(lx, lang, lower)
		}
		if ok {
			if strings.HasSuffix(h.Modifier, "un") {
				e.Weight = -e.Weight
				return e, "compound (un-)", true
			}
			return e, "compound", true
		}
	}
	return s.compoundModifier(lx, lang, lower)
}

// minModifiedHead is the shortest head after a compound modifier, in
// letters. A tuning of the scorer.
const minModifiedHead = 3

// compoundModifier looks a compound up by its first part when no head
// carried sentiment: "Traumlage", "Billigqualität", "Spitzenessen". The
// longest known first part wins; a hyphen or linking element after it is
// allowed ("Horror-Trip", "Qualitätsmangel": text.StripLink). The first
// parts are tried as prefixes (a few dozen), not every split of the word
// looked up.
func (s *Scorer) compoundModifier(lx *lexicons.Lexicon, lang, lower string) (lexicons.Entry, string, bool) {
	for _, first := range s.compoundFirsts[lang].of(lower) {
		rest, ok := strings.CutPrefix(lower, first)
		if !ok {
			continue
		}
		rest = text.StripLink(rest, minModifiedHead)
		if utf8.RuneCountInString(rest) < minModifiedHead {
			continue
		}
		if e := lx.CompoundModifiers[first]; e.Weight != 0 {
			return e, "compound (first part)", true
		}
	}
	return lexicons.Entry{}, "", false
}

// matchPhrase returns the longest phrase (candidates are longest first) that
// the tokens from i on spell, and its length in tokens.
func matchPhrase(cands []phrase, toks []models.Token, i int) (lexicons.Entry, int) {
	for _, p := range cands {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p.words {
			if lowerOf(&toks[i+k]) != w {
				ok = false
				break
			}
		}
		if ok {
			return p.e, len(p.words)
		}
	}
	return lexicons.Entry{}, 0
}

// umlautSpellings maps the spellings of umlauts without them, as typed on
// keyboards and phones without German keys, to the letters.
var umlautSpellings = strings.NewReplacer("ae", "ä", "oe", "ö", "ue", "ü")

// lookupUmlauts looks a German word written without umlauts up with them:
// "aergerlich" is "ärgerlich", "verspaetet" "verspätet", "gluecklich"
// "glücklich". Only a word the lexicon does not know is tried, and only the
// spelled-out form that the lexicon knows counts ("neue" stays "neue").
func (s *Scorer) lookupUmlauts(lx *lexicons.Lexicon, lang, lower string) (lexicons.Entry, bool) {
	if !strings.Contains(lower, "ae") && !strings.Contains(lower, "oe") && !strings.Contains(lower, "ue") {
		return lexicons.Entry{}, false
	}
	w := umlautSpellings.Replace(lower)
	if e, ok := lx.Words[w]; ok {
		return e, true
	}
	if s.stem != nil && s.rules.StemFallback {
		if e, ok := lx.Stems[s.stem(lang, w)]; ok {
			return e, true
		}
	}
	return lexicons.Entry{}, false
}

// negatorSuffix returns the negating ending of a word that the lexicon
// lists (negator_suffix: "n't" in "wasn't", "couldn’t"), or "".
func (s *Scorer) negatorSuffix(lang, lower string) string {
	for _, suffix := range s.negSuffixes[lang] {
		if strings.HasSuffix(lower, suffix) {
			return suffix
		}
	}
	return ""
}
