package lexicons

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseLists(t *testing.T) {
	es, err := Parse(strings.NewReader("# comment\npost_negator\tnicht\nnot_negated\tzum glück\t# a phrase\n"), "w.tsv", List)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].List != "post_negator" || es[0].Term != "nicht" || es[1].Term != "zum glück" || es[1].Source != "w.tsv:3" {
		t.Fatalf("entries %+v", es)
	}
	bad := []struct{ name, in, want string }{
		{"no term", "post_negator\n", "w.tsv:1: \"post_negator\": missing term column"},
		{"bad name", "Post-Negator\tnicht\n", "w.tsv:1: list name \"Post-Negator\""},
		{"upper case term", "post_negator\tNicht\n", "w.tsv:1: term \"Nicht\" is not lower case"},
		{"three columns", "post_negator\tnicht\t1\n", "w.tsv:1: \"post_negator\": too many columns"},
		{"duplicate", "a\tx\nb\tx\na\tx\n", "w.tsv:3: duplicate entry \"x\" in list a: first at line 1"},
		{"double space", "a\tzum  glück\n", "w.tsv:1: term \"zum  glück\": separate words by single spaces"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), "w.tsv", List)
			var pe *ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want %q…", err, tc.want)
			}
		})
	}
}

func TestBuiltinLists(t *testing.T) {
	de, err := Builtin("de")
	if err != nil {
		t.Fatal(err)
	}
	en, err := Builtin("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lx         *Lexicon
		list, term string
		want       bool
	}{
		{de, ListPostNegator, "nicht", true},
		{de, ListNotNegated, "zum glück", true},
		{de, ListSubordinator, "weil", true},
		{de, ListSubordinator, "because", false},
		{en, ListSubordinator, "because", true},
		{en, ListOrWord, "nor", true},
		{en, ListPostNegator, "not", false},
		{de, "no_such_list", "nicht", false},
	} {
		if got := c.lx.InList(c.list, c.term); got != c.want {
			t.Errorf("%s InList(%s, %q) = %v", c.lx.Lang, c.list, c.term, got)
		}
	}
	if e := de.List(ListPostNegator)["nie"]; !strings.HasPrefix(e.Source, "lexicons/de/wordlists.tsv:") {
		t.Errorf("source %q", e.Source)
	}
}

// A merge layer adds words to a list; a replace layer replaces only the
// lists it names.
func TestListLayers(t *testing.T) {
	fsys := fstest.MapFS{
		"add.tsv":     {Data: []byte("post_negator\tnimmer\nirony_interjection\ttoll\n")},
		"replace.tsv": {Data: []byte("subordinator\tsofern\n")},
	}
	lx, err := Load("de",
		Layer{Path: "add.tsv", FS: fsys, Kind: List},
		Layer{Path: "replace.tsv", FS: fsys, Kind: List, Mode: Replace})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		list, term string
		want       bool
	}{
		{ListPostNegator, "nimmer", true},
		{ListPostNegator, "nicht", true},
		{"irony_interjection", "toll", true},
		{ListSubordinator, "sofern", true},
		{ListSubordinator, "weil", false},
	} {
		if got := lx.InList(c.list, c.term); got != c.want {
			t.Errorf("InList(%s, %q) = %v", c.list, c.term, got)
		}
	}
	base, _ := Builtin("de")
	if lx.Version == base.Version {
		t.Errorf("version did not change with the lists")
	}
}

func TestParseSeparable(t *testing.T) {
	es, err := Parse(strings.NewReader("abstürzen\t-2.5\nausfallen\t-1.8\tfällt, fiel,fielen\n"), "s.tsv", Separable)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[1].Forms != "fällt,fiel,fielen" || es[0].Weight != -2.5 {
		t.Fatalf("entries %+v", es)
	}
	for _, tc := range []struct{ in, want string }{
		{"ab stürzen\t-2\n", "s.tsv:1: separable verb \"ab stürzen\" has several words"},
		{"abstürzen\t-5\n", "s.tsv:1: weight -5 out of range"},
		{"ausfallen\t-1\tfiel fielen\n", "s.tsv:1: forms \"fiel fielen\": separate forms by commas"},
		{"ausfallen\t-1\tFiel\n", "s.tsv:1: form \"Fiel\" is not lower case"},
		{"ausfallen\t-1\tfiel\textra\n", "s.tsv:1: \"ausfallen\": too many columns"},
	} {
		if _, err := Parse(strings.NewReader(tc.in), "s.tsv", Separable); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q…", tc.in, err, tc.want)
		}
	}
}

// One entry meets every form of its verb; the stemmer alone would not
// (abstürzen → absturz, abstürzt → absturzt, abgestürzt → abgesturzt).
func TestSeparableForms(t *testing.T) {
	lx, err := Builtin("de")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"abstürzen", "abstürzt", "abstürzte", "abgestürzt", "abzustürzen"} {
		if e, ok := lx.SeparableForm(w); !ok || e.Term != "abstürzen" {
			t.Errorf("SeparableForm(%q) = %+v, %v", w, e, ok)
		}
	}
	for _, c := range []struct{ particle, finite, want string }{
		{"ab", "stürzt", "abstürzen"},
		{"aus", "fiel", "ausfallen"},
		{"zu", "hörte", "zuhören"},
		{"zurück", "rief", "zurückrufen"},
		{"weiter", "leitete", "weiterleiten"},
		{"ab", "wimmelte", "abwimmeln"},
		{"ab", "gestürzt", ""}, // a participle is never split
		{"an", "stürzt", ""},   // the wrong particle
	} {
		e, ok := lx.SeparableVerb(c.particle, c.finite)
		if ok != (c.want != "") || e.Term != c.want {
			t.Errorf("SeparableVerb(%q, %q) = %q, %v; want %q", c.particle, c.finite, e.Term, ok, c.want)
		}
	}
	if e, _ := lx.SeparableForm("abstürzt"); !strings.HasPrefix(e.Source, "lexicons/de/separable.tsv:") {
		t.Errorf("source %q", e.Source)
	}
}

// A verb must start with a listed particle; the error names its line.
func TestSeparableNeedsParticle(t *testing.T) {
	fsys := fstest.MapFS{"verbs.tsv": {Data: []byte("# mine\nvertrösten\t-2\n")}}
	_, err := Load("de", Layer{Path: "verbs.tsv", FS: fsys, Kind: Separable})
	if err == nil || !strings.HasPrefix(err.Error(), "verbs.tsv:2: separable verb \"vertrösten\" does not start with a particle") {
		t.Errorf("error %v", err)
	}
}
