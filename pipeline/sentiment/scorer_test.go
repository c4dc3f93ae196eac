package sentiment

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// testLexicons are small hand-made lexicons, so that these tests pin the
// rules and not the (tuned, changing) built-in weights.
func testLexicons() map[string]*lexicons.Lexicon {
	mk := func(lang string, words map[string]float64, stems map[string]float64, phrases map[string]float64,
		neg []string, mods map[string]float64, contrast map[string][2]float64) *lexicons.Lexicon {
		lx := &lexicons.Lexicon{Lang: lang, Words: map[string]lexicons.Entry{}, Stems: map[string]lexicons.Entry{},
			Phrases: map[string][]lexicons.Entry{}, Negators: map[string]lexicons.Entry{}, Modifiers: map[string]lexicons.Entry{},
			Contrast: map[string]lexicons.Entry{}, Emoji: map[string]lexicons.Entry{}}
		for w, v := range words {
			lx.Words[w] = lexicons.Entry{Term: w, Weight: v, Source: lang + "/polarity.tsv"}
		}
		for w, v := range stems {
			lx.Stems[text.Stem(lang, w)] = lexicons.Entry{Term: w, Weight: v, Match: lexicons.Stem, Source: lang + "/polarity.tsv"}
		}
		for p, v := range phrases {
			first, _, _ := strings.Cut(p, " ")
			lx.Phrases[first] = append(lx.Phrases[first], lexicons.Entry{Term: p, Weight: v, Kind: lexicons.Phrase, Source: lang + "/phrases.tsv"})
		}
		for _, n := range neg {
			lx.Negators[n] = lexicons.Entry{Term: n, Weight: -0.74, Kind: lexicons.Negator}
		}
		for m, v := range mods {
			lx.Modifiers[m] = lexicons.Entry{Term: m, Weight: v, Kind: lexicons.Modifier}
		}
		for c, v := range contrast {
			lx.Contrast[c] = lexicons.Entry{Term: c, Weight: v[0], After: v[1], Kind: lexicons.Contrast}
		}
		for e, v := range map[string]float64{"😡": -2.5, "👍": 2, ":-)": 2, ":(": -2, "<3": 2.5} {
			lx.Emoji[e] = lexicons.Entry{Term: e, Weight: v, Kind: lexicons.Emoji, Source: "emoji.tsv"}
		}
		// The word lists (post_negator, subordinator, ...) are rules, not
		// weights: the built-in ones.
		lx.Lists = builtinLists()[lang]
		return lx
	}
	de := mk("de",
		map[string]float64{"gut": 1.9, "guter": 1.9, "top": 2.5, "pünktlich": 1.5, "freundlich": 2, "unfreundlich": -2, "ärgerlich": -2.3,
			"schnell": 1.2, "teuer": -1.5, "leider": -1.2, "steuer": 0, "probleme": -1.5, "schön": 2, "super": 2.5, "gefällt": 1.8, "mag": 1.5, "funktioniert": 2, "taugt": 2},
		map[string]float64{"verzögerung": -2, "verspätung": -2.2},
		map[string]float64{"lässt zu wünschen übrig": -2, "nicht zu empfehlen": -2.5},
		[]string{"nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "nichts", "ohne", "weder"},
		map[string]float64{"sehr": 0.293, "total": 0.293, "etwas": -0.293, "ein bisschen": -0.293},
		map[string][2]float64{"aber": {0.5, 1.5}, "obwohl": {1.5, 0.5}})
	en := mk("en",
		map[string]float64{"good": 1.9, "great": 3.1, "late": -1.5, "friendly": 2, "slow": -1.5, "cheap": 1, "incredible": 2.5},
		map[string]float64{"crash": -2},
		map[string]float64{"waste of money": -2.5, "fed up": -2},
		[]string{"not", "no", "never", "can't", "cannot", "far from"},
		map[string]float64{"very": 0.293, "extremely": 0.293, "slightly": -0.293, "kind of": -0.293, "incredible": 0.293},
		map[string][2]float64{"but": {0.5, 1.5}, "although": {1.5, 0.5}})
	return map[string]*lexicons.Lexicon{"de": de, "en": en}
}

// builtinLists holds the word lists of the built-in lexicons, loaded once.
var builtinLists = sync.OnceValue(func() map[string]map[string]map[string]lexicons.Entry {
	out := map[string]map[string]map[string]lexicons.Entry{}
	for _, lang := range lexicons.Languages {
		lx, err := lexicons.Builtin(lang)
		if err != nil {
			panic(err)
		}
		out[lang] = lx.Lists
	}
	return out
})

func analyse(t *testing.T, lang, s string, rules Rules) *models.Record {
	t.Helper()
	r := prepare(s, lang)
	New(testLexicons(), rules, text.Stem).Score(r, &models.Analysis{}, nil, true)
	return r
}

// prepare runs the text stages' work (sentences, tokens, lower case, stems)
// on s, as the pipeline does before the sentiment stage.
func prepare(s, lang string) *models.Record {
	r := &models.Record{Text: s, Lang: lang}
	r.Sentences = text.SplitSentences(s, lang, nil)
	r.Tokens = text.TokenizeSentences(s, r.Sentences, nil)
	for i := range r.Tokens {
		r.Tokens[i].Lower = text.Lower(r.Tokens[i].Text)
		if r.Tokens[i].Kind == models.Word {
			r.Tokens[i].Stem = text.Stem(lang, r.Tokens[i].Lower)
		}
	}
	return r
}

func TestRules(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             string // label
		check            func(t *testing.T, r *models.Record)
	}{
		{name: "de plain positive", lang: "de", text: "Der Service war gut.", want: "positive"},
		{name: "de negation before", lang: "de", text: "Der Service war nicht gut.", want: "negative"},
		{name: "de kein guter Service", lang: "de", text: "Kein guter Service.", want: "negative"},
		{name: "de keine Probleme is positive", lang: "de", text: "Es gab keine Probleme.", want: "positive"},
		{name: "de ohne Probleme", lang: "de", text: "Alles lief ohne Probleme.", want: "positive"},
		{name: "de gefällt mir nicht (after the verb)", lang: "de", text: "Das gefällt mir nicht.", want: "negative",
			check: rule("gefällt", "negated by nicht (after the word)")},
		{name: "de funktioniert nicht", lang: "de", text: "Die App funktioniert nicht.", want: "negative"},
		{name: "de das mag ich nicht", lang: "de", text: "Das mag ich nicht.", want: "negative"},
		{name: "de taugt nichts", lang: "de", text: "Das Ding taugt nichts.", want: "negative"},
		{name: "de post negation stops at the clause", lang: "de", text: "Das Essen war gut, die Bedienung nicht.", want: "positive"},
		{name: "de leider is not negated", lang: "de", text: "Leider nicht geschafft.", want: "negative", check: norule("Leider", "negated")},
		{name: "de tag question does not negate", lang: "de", text: "Das war gut, nicht?", want: "positive"},
		{name: "de weder noch", lang: "de", text: "Weder schnell noch freundlich.", want: "negative",
			check: func(t *testing.T, r *models.Record) {
				rule("schnell", "negated by weder")(t, r)
				rule("freundlich", "negated by noch")(t, r)
			}},
		{name: "de nie", lang: "de", text: "Nie pünktlich.", want: "negative"},
		{name: "de booster", lang: "de", text: "Sehr gut.", want: "positive", check: rule("gut", "boosted by sehr")},
		{name: "de dampener two words", lang: "de", text: "Ein bisschen teuer.", want: "negative", check: rule("teuer", "dampened by ein bisschen")},
		{name: "de aber weighs the second clause", lang: "de", text: "Die Lieferung kam nicht pünktlich, aber der Service war top.", want: "positive",
			check: func(t *testing.T, r *models.Record) {
				rule("top", "after aber")(t, r)
				rule("pünktlich", "before aber")(t, r)
			}},
		{name: "de aber at sentence start weighs the previous sentence", lang: "de", text: "Schnell geliefert. Aber sehr teuer.", want: "negative",
			check: func(t *testing.T, r *models.Record) { rule("Schnell", "before aber")(t, r); scoreBelow(0)(t, r) }},
		{name: "de obwohl weighs its own clause less", lang: "de", text: "Obwohl der Zug nicht pünktlich war, war das Personal freundlich.", want: "positive",
			check: func(t *testing.T, r *models.Record) {
				scoreAbove(0.3)(t, r)
				rule("pünktlich", "in the clause of obwohl")(t, r)
				rule("freundlich", "outside the clause of obwohl")(t, r)
			}},
		{name: "de caps emphasis", lang: "de", text: "Das war ÄRGERLICH und teuer.", want: "negative", check: rule("ÄRGERLICH", "capitals")},
		{name: "de all caps is no emphasis", lang: "de", text: "DAS WAR ÄRGERLICH.", want: "negative", check: norule("ÄRGERLICH", "capitals")},
		{name: "de compound", lang: "de", text: "Schon wieder eine Lieferverzögerung.", want: "negative", check: match("Lieferverzögerung", "compound")},
		{name: "de a neutral head ends the compound search", lang: "de", text: "Die Stromsteuer.", want: "neutral"},
		{name: "de un- is not split off", lang: "de", text: "Sehr unfreundlich.", want: "negative"},
		{name: "de un- prefix flips a compound head", lang: "de", text: "Kundenunfreundlich.", want: "negative"},
		{name: "de stem fallback", lang: "de", text: "Verspätungen ohne Ende.", want: "negative", check: match("Verspätungen", "stem")},
		{name: "de form before stem: schön is not schon", lang: "de", text: "Schön.", want: "positive", check: match("Schön", "exact")},
		{name: "de phrase", lang: "de", text: "Der Service lässt zu wünschen übrig.", want: "negative", check: match("lässt zu wünschen übrig", "phrase")},
		{name: "de negated phrase entry", lang: "de", text: "Nicht zu empfehlen.", want: "negative", check: match("Nicht zu empfehlen", "phrase")},
		{name: "de emoji", lang: "de", text: "Lieferung 😡", want: "negative", check: match("😡", "emoji")},
		{name: "de emoji is not negated", lang: "de", text: "Der Chatbot versteht nichts 😡", want: "negative", check: norule("😡", "negated")},
		{name: "de emoji with skin tone", lang: "de", text: "Lieferung 👍🏽", want: "positive"},
		{name: "de emoticon repeated mouth", lang: "de", text: "Danke :-)))", want: "positive"},
		{name: "de exclamation strengthens", lang: "de", text: "Gut!!!", want: "positive", check: func(t *testing.T, r *models.Record) {
			if plain := analyse(t, "de", "Gut.", DefaultRules()); r.Sentiment.Score <= plain.Sentiment.Score {
				t.Errorf("Gut!!! %v not above Gut. %v", r.Sentiment.Score, plain.Sentiment.Score)
			}
		}},
		{name: "de neutral", lang: "de", text: "Ich bin am Montag gefahren.", want: "neutral"},
		{name: "en negation", lang: "en", text: "The driver was not friendly.", want: "negative"},
		{name: "en contraction", lang: "en", text: "I can't say it's good.", want: "negative"},
		{name: "en n't rule", lang: "en", text: "It wasn't good.", want: "negative", check: rule("good", "negated by wasn't")},
		{name: "en never", lang: "en", text: "Never friendly.", want: "negative"},
		{name: "en negation carries over or", lang: "en", text: "The driver wasn't friendly or good.", want: "negative", check: rule("good", "negated through or")},
		{name: "de negation carries over oder", lang: "de", text: "Nicht schnell oder freundlich.", want: "negative", check: rule("freundlich", "negated through oder")},
		{name: "en never … again", lang: "en", text: "We'll never go there again.", want: "negative", check: match("never go there again", "rule")},
		{name: "en never … back", lang: "en", text: "Never coming back.", want: "negative"},
		{name: "en a booster alone is a sentiment word", lang: "en", text: "Incredible!", want: "positive", check: match("Incredible", "exact")},
		{name: "en a booster before a word boosts it", lang: "en", text: "Incredible good.", want: "positive", check: rule("good", "boosted by incredible")},
		{name: "en two-word negator", lang: "en", text: "Far from good.", want: "negative", check: rule("good", "negated by far")},
		{name: "en not that great", lang: "en", text: "It is not that great.", want: "negative", check: rule("great", "negated by not")},
		{name: "en dangling negation", lang: "en", text: "It doesn't work.", want: "negative", check: match("doesn't", "rule")},
		{name: "en a negation with a target is not dangling", lang: "en", text: "It is not good.", want: "negative", check: func(t *testing.T, r *models.Record) {
			if len(r.Explain) != 1 {
				t.Errorf("explain %+v", r.Explain)
			}
		}},
		{name: "de dangling negation is off by default", lang: "de", text: "Du bist nichts.", want: "neutral"},
		{name: "en caps emphasis", lang: "en", text: "The driver was SLOW and late.", want: "negative", check: rule("SLOW", "capitals")},
		{name: "en all caps is no emphasis", lang: "en", text: "SLOW AND LATE.", want: "negative", check: norule("SLOW", "capitals")},
		{name: "en emoji", lang: "en", text: "Delivery 😡", want: "negative", check: match("😡", "emoji")},
		{name: "en emoticon", lang: "en", text: "Thanks :-)", want: "positive", check: match(":-)", "emoji")},
		{name: "en exclamation strengthens", lang: "en", text: "Good!!!", want: "positive", check: func(t *testing.T, r *models.Record) {
			if plain := analyse(t, "en", "Good.", DefaultRules()); r.Sentiment.Score <= plain.Sentiment.Score {
				t.Errorf("Good!!! %v not above Good. %v", r.Sentiment.Score, plain.Sentiment.Score)
			}
		}},
		{name: "en booster", lang: "en", text: "Very good.", want: "positive", check: rule("good", "boosted by very")},
		{name: "en dampener two words", lang: "en", text: "Kind of slow.", want: "negative", check: rule("slow", "dampened by kind of")},
		// After the contrast rule, praise 1.55 and blame 2.25: blame wins
		// by more than English allows for mixed (the weaker at least 0.7
		// of the stronger).
		{name: "en but, blame wins", lang: "en", text: "Great product, but delivery was late.", want: "negative", check: rule("late", "after but")},
		{name: "en praise and blame balanced is mixed", lang: "en", text: "Great product, late and slow delivery.", want: "mixed"},
		{name: "en but, blame wins clearly", lang: "en", text: "Great product, but delivery was extremely late and slow.", want: "negative"},
		{name: "en although", lang: "en", text: "Although delivery was late, the driver was very friendly.", want: "positive", check: scoreAbove(0.3)},
		{name: "en phrase", lang: "en", text: "What a waste of money.", want: "negative", check: match("waste of money", "phrase")},
		{name: "en stem", lang: "en", text: "The app crashes daily.", want: "negative", check: match("crashes", "stem")},
		{name: "en compounds are German only", lang: "en", text: "Superlate.", want: "neutral"},
		{name: "unknown language is neutral", lang: "fr", text: "Très bien.", want: "neutral"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := analyse(t, tc.lang, tc.text, DefaultRules())
			if r.Sentiment.Label != tc.want {
				t.Errorf("label %s (score %v), want %s; explain: %+v", r.Sentiment.Label, r.Sentiment.Score, tc.want, r.Explain)
			}
			if tc.check != nil {
				tc.check(t, r)
			}
		})
	}
}

func scoreAbove(v float64) func(*testing.T, *models.Record) {
	return func(t *testing.T, r *models.Record) {
		t.Helper()
		if r.Sentiment.Score <= v {
			t.Errorf("score %v, want above %v", r.Sentiment.Score, v)
		}
	}
}

func scoreBelow(v float64) func(*testing.T, *models.Record) {
	return func(t *testing.T, r *models.Record) {
		t.Helper()
		if r.Sentiment.Score >= v {
			t.Errorf("score %v, want below %v", r.Sentiment.Score, v)
		}
	}
}

func find(r *models.Record, text string) *models.Contribution {
	for i := range r.Explain {
		if r.Explain[i].Text == text {
			return &r.Explain[i]
		}
	}
	return nil
}

func rule(word, want string) func(*testing.T, *models.Record) {
	return func(t *testing.T, r *models.Record) {
		t.Helper()
		c := find(r, word)
		if c == nil {
			t.Fatalf("%q contributes nothing: %+v", word, r.Explain)
		}
		for _, got := range c.Rules {
			if strings.HasPrefix(got, want) {
				return
			}
		}
		t.Errorf("%q: rules %q, want one starting %q", word, c.Rules, want)
	}
}

func norule(word, not string) func(*testing.T, *models.Record) {
	return func(t *testing.T, r *models.Record) {
		t.Helper()
		if c := find(r, word); c != nil {
			for _, got := range c.Rules {
				if strings.HasPrefix(got, not) {
					t.Errorf("%q: unexpected rule %q", word, got)
				}
			}
		}
	}
}

func match(word, how string) func(*testing.T, *models.Record) {
	return func(t *testing.T, r *models.Record) {
		t.Helper()
		c := find(r, word)
		if c == nil || c.Match != how {
			t.Errorf("%q: contribution %+v, want match %s", word, c, how)
		}
	}
}

// Each rule can be switched off.
func TestRulesSwitchOff(t *testing.T) {
	off := DefaultRules()
	off.Negation = false
	if r := analyse(t, "de", "Der Service war nicht gut.", off); r.Sentiment.Label != "positive" {
		t.Errorf("negation off: %s", r.Sentiment.Label)
	}
	off = DefaultRules()
	off.PostNegation = false
	if r := analyse(t, "de", "Das gefällt mir nicht.", off); r.Sentiment.Label != "positive" {
		t.Errorf("post-negation off: %s", r.Sentiment.Label)
	}
	off = DefaultRules()
	off.Compounds = false
	if r := analyse(t, "de", "Lieferverzögerung.", off); r.Sentiment.Label != "neutral" {
		t.Errorf("compounds off: %s", r.Sentiment.Label)
	}
	off = DefaultRules()
	off.Emoji = false
	if r := analyse(t, "de", "Lieferung 😡", off); r.Sentiment.Label != "neutral" {
		t.Errorf("emoji off: %s", r.Sentiment.Label)
	}
}

// A long text of many mildly positive sentences stays where one such
// sentence is: the score does not drift to ±1 with length.
func TestScoreDoesNotDriftWithLength(t *testing.T) {
	one := analyse(t, "de", "Der Service war gut.", DefaultRules()).Sentiment.Score
	long := analyse(t, "de", strings.Repeat("Der Service war gut. ", 40), DefaultRules()).Sentiment.Score
	if math.Abs(long-one) > 0.01 {
		t.Errorf("one sentence %v, forty %v", one, long)
	}
	if long > 0.9 {
		t.Errorf("long text drifted to %v", long)
	}
}

func TestScoresInRangeAndShares(t *testing.T) {
	r := analyse(t, "de", "Super!!! Sehr sehr gut, TOP TOP TOP 👍👍👍 aber teuer 😡", DefaultRules())
	s := r.Sentiment
	if s.Score < -1 || s.Score > 1 {
		t.Errorf("score %v out of range", s.Score)
	}
	if sum := s.Positive + s.Negative + s.Neutral; math.Abs(sum-1) > 0.001 {
		t.Errorf("shares sum to %v", sum)
	}
	if len(r.SentenceSentiments) != len(r.Sentences) {
		t.Errorf("%d sentence sentiments for %d sentences", len(r.SentenceSentiments), len(r.Sentences))
	}
}
