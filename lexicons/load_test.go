package lexicons

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestBuiltin(t *testing.T) {
	// Lower bounds on the sizes, so that a generator bug that drops a
	// source shows up; the counts are logged for the record.
	minSizes := map[string]map[string]int{
		"en": {"words": 7000, "stems": 10, "phrase starts": 100, "negators": 60, "modifiers": 80, "contrast": 8, "emoji": 600},
		"de": {"words": 8000, "stems": 3000, "phrase starts": 150, "negators": 20, "modifiers": 60, "contrast": 10, "emoji": 600},
	}
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			lx, err := Builtin(lang)
			if err != nil {
				t.Fatal(err)
			}
			phrases := 0
			for _, ps := range lx.Phrases {
				phrases += len(ps)
			}
			sizes := map[string]int{
				"words": len(lx.Words), "stems": len(lx.Stems), "phrase starts": len(lx.Phrases),
				"negators": len(lx.Negators), "modifiers": len(lx.Modifiers), "contrast": len(lx.Contrast), "emoji": len(lx.Emoji),
			}
			t.Logf("%s: version %s, %d words, %d stems, %d phrases (%d first words), %d negators, %d modifiers, %d contrast, %d emoji and emoticons",
				lang, lx.Version, len(lx.Words), len(lx.Stems), phrases, len(lx.Phrases), len(lx.Negators), len(lx.Modifiers), len(lx.Contrast), len(lx.Emoji))
			for k, min := range minSizes[lang] {
				if sizes[k] < min {
					t.Errorf("%d %s, want at least %d", sizes[k], k, min)
				}
			}
			if lx.Lang != lang || len(lx.Version) != 12 {
				t.Errorf("Lang %q Version %q", lx.Lang, lx.Version)
			}
		})
	}
}

// word returns the polarity entry a scorer would use for a token: exact
// form first, then stem.
func word(lx *Lexicon, w string) (Entry, bool) {
	if e, ok := lx.Words[w]; ok {
		return e, true
	}
	e, ok := lx.Stems[StemWord(lx.Lang, w)]
	return e, ok
}

func TestBuiltinSpotChecks(t *testing.T) {
	type check func(lx *Lexicon) (string, bool)
	pol := func(w string, sign int) check {
		return func(lx *Lexicon) (string, bool) {
			e, ok := word(lx, w)
			return e.Source, ok && (sign > 0 && e.Weight > 0 || sign < 0 && e.Weight < 0 || sign == 0 && e.Weight == 0)
		}
	}
	absentOrNeutral := func(w string) check {
		return func(lx *Lexicon) (string, bool) {
			e, ok := word(lx, w)
			return e.Source, !ok || e.Weight == 0
		}
	}
	phrase := func(p string, sign int) check {
		return func(lx *Lexicon) (string, bool) {
			first, _, _ := strings.Cut(p, " ")
			for _, e := range lx.Phrases[first] {
				if e.Term == p {
					return e.Source, sign > 0 && e.Weight > 0 || sign < 0 && e.Weight < 0 || sign == 0 && e.Weight == 0
				}
			}
			return "", false
		}
	}
	negator := func(w string) check {
		return func(lx *Lexicon) (string, bool) {
			e, ok := lx.Negators[w]
			return e.Source, ok && e.Weight < 0
		}
	}
	modifier := func(w string, sign int) check {
		return func(lx *Lexicon) (string, bool) {
			e, ok := lx.Modifiers[w]
			return e.Source, ok && (sign > 0) == (e.Weight > 0)
		}
	}
	contrast := func(w string, before, after float64) check {
		return func(lx *Lexicon) (string, bool) {
			e, ok := lx.Contrast[w]
			return e.Source, ok && e.Weight == before && e.After == after
		}
	}
	emoji := func(s string, sign int) check {
		return func(lx *Lexicon) (string, bool) {
			e, ok := lx.EmojiEntry(s)
			return e.Source, ok && (sign > 0) == (e.Weight > 0) && e.Weight != 0
		}
	}
	tests := []struct {
		lang, name string
		ok         check
	}{
		{"en", "good > 0", pol("good", 1)},
		{"en", "late < 0", pol("late", -1)},
		{"en", "crashed < 0 (stem of crash)", pol("crashed", -1)},
		{"en", "delayed < 0", pol("delayed", -1)},
		{"en", "courteous > 0", pol("courteous", 1)},
		{"en", "lately not negative (late is exact)", absentOrNeutral("lately")},
		{"en", "help neutral", pol("help", 0)},
		{"en", "support neutral", pol("support", 0)},
		{"en", "helpful > 0", pol("helpful", 1)},
		{"en", "customer service phrase 0", phrase("customer service", 0)},
		{"en", "waste of money < 0", phrase("waste of money", -1)},
		{"en", "doesn’t work < 0 (typographic apostrophe)", phrase("doesn’t work", -1)},
		{"en", "doesnt work < 0 (no apostrophe)", phrase("doesnt work", -1)},
		{"en", "not is a negator", negator("not")},
		{"en", "don't is a negator", negator("don't")},
		{"en", "don’t is a negator", negator("don’t")},
		{"en", "dont is a negator", negator("dont")},
		{"en", "despite is not a negator", func(lx *Lexicon) (string, bool) { e := lx.Negators["despite"]; return e.Source, e.Weight == 0 }},
		{"en", "very boosts", modifier("very", 1)},
		{"en", "kind of dampens", modifier("kind of", -1)},
		{"en", "but 0.5/1.5", contrast("but", 0.5, 1.5)},
		{"en", "although 1.5/0.5", contrast("although", 1.5, 0.5)},
		{"en", "😡 < 0", emoji("😡", -1)},
		{"en", ":-) > 0", emoji(":-)", 1)},
		{"de", "verspätung < 0", pol("verspätung", -1)},
		{"de", "verspätungen < 0 (stem)", pol("verspätungen", -1)},
		{"de", "pünktlich > 0", pol("pünktlich", 1)},
		{"de", "pünktliche > 0", pol("pünktliche", 1)},
		{"de", "unpünktlich < 0", pol("unpünktlich", -1)},
		{"de", "freundlichen > 0", pol("freundlichen", 1)},
		{"de", "schön > 0", pol("schön", 1)},
		{"de", "schon neutral (schön stays exact)", absentOrNeutral("schon")},
		{"de", "schlechte < 0 (from the German Polarity Lexicon)", pol("schlechte", -1)},
		{"de", "gefahren neutral (not gefährlich)", absentOrNeutral("gefahren")},
		{"de", "preis neutral (not preisen)", absentOrNeutral("preis")},
		{"de", "endlich neutral (not endlichkeit)", absentOrNeutral("endlich")},
		{"de", "wagen neutral (AFINN-de: to dare)", absentOrNeutral("wagen")},
		{"de", "lässt zu wünschen übrig < 0", phrase("zu wünschen übrig", -1)},
		{"de", "mit freundlichen grüßen 0", phrase("mit freundlichen grüßen", 0)},
		{"de", "nicht is a negator", negator("nicht")},
		{"de", "keine is a negator", negator("keine")},
		{"de", "kaum negates", negator("kaum")},
		{"de", "selten so boosts", modifier("selten so", 1)},
		{"de", "sehr boosts", modifier("sehr", 1)},
		{"de", "aber 0.5/1.5", contrast("aber", 0.5, 1.5)},
		{"de", "obwohl 1.5/0.5", contrast("obwohl", 1.5, 0.5)},
		{"de", "😡 < 0", emoji("😡", -1)},
		{"de", "❤️ > 0 (variation selector)", emoji("❤️", 1)},
		{"de", "👍🏽 > 0 (skin tone)", emoji("👍🏽", 1)},
		{"de", ":-) > 0", emoji(":-)", 1)},
		{"de", ":-))) > 0 (repeated)", emoji(":-)))", 1)},
		{"de", ":’( < 0 (typographic apostrophe)", emoji(":’(", -1)},
	}
	lexica := map[string]*Lexicon{}
	for _, lang := range Languages {
		lx, err := Builtin(lang)
		if err != nil {
			t.Fatal(err)
		}
		lexica[lang] = lx
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			if src, ok := tt.ok(lexica[tt.lang]); !ok {
				t.Errorf("failed (entry from %q)", src)
			}
		})
	}
}

func TestBuiltinIsClean(t *testing.T) {
	for _, lang := range Languages {
		lx, err := Builtin(lang)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range Check(lx) {
			if p.Severity >= Warning {
				t.Errorf("%s", p)
			}
			n++
		}
		t.Logf("%s: %d info-level findings", lang, n)
	}
}

func TestPhrasesLongestFirst(t *testing.T) {
	lx, err := Builtin("en")
	if err != nil {
		t.Fatal(err)
	}
	for first, ps := range lx.Phrases {
		for i := 1; i < len(ps); i++ {
			if strings.Count(ps[i-1].Term, " ") < strings.Count(ps[i].Term, " ") {
				t.Errorf("%s: %q before %q", first, ps[i-1].Term, ps[i].Term)
			}
		}
		for _, p := range ps {
			if !strings.HasPrefix(p.Term, first+" ") {
				t.Errorf("phrase %q under %q", p.Term, first)
			}
		}
	}
	if ps := lx.Phrases["kept"]; len(ps) == 0 || ps[0].Term != "kept me on hold" {
		t.Errorf("kept: %v", ps)
	}
}

func TestLayers(t *testing.T) {
	fsys := fstest.MapFS{
		"cx.tsv":                     {Data: []byte("# domain pack\nverspätung\t-3\tstem\nklimaanlage\t0\n")},
		"user.tsv":                   {Data: []byte("verspätung\t0\tstem\nschön\t0\n")},
		"neg.tsv":                    {Data: []byte("nicht\t-0.9\nnie\t-0.5\n")},
		"contrast.tsv":               {Data: []byte("aber\t1\t1\n")},
		"emoji.tsv":                  {Data: []byte("😡\t-4\n")},
		"bad.tsv":                    {Data: []byte("gut\t1.9\nmies\t-9\n")},
		"en.tsv":                     {Data: []byte("late\t0\n")},
		"phrases.tsv":                {Data: []byte("total verspätet\t-3.5\n")},
		"sentiws/" + SentiWSPositive: {Data: []byte("Wunderbar|ADJX\t0.7\twunderbare\n")},
		"sentiws/" + SentiWSNegative: {Data: []byte("Mies|ADJX\t-0.9\tmiese\n")},
	}
	base, err := Builtin("de")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		layers []Layer
		check  func(t *testing.T, lx *Lexicon)
	}{
		{"merge overrides by term and match", []Layer{{FS: fsys, Path: "cx.tsv", Kind: Polarity}}, func(t *testing.T, lx *Lexicon) {
			if e := lx.Stems[StemWord("de", "verspätung")]; e.Weight != -3 || e.Source != "cx.tsv:2" {
				t.Errorf("verspätung %+v", e)
			}
			if e, ok := lx.Words["klimaanlage"]; !ok || e.Weight != 0 {
				t.Errorf("klimaanlage %+v %v", e, ok)
			}
			if e := lx.Words["schön"]; e.Weight <= 0 {
				t.Errorf("schön %+v: built-in entry lost", e)
			}
			if len(lx.Negators) != len(base.Negators) {
				t.Errorf("negators changed")
			}
		}},
		{"later layer wins; weight 0 neutralizes and stays", []Layer{
			{FS: fsys, Path: "cx.tsv", Kind: Polarity},
			{FS: fsys, Path: "user.tsv", Kind: Polarity, Name: "~/.stimmung/de.tsv"},
		}, func(t *testing.T, lx *Lexicon) {
			e, ok := lx.Stems[StemWord("de", "verspätung")]
			if !ok || e.Weight != 0 || e.Source != "~/.stimmung/de.tsv:1" {
				t.Errorf("verspätung %+v %v", e, ok)
			}
			if e, ok := lx.Words["schön"]; !ok || e.Weight != 0 {
				t.Errorf("schön %+v %v", e, ok)
			}
		}},
		{"replace drops the kind, keeps the others", []Layer{{FS: fsys, Path: "neg.tsv", Kind: Negator, Mode: Replace}}, func(t *testing.T, lx *Lexicon) {
			if len(lx.Negators) != 2 || lx.Negators["nicht"].Weight != -0.9 {
				t.Errorf("negators %v", lx.Negators)
			}
			if _, ok := lx.Negators["kein"]; ok {
				t.Errorf("kein survived replace")
			}
			if len(lx.Words) != len(base.Words) || len(lx.Modifiers) != len(base.Modifiers) {
				t.Errorf("other kinds changed")
			}
		}},
		{"replace polarity drops exact and stem entries", []Layer{{FS: fsys, Path: "user.tsv", Kind: Polarity, Mode: Replace}}, func(t *testing.T, lx *Lexicon) {
			if len(lx.Words) != 1 || len(lx.Stems) != 1 {
				t.Errorf("%d words, %d stems", len(lx.Words), len(lx.Stems))
			}
		}},
		{"contrast, emoji and phrase layers", []Layer{
			{FS: fsys, Path: "contrast.tsv", Kind: Contrast},
			{FS: fsys, Path: "emoji.tsv", Kind: Emoji},
			{FS: fsys, Path: "phrases.tsv", Kind: Phrase},
		}, func(t *testing.T, lx *Lexicon) {
			if e := lx.Contrast["aber"]; e.Weight != 1 || e.After != 1 {
				t.Errorf("aber %+v", e)
			}
			if e, _ := lx.EmojiEntry("😡"); e.Weight != -4 {
				t.Errorf("😡 %+v", e)
			}
			if ps := lx.Phrases["total"]; len(ps) == 0 || ps[0].Term != "total verspätet" {
				t.Errorf("total %v", ps)
			}
		}},
		{"a layer for another language is skipped", []Layer{{FS: fsys, Path: "en.tsv", Kind: Polarity, Lang: "en"}}, func(t *testing.T, lx *Lexicon) {
			if lx.Version != base.Version {
				t.Errorf("version changed: %s", lx.Version)
			}
		}},
		{"SentiWS layer", []Layer{{FS: fsys, Path: "sentiws", Kind: Polarity, Format: SentiWS}}, func(t *testing.T, lx *Lexicon) {
			if e := lx.Words["miese"]; e.Weight != -2.7 || e.Source != SentiWSNegative+":1" {
				t.Errorf("miese %+v", e)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx, err := Load("de", tt.layers...)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, lx)
		})
	}

	errTests := []struct {
		name   string
		lang   string
		layers []Layer
		want   string
	}{
		{"parse error names file and line", "de", []Layer{{FS: fsys, Path: "bad.tsv", Kind: Polarity}}, "bad.tsv:2: weight -9 out of range -4..4 for polarity entries"},
		{"missing file", "de", []Layer{{FS: fsys, Path: "nope.tsv", Kind: Polarity}}, "nope.tsv: open nope.tsv: file does not exist"},
		{"unknown mode", "de", []Layer{{FS: fsys, Path: "cx.tsv", Kind: Polarity, Mode: "append"}}, `lexicons: layer cx.tsv: unknown mode "append": want merge or replace`},
		{"unknown format", "de", []Layer{{FS: fsys, Path: "cx.tsv", Kind: Polarity, Format: "csv"}}, `lexicons: layer cx.tsv: unknown format "csv": want tsv or sentiws`},
		{"SentiWS as negators", "de", []Layer{{FS: fsys, Path: "sentiws", Kind: Negator, Format: SentiWS}}, "lexicons: layer sentiws: a SentiWS layer holds polarity words, not negator entries"},
		{"unknown layer language", "de", []Layer{{FS: fsys, Path: "cx.tsv", Kind: Polarity, Lang: "fr"}}, `lexicons: layer 1 (cx.tsv): unknown language "fr": want de, en or empty`},
		{"unknown language", "fr", nil, `lexicons: unknown language "fr": want de or en`},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.lang, tt.layers...)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
	t.Run("os file", func(t *testing.T) {
		_, err := Load("de", Layer{Path: "testdata/layers/does-not-exist.tsv", Kind: Polarity})
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("got %v", err)
		}
		lx, err := Load("de", Layer{Path: "testdata/layers/cx_de.tsv", Kind: Polarity})
		if err != nil {
			t.Fatal(err)
		}
		if e := lx.Words["klimaanlage"]; e.Source != "testdata/layers/cx_de.tsv:4" {
			t.Errorf("klimaanlage %+v", e)
		}
	})
}

func TestVersion(t *testing.T) {
	a, err := Builtin("de")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Builtin("de")
	if err != nil {
		t.Fatal(err)
	}
	if a.Version != b.Version {
		t.Errorf("versions differ: %s %s", a.Version, b.Version)
	}
	en, _ := Builtin("en")
	if en.Version == a.Version {
		t.Errorf("de and en share version %s", a.Version)
	}
	fsys := fstest.MapFS{
		"a.tsv": {Data: []byte("klimaanlage\t-1\n")},
		"b.tsv": {Data: []byte("# moved\n\nklimaanlage\t-1\n")},
		"c.tsv": {Data: []byte("klimaanlage\t-1.1\n")},
	}
	va, _ := Load("de", Layer{FS: fsys, Path: "a.tsv", Kind: Polarity})
	vb, _ := Load("de", Layer{FS: fsys, Path: "b.tsv", Kind: Polarity})
	vc, _ := Load("de", Layer{FS: fsys, Path: "c.tsv", Kind: Polarity})
	if va.Version == a.Version || va.Version != vb.Version || va.Version == vc.Version {
		t.Errorf("versions: builtin %s, a %s, b (same entries, other lines) %s, c (other weight) %s", a.Version, va.Version, vb.Version, vc.Version)
	}
}

func TestEmojiKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"❤️", "❤"}, {"👍🏽", "👍"}, {":-D", ":-d"}, {"XD", "xd"}, {"😡", "😡"}, {"🤦🏻‍♀️", "🤦\u200d♀"},
	}
	for _, tt := range tests {
		if got := EmojiKey(tt.in); got != tt.want {
			t.Errorf("EmojiKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	lx := &Lexicon{Emoji: map[string]Entry{"🤦": {Term: "🤦", Weight: -2}, ":-)": {Term: ":-)", Weight: 2}, ":-))": {Term: ":-))", Weight: 3}}}
	for _, tt := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"🤦🏻‍♀️", -2, true}, {":-)", 2, true}, {":-))", 3, true}, {":-))))))", 3, true}, {":-(", 0, false}, {"", 0, false}, {"))", 0, false},
	} {
		e, ok := lx.EmojiEntry(tt.in)
		if ok != tt.ok || e.Weight != tt.want {
			t.Errorf("EmojiEntry(%q) = %v %v", tt.in, e, ok)
		}
	}
}

func BenchmarkBuiltin(b *testing.B) {
	for _, lang := range Languages {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			entries := 0
			for b.Loop() {
				lx, err := Builtin(lang)
				if err != nil {
					b.Fatal(err)
				}
				entries = len(lx.records)
			}
			b.ReportMetric(float64(entries), "entries")
		})
	}
}
