package langdetect

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"clear German", "Leider ist das Gerät nach einer Woche kaputt gegangen und der Support meldet sich nicht.", "de"},
		{"clear English", "The battery died after two days and support never answered my emails.", "en"},
		{"short ok", "ok", ""},
		{"short okay with punctuation", "Okay!!", ""},
		{"Danke", "Danke!", "de"},
		{"Thanks", "Thanks!", "en"},
		{"umlaut-less German", "das ding taugt nichts", "de"},
		{"umlaut-less German 2", "Ich finde es gut", "de"},
		{"umlauts as ue/ae", "Fuer den Preis ist die Qualitaet ueberraschend gut", "de"},
		{"single umlaut word", "Schön!", "de"},
		{"German shouting", "NIE WIEDER, TOTALER SCHROTT", "de"},
		{"German review keywords", "Top Produkt, schnelle Lieferung", "de"},
		{"English review keywords", "Great product, fast shipping", "en"},
		{"German with English loanwords", "Das Update ist echt nice, aber der Akku hält nicht lange", "de"},
		{"English with German name", "I love my new Volkswagen, it drives great", "en"},
		{"English title inside German", "Die neue Single All That I Got erscheint am Freitag", "de"},
		{"English Title Case review", "This Is The Best Phone Ever", "en"},
		{"English contractions", "I don't think it's worth it", "en"},
		{"typographic apostrophes", "It’s not what I’d expected", "en"},
		{"German tweet noise", "RT @kundenservice: Wir sind heute für euch da! #support https://t.co/abc123 😀", "de"},
		{"English tweet noise", "RT @someone: the service was great #happy http://t.co/x 👍", "en"},
		{"HTML entities", "Fish &amp; chips were cold and the staff was rude", "en"},
		{"URL only", "https://example.com/produkt/12345?ref=abc", ""},
		{"www only", "www.example.de", ""},
		{"emoji only", "😀😀👍🔥", ""},
		{"mentions only", "@anna @bernd @carla", ""},
		{"e-mail only", "kontakt@example.de", ""},
		{"numbers only", "12345 678,90 €", ""},
		{"empty", "", ""},
		{"whitespace", " \t\n ", ""},
		{"non-Latin script", "これはとても良い製品です", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := Detect(tt.text)
			if got != tt.want {
				t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
			}
			if conf < 0 || conf > 1 {
				t.Errorf("confidence %v out of [0,1]", conf)
			}
			if got == "" && conf != 0 {
				t.Errorf("confidence %v for an undecided text, want 0", conf)
			}
		})
	}
}

func TestDetectLanguageConfidenceGrowsWithEvidence(t *testing.T) {
	_, weak := Detect("Danke")
	_, strong := Detect("Vielen Dank, das hat mir wirklich sehr geholfen und ich bin total zufrieden.")
	if !(weak < strong) {
		t.Errorf("confidence: one word %.3f, full sentence %.3f; want the sentence higher", weak, strong)
	}
}

func TestDetectLanguageLongWordsAndOddInput(t *testing.T) {
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaft", 5)
	if got, _ := Detect("Das ist die " + long + " und sie ist nicht pünktlich"); got != "de" {
		t.Errorf("long word: got %q, want de", got)
	}
	// Invalid UTF-8 and lone marks must not panic.
	for _, s := range []string{"\xff\xfe", "'", "’", "&", "&amp", "don'", "'s", "#", "@", "RT"} {
		Detect(s)
	}
}

func TestDetectLanguageNoAllocs(t *testing.T) {
	Detect(benchDE)
	for _, s := range []string{benchDE, benchEN} {
		if n := testing.AllocsPerRun(100, func() { Detect(s) }); n != 0 {
			t.Errorf("Detect allocates %.0f times per call, want 0", n)
		}
	}
}

// Run with -race: the tables are built lazily on first use.
func TestDetectLanguageConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text, want := benchDE, "de"
			if i%2 == 1 {
				text, want = benchEN, "en"
			}
			for range 200 {
				if got, _ := Detect(text); got != want {
					t.Errorf("got %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadLangModelRejectsBadData(t *testing.T) {
	good := "_ab\t3\t1\nab_\t1\t3\n"
	tests := []struct {
		name         string
		words, trigr string
	}{
		{"unknown language", "der\tfr\t3\n", good},
		{"bad weight", "der\tde\tx\n", good},
		{"missing column", "der\tde\n", good},
		{"bad trigram", "der\tde\t3\n", "abcd\t1\t1\n"},
		{"bad count", "der\tde\t3\n", "_ab\t-1\t1\n"},
		{"one language empty", "der\tde\t3\n", "_ab\t3\t0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"words.tsv":    {Data: []byte(tt.words)},
				"trigrams.tsv": {Data: []byte(tt.trigr)},
			}
			if _, err := loadModel(fsys); err == nil {
				t.Error("loadLangModel accepted bad data")
			}
		})
	}
	fsys := fstest.MapFS{
		"words.tsv":    {Data: []byte("# comment\n\nder\tde\t3\nthe\ten\t3\n")},
		"trigrams.tsv": {Data: []byte("# comment\n" + good)},
	}
	if _, err := loadModel(fsys); err != nil {
		t.Errorf("loadLangModel(valid) = %v", err)
	}
}

const (
	benchDE = "Leider ist das Gerät nach zwei Wochen kaputt gegangen, der Kundenservice hat sich nicht gemeldet und ich warte immer noch auf mein Geld. Nie wieder!"
	benchEN = "Unfortunately the device broke after two weeks, customer service never got back to me and I am still waiting for my refund. Never again, avoid this!"
)

func BenchmarkDetectLanguage(b *testing.B) {
	for _, bc := range []struct{ name, text string }{{"de", benchDE}, {"en", benchEN}} {
		b.Run(bc.name, func(b *testing.B) {
			Detect(bc.text) // build the tables outside the timed loop
			b.ReportAllocs()
			for b.Loop() {
				Detect(bc.text)
			}
		})
	}
}
