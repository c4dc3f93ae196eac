package sentiment

import (
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// separableLexicons are the hand-made test lexicons with a few separable
// verbs of known weights (the particles are the built-in list).
func separableLexicons(t *testing.T) map[string]*lexicons.Lexicon {
	t.Helper()
	lex := testLexicons()
	de := lex["de"]
	de.Separable = map[string]lexicons.Entry{}
	for _, e := range []lexicons.Entry{
		{Term: "abstürzen", Weight: -2.5},
		{Term: "zuhören", Weight: 1.5},
		{Term: "ankommen", Weight: 2, Forms: "kam,kamen"},
		{Term: "aussehen", Weight: 0, Forms: "sieht,sah"},
		{Term: "wiederkommen", Weight: 2, Forms: "kam,kamen"},
	} {
		e.Kind, e.Source = lexicons.Separable, "de/separable.tsv"
		de.Separable[e.Term] = e
	}
	if err := de.IndexSeparable(); err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestSeparableVerbs(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // label
		check      func(t *testing.T, r *models.Record)
	}{
		{name: "particle at the clause end joins the verb", text: "Die App stürzt beim Bezahlen ständig ab.", want: "negative",
			check: func(t *testing.T, r *models.Record) {
				match("stürzt", "separable verb")(t, r)
				rule("stürzt", "stürzt … ab = abstürzen")(t, r)
			}},
		{name: "negated after the verb", text: "Er hörte mir nicht zu.", want: "negative",
			check: func(t *testing.T, r *models.Record) {
				rule("hörte", "hörte … zu = zuhören")(t, r)
				rule("hörte", "negated by nicht (after the word)")(t, r)
			}},
		{name: "irregular past", text: "Das Paket kam nie an.", want: "negative", check: rule("kam", "negated by nie")},
		{name: "preposition inside, particle at the end", text: "Er kam mit dem Zug an.", want: "positive",
			check: func(t *testing.T, r *models.Record) {
				rule("kam", "kam … an = ankommen")(t, r)
				if len(r.Explain) != 1 {
					t.Errorf("explain %+v, want the verb only", r.Explain)
				}
			}},
		{name: "particle not at the clause end is a preposition", text: "Er kam mit dem Zug.", want: "neutral"},
		{name: "unknown verb", text: "Er fährt mit.", want: "neutral"},
		{name: "particle before und", text: "Die App stürzt ab und startet neu.", want: "negative", check: match("stürzt", "separable verb")},
		{name: "particle before a comma", text: "Die App stürzt ab, wenn ich zahle.", want: "negative", check: match("stürzt", "separable verb")},
		{name: "particle before a mention is no particle", text: "Die App stürzt ab @support", want: "neutral"},
		{name: "sentence start", text: "Komme gerne wieder!", want: "positive", check: rule("Komme", "Komme … wieder = wiederkommen")},
		{name: "one word: finite form", text: "Schade, dass die App so oft abstürzt.", want: "negative", check: rule("abstürzt", "abstürzt = abstürzen")},
		{name: "one word: participle", text: "Die App ist abgestürzt.", want: "negative", check: match("abgestürzt", "separable verb")},
		{name: "one word: zu-infinitive", text: "Sie fing an abzustürzen.", want: "negative", check: match("abzustürzen", "separable verb")},
		{name: "one word: participle negated", text: "Sie hat mir nicht zugehört.", want: "negative", check: rule("zugehört", "negated by nicht")},
		{name: "weight 0 makes no item", text: "Das sieht gut aus.", want: "positive",
			check: func(t *testing.T, r *models.Record) {
				if len(r.Explain) != 1 || r.Explain[0].Text != "gut" {
					t.Errorf("explain %+v, want gut only", r.Explain)
				}
			}},
		{name: "a capitalized noun is no verb", text: "Die Stürze hören nicht auf.", want: "neutral"},
	}
	lex := separableLexicons(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := prepare(tc.text, "de")
			New(lex, DefaultRules(), text.Stem).Score(r, &models.Analysis{}, nil, true)
			if r.Sentiment.Label != tc.want {
				t.Errorf("label %s (score %v), want %s; explain: %+v", r.Sentiment.Label, r.Sentiment.Score, tc.want, r.Explain)
			}
			if tc.check != nil {
				tc.check(t, r)
			}
		})
	}
}

// English has no separable_particle list: nothing changes.
func TestSeparableVerbsEnglishUntouched(t *testing.T) {
	r := prepare("The app crashed and never came back.", "en")
	New(separableLexicons(t), DefaultRules(), text.Stem).Score(r, &models.Analysis{}, nil, true)
	for _, c := range r.Explain {
		if c.Match == "separable verb" {
			t.Errorf("separable verb in English: %+v", c)
		}
	}
}
