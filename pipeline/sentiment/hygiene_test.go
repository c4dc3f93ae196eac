package sentiment

import (
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// TestBuiltinContextDependentWords pins the built-in lexicons' handling of
// words whose sense depends on context (issue 10, "Lexicon hygiene"): the
// phrase carries the verdict, the single word does not. Unlike TestRules it
// uses the built-in lexicons, so it fails when a regeneration brings back a
// context-blind source weight.
func TestBuiltinContextDependentWords(t *testing.T) {
	lex := map[string]*lexicons.Lexicon{}
	for _, lang := range []string{"de", "en"} {
		lx, err := lexicons.Builtin(lang)
		if err != nil {
			t.Fatal(err)
		}
		lex[lang] = lx
	}
	sc := New(lex, DefaultRules(), text.Stem)
	const (
		notNegative = "not negative"
		notPositive = "not positive"
		neutral     = "neutral"
		negative    = "negative"
		positive    = "positive"
	)
	tests := []struct {
		name, lang, text string
		want             string
	}{
		{"bei Laune is a good mood", "de", "Die Kinder waren den ganzen Nachmittag bei Laune.", notNegative},
		{"gute Laune", "de", "Das Team hatte gute Laune.", positive},
		{"schlechte Laune", "de", "Der Fahrer hatte schlechte Laune.", notPositive},
		{"Laune alone", "de", "Das Wetter schlägt auf die Laune.", neutral},
		{"gespielte Rolle", "de", "Die von ihm gespielte Figur ist der Vater.", neutral},
		{"gut gespielt", "de", "Die Rolle ist gut gespielt.", positive},
		{"beim Betreten", "de", "Beim Betreten des Zimmers fiel uns der Balkon auf.", neutral},
		{"Massagen offered", "de", "Im Haus werden auch Massagen angeboten.", neutral},
		{"mäßiger Erfolg", "de", "Der zweite Versuch war ein mäßiger Erfolg.", notPositive},
		{"mäßige Qualität", "de", "Die Qualität ist mäßig.", negative},
		{"Duft of a product", "de", "Der Duft des Waschmittels ist dezent.", neutral},
		{"Sterne vergeben", "de", "Ich vergebe drei Sterne.", neutral},
		{"verschlossen is sealed", "de", "Die Packung kam verschlossen an.", neutral},
		{"hält ewig warm", "de", "Der Becher hält den Tee ewig warm.", notNegative},
		{"dauert ewig", "de", "Die Bearbeitung dauert ewig.", negative},
		{"läuft nicht aus", "de", "Die Flasche läuft nicht aus.", positive},
		{"ausgefallene Idee", "de", "Eine ausgefallene Idee für ein Geschenk.", notNegative},
		{"Zug ausgefallen", "de", "Mein Zug ist heute wieder ausgefallen.", negative},
		{"in Ordnung is mild", "de", "Das Frühstück war in Ordnung.", notNegative},
		{"typed l for I", "en", "The nurse l spoke to explained the results.", neutral},
		{"disability described", "en", "I have a disability and use a wheelchair.", neutral},
		{"urgent care", "en", "I was sent to urgent care.", neutral},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := prepare(tc.text, tc.lang)
			sc.Score(r, &models.Analysis{}, nil, true)
			if r.Sentiment == nil {
				t.Fatal("no sentiment")
			}
			got, score := r.Sentiment.Label, r.Sentiment.Score
			ok := false
			switch tc.want {
			case notNegative:
				ok = got != models.Negative && score > -0.05
			case notPositive:
				ok = got != models.Positive && score < 0.05
			case neutral:
				ok = got == models.Neutral
			case negative:
				ok = got == models.Negative
			case positive:
				ok = got == models.Positive
			}
			if !ok {
				t.Errorf("%q: got %s %+.3f, want %s (explain: %+v)", tc.text, got, score, tc.want, r.Explain)
			}
		})
	}
}
