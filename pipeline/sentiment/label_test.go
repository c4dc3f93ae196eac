package sentiment

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// A strongly scored comment is never mixed, however much praise and blame
// it holds: every mix of up to four positive and four negative clauses is
// checked against the rule.
func TestStrongScoreIsNeverMixed(t *testing.T) {
	good := map[string][]string{
		"de": {"Das Essen war gut", "der Service war top", "die Zimmer waren schön", "das Personal war sehr freundlich"},
		"en": {"The food was good", "the staff were friendly", "the room was great", "the view was incredible"},
	}
	bad := map[string][]string{
		"de": {"das Frühstück war etwas teuer", "der Portier war unfreundlich", "die Anreise war ärgerlich", "das WLAN hatte Probleme"},
		"en": {"breakfast was late", "parking was slow", "check-in was very slow", "the bus was late"},
	}
	th := DefaultRules().Thresholds
	mixed := 0
	for _, lang := range []string{"de", "en"} {
		for p := 0; p <= 4; p++ {
			for n := 0; n <= 4; n++ {
				parts := append(append([]string{}, good[lang][:p]...), bad[lang][:n]...)
				if len(parts) == 0 {
					continue
				}
				text := strings.Join(parts, ", ") + "."
				r := analyse(t, lang, text, DefaultRules())
				s := r.Sentiment
				if s.Label == models.Mixed {
					mixed++
					if math.Abs(s.Score) >= th[lang].MixedMaxScore {
						t.Errorf("%s: mixed at score %v (mixed only within ±%v)", text, s.Score, th[lang].MixedMaxScore)
					}
				}
				if (p == 0 && s.Label == models.Positive) || (n == 0 && s.Label == models.Negative) {
					t.Errorf("%s: %s (score %v)", text, s.Label, s.Score)
				}
			}
		}
	}
	// The rule is not vacuous: balanced mixes are mixed.
	if mixed == 0 {
		t.Error("no mix of praise and blame was labelled mixed")
	}
}

// The label rule itself, on praise and blame sums.
func TestLabelRule(t *testing.T) {
	s := &Scorer{rules: DefaultRules()}
	for _, c := range []struct {
		score, praise, blame float64
		want                 string
	}{
		{0.78, 3, 2.5, models.Positive}, // strong score: never mixed
		{0.05, 2, 2, models.Mixed},
		{0.05, 4, 1, models.Neutral},  // blame too small a share
		{-0.1, 1, 1, models.Neutral},  // both too weak for mixed
		{-0.5, 1, 4, models.Negative}, // blame wins
		{0, 0, 0, models.Neutral},
	} {
		if got := s.label("de", c.score, c.praise, c.blame); got != c.want {
			t.Errorf("label(%v, praise %v, blame %v) = %s, want %s", c.score, c.praise, c.blame, got, c.want)
		}
	}
}

// A compound whose head is unknown or neutral takes its sentiment from a
// compound modifier; a known head wins over it.
func TestCompoundModifier(t *testing.T) {
	lx := testLexicons()
	lx["de"].CompoundModifiers = map[string]lexicons.Entry{
		"traum":  {Term: "traum", Weight: 2, Kind: lexicons.CompoundModifier, Source: "de/compound_modifiers.tsv:1"},
		"billig": {Term: "billig", Weight: -1.5, Kind: lexicons.CompoundModifier, Source: "de/compound_modifiers.tsv:2"},
	}
	lx["de"].Words["hotel"] = lexicons.Entry{Term: "hotel", Weight: 0}
	for _, c := range []struct {
		text, match string
		sign        float64
	}{
		{"Eine Traumlage.", "compound (first part)", 1},
		{"Ein Traumhotel.", "compound (first part)", 1}, // neutral head
		{"Billigqualität.", "compound (first part)", -1},
		{"Traumverspätung.", "compound", -1}, // the head speaks first
		{"Traum.", "", 0},                    // no head left: not a compound
	} {
		r := prepare(c.text, "de")
		New(lx, DefaultRules(), text.Stem).Score(r, &models.Analysis{}, nil, true)
		switch {
		case c.sign == 0 && len(r.Explain) > 0:
			t.Errorf("%s: %+v, want nothing", c.text, r.Explain)
		case c.sign != 0 && (len(r.Explain) != 1 || r.Explain[0].Match != c.match || r.Explain[0].Final*c.sign <= 0):
			t.Errorf("%s: %+v, want one %s item of sign %v", c.text, r.Explain, c.match, c.sign)
		}
	}
}

// Scare quotes negate the praise of a sentence with a short quoted phrase
// in lower case and a complaint; a quoted name, or a quote without a
// complaint, is left alone.
func TestScareQuotes(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		negated    bool
	}{
		{"en", "They call it 'great service', and it was late again.", true},
		{"de", "Der „guter“ Service war unfreundlich.", true},
		{"de", "Das Hotel „Gut Schönau“ war unfreundlich.", false}, // a name
		{"en", "They call it 'great service'.", false},             // no complaint
	} {
		r := analyse(t, c.lang, c.text, DefaultRules())
		got := false
		for _, e := range r.Explain {
			for _, rule := range e.Rules {
				got = got || strings.Contains(rule, "scare quotes")
			}
		}
		if got != c.negated {
			t.Errorf("%s: scare quotes %v, want %v (%+v)", c.text, got, c.negated, r.Explain)
		}
	}
	rules := DefaultRules()
	rules.ScareQuotes = false
	if r := analyse(t, "en", "They call it 'great service', and it was late again.", rules); strings.Contains(fmt.Sprint(r.Explain), "scare") {
		t.Error("scare quotes applied when switched off")
	}
}
