package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
)

// analyzeWith runs the default pipeline with the given taxonomy file on one
// text.
func analyzeWith(t *testing.T, taxonomy, lang, text string) *models.Record {
	t.Helper()
	cfg := loadYAML(t, "themes: "+taxonomy+"\n")
	p, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &models.Record{ID: "t", Text: text, Original: text, Lang: lang, LangSource: "input"}
	p.Process(context.Background(), r, &Notes{})
	if r.Err != nil {
		t.Fatalf("%q: %v", text, r.Err)
	}
	return r
}

// themeSummary renders themes as "path:label[matches]" for comparison.
func themeSummary(r *models.Record) string {
	var parts []string
	for _, th := range r.Themes {
		var ms []string
		for _, m := range th.Matches {
			ms = append(ms, m.Text)
		}
		neg := ""
		if th.Negated {
			neg = "!"
		}
		parts = append(parts, fmt.Sprintf("%s:%s%s[%s]", th.Path, th.Label, neg, strings.Join(ms, ",")))
	}
	return strings.Join(parts, " ")
}

func TestThemes(t *testing.T) {
	tests := []struct {
		name, lang, text, want string
	}{
		{"de compound modifier", "de", "Die Lieferverzögerung war ärgerlich.", "delivery:negative[Lieferverzögerung]"},
		{"de compound head, child theme", "de", "Schon wieder eine Zugverspätung!", "train/punctuality:negative[Zugverspätung]"},
		{"de short head by *zug, plural", "de", "Die Regionalzüge sind sauber.", "train:positive[Regionalzüge]"},
		{"de exclusion", "de", "Ich habe einen neuen Anzug gekauft, sehr schön.", ""},
		{"de exclusion of a modifier family", "de", "Der Lieferant war unfreundlich.", ""},
		{"de negated mention is a missing thing", "de", "Kein WLAN im ICE.", "connectivity:negative![WLAN]"},
		{"de negated mention with sentiment of its own", "de", "Kein Problem mit der Lieferung, alles super.", "delivery:positive[Lieferung]"},
		{"de theme in a clause after aber", "de", "Die Lieferung kam zu spät, aber das Personal war sehr freundlich.",
			"delivery:negative[Lieferung] staff:positive[Personal]"},
		{"de two themes in one clause take the nearest words", "de", "Das Essen war schlecht und das Personal freundlich.",
			"food:negative[Essen] staff:positive[Personal]"},
		{"de sentiment in a later clause of the sentence", "de", "Das Paket kam an, leider beschädigt.", "delivery:negative[Paket]"},
		{"de words after aber do not go to an earlier theme", "de", "Das Paket kam an, aber ich bin sauer auf meinen Chef.", "delivery:neutral[Paket]"},
		{"de rule all within", "de", "Ich musste sehr lange warten.", "waiting:negative[lange,warten]"},
		{"de rule all too far apart", "de", "Lange Rede, kurzer Sinn: ich kann es kaum erwarten zu warten.", ""},
		{"de rule any", "de", "Eine Stunde in der Warteschleife.", "waiting:negative[Warteschleife]"},
		{"de rule not", "de", "Die Musik in der Warteschleife nervt.", ""},
		{"de hashtag", "de", "Mal wieder #Verspätung bei der #bahn", "train/punctuality:negative[#Verspätung] train:neutral[#bahn]"},
		{"en stem", "en", "The parcel was delivered late.", "delivery:negative[parcel,delivered] train/punctuality:negative[late]"},
		{"en theme after but", "en", "Delivery was slow but the staff were friendly.", "delivery:negative[Delivery] staff:positive[staff]"},
		{"en negated mention", "en", "No wifi on the train.", "connectivity:negative![wifi] train:neutral[train]"},
		{"en rule within its own window", "en", "I had to wait for over an hour.", "waiting:negative[wait,hour]"},
		{"en nothing", "en", "Thanks for asking.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := analyzeWith(t, "testdata/themes-test.yaml", tc.lang, tc.text)
			if got := themeSummary(r); got != tc.want {
				t.Errorf("%q\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestThemeMatchOffsets(t *testing.T) {
	r := analyzeWith(t, "testdata/themes-test.yaml", "de", "Über die Lieferung: top!")
	if len(r.Themes) != 1 || len(r.Themes[0].Matches) != 1 {
		t.Fatalf("themes = %+v", r.Themes)
	}
	m := r.Themes[0].Matches[0]
	if r.Text[m.Start:m.End] != "Lieferung" || m.Term != "liefer*" {
		t.Errorf("match = %+v", m)
	}
}

func TestThemesFallback(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/fb.yaml"
	writeFile(t, path, "name: fb\nversion: \"1\"\nfallback: Allgemein\nthemes:\n  - name: delivery\n    terms: {de: [lieferung]}\n")
	r := analyzeWith(t, path, "de", "Alles war wunderbar.")
	if got := themeSummary(r); got != "Allgemein:positive[]" {
		t.Errorf("got %s", got)
	}
	r = analyzeWith(t, path, "de", "Die Lieferung war wunderbar.")
	if got := themeSummary(r); got != "delivery:positive[Lieferung]" {
		t.Errorf("got %s", got)
	}
}

func TestTaxonomyErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"unknown key in a theme", "name: x\nversion: \"1\"\nthemes:\n  - name: delivery\n    term: {de: [a]}\n", `x.yaml:5:5: theme delivery: term: unknown key`},
		{"bad pattern", "name: x\nversion: \"1\"\nthemes:\n  - name: delivery\n    terms: {de: [\"*a*\"]}\n", `theme delivery: terms.de[0]: "*a*": a word can start or end with *, not both`},
		{"unknown language", "name: x\nversion: \"1\"\nthemes:\n  - name: delivery\n    terms: {fr: [livraison]}\n", `theme delivery: terms.fr: unknown key (known: de, en)`},
		{"child path in errors", "name: x\nversion: \"1\"\nthemes:\n  - name: service\n    themes:\n      - name: hotline\n        terms: {de: [\"ho*\"]}\n", `theme service/hotline: terms.de[0]: "ho*": a prefix needs at least 3 letters`},
		{"duplicate path", "name: x\nversion: \"1\"\nthemes:\n  - name: a\n    terms: {de: [b]}\n  - name: a\n    terms: {de: [c]}\n", `x.yaml:6:5: theme a: name: a theme with this path stands at line 4`},
		{"no terms", "name: x\nversion: \"1\"\nthemes:\n  - name: a\n", `theme a: terms: missing: a theme needs terms, rules or child themes`},
		{"rule with all and any", "name: x\nversion: \"1\"\nthemes:\n  - name: a\n    rules: {de: [{all: [b, c], any: [d]}]}\n", `theme a: rules.de[0]: give all or any, not both`},
		{"missing version", "name: x\nthemes:\n  - name: a\n    terms: {de: [b]}\n", `version: missing`},
		{"name with slash", "name: x\nversion: \"1\"\nthemes:\n  - name: a/b\n    terms: {de: [b]}\n", `a theme name has no slashes or spaces`},
		{"not yaml", "name: [x\n", `x.yaml: `},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := t.TempDir() + "/x.yaml"
			writeFile(t, path, tc.yaml)
			_, err := Build(loadYAML(t, "themes: "+path+"\n"))
			if err == nil {
				t.Fatal("no error")
			}
			var ce *configs.Error
			if !errors.As(err, &ce) {
				t.Errorf("error is %T, want *configs.Error", err)
			}
			if msg := strings.ReplaceAll(err.Error(), path, "x.yaml"); !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not contain %q", msg, tc.want)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Snowball strips "-ung" only from long words: the head of
// "Weichenstörung" stems differently from "Störung" alone.
func TestThemeHeadStemsLikeInACompound(t *testing.T) {
	path := t.TempDir() + "/h.yaml"
	writeFile(t, path, "name: h\nversion: \"1\"\nthemes:\n  - name: disruption\n    terms: {de: [störung, sperrung]}\n")
	for _, text := range []string{"Eine Weichenstörung in Köln.", "Wegen der Streckensperrung fällt der Zug aus.", "Eine Störung."} {
		if r := analyzeWith(t, path, "de", text); len(r.Themes) != 1 {
			t.Errorf("%q: themes %+v", text, r.Themes)
		}
	}
}
