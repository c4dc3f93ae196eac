package lexicons

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		// A domain pack and a user file that disagree.
		"pack.tsv": {Data: []byte("klimaanlage\t-1\nwlan\t-0.5\nzug\t0.5\n")},
		"user.tsv": {Data: []byte("klimaanlage\t1.5\nwlan\t-0.5\nzug\t1\n")},
		// A stem entry and an exact entry of opposite sign, two stem entries
		// that meet, a negator and a modifier that carry polarity.
		"pol.tsv": {Data: []byte("verspätung\t-1.5\tstem\nverspätungen\t1\nrasant\t1\tstem\nrasante\t2\tstem\nnicht\t-1\nflott\t1\n")},
		"neg.tsv": {Data: []byte("nicht\t-0.74\ngarnie\t-0.74\n")},
		"mod.tsv": {Data: []byte("garnie\t0.2\nrasant\t0.1\nflott\t0.1\n")},
		"phr.tsv": {Data: []byte("auf gleis\t0\n")},
	}
	lx, err := Load("de",
		Layer{FS: fsys, Path: "pack.tsv", Kind: Polarity},
		Layer{FS: fsys, Path: "user.tsv", Kind: Polarity},
		Layer{FS: fsys, Path: "pol.tsv", Kind: Polarity},
		Layer{FS: fsys, Path: "neg.tsv", Kind: Negator},
		Layer{FS: fsys, Path: "mod.tsv", Kind: Modifier},
		Layer{FS: fsys, Path: "phr.tsv", Kind: Phrase},
	)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Check(lx) {
		if strings.HasPrefix(p.Source, "lexicons/") || strings.HasPrefix(p.Other, "lexicons/") {
			continue // findings about built-in entries: TestBuiltinIsClean
		}
		got = append(got, p.String())
	}
	want := []string{
		`mod.tsv:2: warning: stem-function-word: modifier "rasant" falls under the stem entry "rasante" (2) (see pol.tsv:4)`,
		`neg.tsv:1: warning: negator-polarity: negator "nicht" is also a polarity word (-1) (see pol.tsv:5)`,
		`neg.tsv:2: warning: negator-modifier: negator "garnie" is also a modifier (0.2) (see mod.tsv:1)`,
		`pol.tsv:2: warning: exact-stem: exact "verspätungen" (1) and stem entry "verspätung" (-1.5) disagree in sign: inflections of "verspätungen" get -1.5 (see pol.tsv:1)`,
		`pol.tsv:4: warning: stem-collision: stem entries "rasante" (2) and "rasant" (1) meet at stem "rasant": the later one wins (see pol.tsv:3)`,
		`user.tsv:1: warning: conflict: polarity "klimaanlage" is 1.5 here but -1 earlier (see pack.tsv:1)`,
		`mod.tsv:3: info: modifier-polarity: modifier "flott" (0.1) is also a polarity word (1) (see pol.tsv:6)`,
		`phr.tsv:1: info: no-effect: phrase "auf gleis" has weight 0 but none of its words carries sentiment: it changes nothing`,
		`user.tsv:2: info: duplicate: polarity "wlan" (-0.5) is defined again with the same weight (see pack.tsv:2)`,
		`user.tsv:3: info: override: polarity "zug" overrides 0.5 with 1 (see pack.tsv:3)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// Warnings come before infos.
	seenInfo := false
	for _, p := range Check(lx) {
		if p.Severity == Info {
			seenInfo = true
		} else if seenInfo {
			t.Errorf("%s after an info", p)
		}
	}
}

func TestCheckRange(t *testing.T) {
	lx := &Lexicon{
		Lang:     "en",
		Words:    map[string]Entry{"great": {Term: "great", Weight: 7, Source: "hand:1"}},
		Contrast: map[string]Entry{"but": {Term: "but", Weight: 0.5, After: 3, Kind: Contrast, Source: "hand:2"}},
	}
	ps := Check(lx)
	if len(ps) != 2 || ps[0].Code != CodeRange || ps[0].Severity != Error || ps[1].Code != CodeRange {
		t.Fatalf("%v", ps)
	}
	if ps[0].String() != `hand:1: error: range: polarity "great": weight 7 out of range -4..4` {
		t.Errorf("%s", ps[0])
	}
}

func TestCheckAfterReplace(t *testing.T) {
	// Entries dropped by a Replace layer are not reported as overridden.
	fsys := fstest.MapFS{"neg.tsv": {Data: []byte("nicht\t-0.5\n")}}
	lx, err := Load("de", Layer{FS: fsys, Path: "neg.tsv", Kind: Negator, Mode: Replace})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Check(lx) {
		if p.Source == "neg.tsv:1" {
			t.Errorf("%s", p)
		}
	}
}
