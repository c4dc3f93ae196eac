package lexicons

import (
	"strings"
	"testing"
)

func TestPacks(t *testing.T) {
	if got := strings.Join(Packs(), ","); !strings.Contains(got, "rail") {
		t.Fatalf("packs = %q", got)
	}
	for _, lang := range Languages {
		layers, err := PackLayers("rail", lang)
		if err != nil || len(layers) == 0 {
			t.Fatalf("%s: %v, %d layers", lang, err, len(layers))
		}
		lx, err := Load(lang, layers...)
		if err != nil {
			t.Fatal(err)
		}
		base, _ := Builtin(lang)
		if lx.Version == base.Version {
			t.Errorf("%s: the pack changes nothing", lang)
		}
		if problems := Check(lx); len(problems) > 0 {
			for _, p := range problems {
				if p.Severity >= Warning {
					t.Errorf("%s: %s", lang, p)
				}
			}
		}
	}
	lx, _ := Load("de", must(PackLayers("rail", "de"))...)
	if e, ok := lx.Words["überfüllt"]; !ok || e.Weight >= 0 || !strings.Contains(e.Source, "domains/rail/de/polarity.tsv") {
		t.Errorf("überfüllt = %+v", e)
	}
	for _, bad := range []string{"bahn", "", "../de", "rail/de"} {
		if _, err := PackLayers(bad, "de"); err == nil || !strings.Contains(err.Error(), "packs: rail") {
			t.Errorf("PackLayers(%q): %v", bad, err)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
