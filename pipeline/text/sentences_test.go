package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/models"
)

type sentenceCase struct {
	name string
	lang string
	in   string
	want []string
}

// sentenceCases also seed FuzzTokenize and FuzzSplitSentences.
var sentenceCases = []sentenceCase{
	// Terminators.
	{"de full stop and exclamation", "de", "Der Zug war spät. Das WLAN ging nicht!", []string{"Der Zug war spät.", "Das WLAN ging nicht!"}},
	{"en question", "en", "Why was it late? Nobody knows.", []string{"Why was it late?", "Nobody knows."}},
	{"runs of terminators", "de", "Was?! Nein!!! Echt??? Ok.", []string{"Was?!", "Nein!!!", "Echt???", "Ok."}},
	{"ellipsis before capital", "de", "Ich weiß nicht... Vielleicht morgen.", []string{"Ich weiß nicht...", "Vielleicht morgen."}},
	{"ellipsis inside sentence", "de", "Naja... war ok. Hmm… Der Zug kam.", []string{"Naja... war ok.", "Hmm…", "Der Zug kam."}},
	{"ellipsis before comma", "en", "Well..., it was ok", []string{"Well..., it was ok"}},
	{"exclamation then lower case after space", "de", "Warum? weil der Zug ausfiel", []string{"Warum?", "weil der Zug ausfiel"}},
	{"exclamation then comma", "de", "Hallo!, sagte er.", []string{"Hallo!, sagte er."}},
	{"no terminator", "de", "kein Punkt am Ende", []string{"kein Punkt am Ende"}},
	{"missing space after full stop", "de", "Super Service.Danke!", []string{"Super Service.", "Danke!"}},
	{"en I at sentence end", "en", "So did I. Then we left.", []string{"So did I.", "Then we left."}},
	{"fullwidth terminators", "", "好！很好。", []string{"好！", "很好。"}},

	// Lines.
	{"newline ends sentence", "de", "Erste Zeile\nzweite Zeile", []string{"Erste Zeile", "zweite Zeile"}},
	{"blank line", "en", "First part\n\nSecond part.", []string{"First part", "Second part."}},
	{"crlf", "de", "Eins.\r\nZwei", []string{"Eins.", "Zwei"}},
	{"line separator", "en", "one\u2028two", []string{"one", "two"}},
	{"newline after abbreviation", "de", "Äpfel usw.\nBirnen", []string{"Äpfel usw.", "Birnen"}},
	{"newline after ordinal", "de", "am 3.\nMai", []string{"am 3.", "Mai"}},

	// German abbreviations.
	{"de z.B.", "de", "Ich fahre z.B. nach Köln. Dann weiter.", []string{"Ich fahre z.B. nach Köln.", "Dann weiter."}},
	{"de z. B. spaced before capital", "de", "Ein Ort, z. B. Köln, war gut.", []string{"Ein Ort, z. B. Köln, war gut."}},
	{"de bzw.", "de", "Der Zug bzw. Der Bus kam nicht.", []string{"Der Zug bzw. Der Bus kam nicht."}},
	{"de Nr.", "de", "Wagen Nr. 5 war voll.", []string{"Wagen Nr. 5 war voll."}},
	{"de ca.", "de", "Ca. 20 Min. Verspätung.", []string{"Ca. 20 Min. Verspätung."}},
	{"de d.h. u.a.", "de", "Also d.h. Die Bahn u.a. Der ICE war spät.", []string{"Also d.h. Die Bahn u.a. Der ICE war spät."}},
	{"de evtl. ggf. inkl.", "de", "Evtl. Ersatz, ggf. Gutschein inkl. Sitzplatz.", []string{"Evtl. Ersatz, ggf. Gutschein inkl. Sitzplatz."}},
	{"de max. min.", "de", "Max. 5 Leute, min. Zehn Minuten.", []string{"Max. 5 Leute, min. Zehn Minuten."}},
	{"de Std. Tel.", "de", "Nach 3 Std. Wartezeit, Tel. 0800 123.", []string{"Nach 3 Std. Wartezeit, Tel. 0800 123."}},
	{"de Hr. Fr. Dr.", "de", "Hr. Müller und Fr. Schmidt und Dr. Meier halfen.", []string{"Hr. Müller und Fr. Schmidt und Dr. Meier halfen."}},
	{"de usw. continues", "de", "Äpfel, Birnen usw. sind teuer.", []string{"Äpfel, Birnen usw. sind teuer."}},
	{"de usw. before sentence opener", "de", "Äpfel, Birnen usw. Die Bahn ist teuer.", []string{"Äpfel, Birnen usw.", "Die Bahn ist teuer."}},
	{"de etc. before noun", "de", "Brot etc. Kaffee gab es nicht.", []string{"Brot etc. Kaffee gab es nicht."}},
	{"de abbreviation not in english list", "en", "We reached Köln Hbf. The train was late.", []string{"We reached Köln Hbf.", "The train was late."}},
	{"de abbreviation in german list", "de", "In Köln Hbf. Gleis 5 war gesperrt.", []string{"In Köln Hbf. Gleis 5 war gesperrt."}},
	{"de abbreviation with both lists", "", "In Köln Hbf. Gleis 5 war gesperrt.", []string{"In Köln Hbf. Gleis 5 war gesperrt."}},

	// German ordinals and dates.
	{"de ordinal before month", "de", "Ich fahre am 3. Mai nach Berlin.", []string{"Ich fahre am 3. Mai nach Berlin."}},
	{"de ordinal bis zum", "de", "Gilt bis zum 24. Dezember. Danach nicht.", []string{"Gilt bis zum 24. Dezember.", "Danach nicht."}},
	{"de ordinal after determiner", "de", "Der 2. Versuch klappte.", []string{"Der 2. Versuch klappte."}},
	{"de ordinal 1. Klasse", "de", "Wir saßen in der 1. Klasse. 1. Klasse lohnt sich.", []string{"Wir saßen in der 1. Klasse.", "1. Klasse lohnt sich."}},
	{"de enumeration", "de", "1. Das Essen war kalt. 2. Der Service war schlecht.", []string{"1. Das Essen war kalt.", "2. Der Service war schlecht."}},
	{"de date with trailing dot", "de", "Am 24.12. war alles voll.", []string{"Am 24.12. war alles voll."}},
	{"de number ends sentence", "de", "Ich war 30. Dann kam der Zug.", []string{"Ich war 30.", "Dann kam der Zug."}},
	{"de year ends sentence", "de", "Seit 2019. Danach nie wieder.", []string{"Seit 2019.", "Danach nie wieder."}},
	{"de platform number ends sentence", "de", "Er kam auf Gleis 5. Der Zug war voll.", []string{"Er kam auf Gleis 5.", "Der Zug war voll."}},

	// English abbreviations.
	{"en e.g. i.e.", "en", "Some trains, e.g. The ICE, i.e. The fast ones, were late.", []string{"Some trains, e.g. The ICE, i.e. The fast ones, were late."}},
	{"en titles", "en", "Mr. Smith and Mrs. Jones met Dr. Who.", []string{"Mr. Smith and Mrs. Jones met Dr. Who."}},
	{"en vs.", "en", "Bayern vs. Dortmund was fun.", []string{"Bayern vs. Dortmund was fun."}},
	{"en etc. continues", "en", "Apples, pears etc. were sold out.", []string{"Apples, pears etc. were sold out."}},
	{"en etc. before sentence opener", "en", "Apples, pears etc. The train was late.", []string{"Apples, pears etc.", "The train was late."}},
	{"en U.S. inside", "en", "The U.S. Trains are slow.", []string{"The U.S. Trains are slow."}},
	{"en U.S. at end", "en", "I live in the U.S. It is big.", []string{"I live in the U.S.", "It is big."}},
	{"en p.m. at end", "en", "We arrived at 5 p.m. It was fine.", []string{"We arrived at 5 p.m.", "It was fine."}},
	{"en No. before number", "en", "Seat No. 5 was taken. I said no. Then I left.", []string{"Seat No. 5 was taken.", "I said no.", "Then I left."}},
	{"fuzz: other language's number abbreviation before alphanumeric", "en", "Art. 0A", []string{"Art. 0A"}},
	{"en initials", "en", "J. R. R. Tolkien wrote it.", []string{"J. R. R. Tolkien wrote it."}},

	// Numbers, URLs, e-mails.
	{"decimal and time", "de", "Es kostet 3.50 Euro. Abfahrt 12:30 Uhr.", []string{"Es kostet 3.50 Euro.", "Abfahrt 12:30 Uhr."}},
	{"german money", "de", "Es kostet 1.000,50 Euro. Zu teuer.", []string{"Es kostet 1.000,50 Euro.", "Zu teuer."}},
	{"url with dots", "en", "See https://bahn.de/a.b?c=d. Thanks.", []string{"See https://bahn.de/a.b?c=d.", "Thanks."}},
	{"url www", "de", "Auf www.bahn.de. Dann buchen.", []string{"Auf www.bahn.de.", "Dann buchen."}},
	{"bare domain", "de", "Buchung über bahn.de. Klappt nie.", []string{"Buchung über bahn.de.", "Klappt nie."}},
	{"email", "de", "Mail an kundenservice@bahn.de. Keine Antwort.", []string{"Mail an kundenservice@bahn.de.", "Keine Antwort."}},

	// Emoticons, emoji, quotes and brackets after the terminator.
	{"emoticon after terminator", "de", "Super Service! :-) Danke euch.", []string{"Super Service! :-)", "Danke euch."}},
	{"emoticon before full stop", "de", "Das war toll :-). Danke", []string{"Das war toll :-).", "Danke"}},
	{"emoticon at end", "en", "Great service :-)", []string{"Great service :-)"}},
	{"emoji after terminator", "de", "Toll!!! 😍😍 Weiter so", []string{"Toll!!! 😍😍", "Weiter so"}},
	{"emoji without terminator", "de", "Super Service 😍 Leider zu spät", []string{"Super Service 😍 Leider zu spät"}},
	{"german closing quote", "de", "Er sagte: „Das geht nicht!“ Dann ging er.", []string{"Er sagte: „Das geht nicht!“", "Dann ging er."}},
	{"closing quote then lower case", "de", "„Hallo!“ sagte er.", []string{"„Hallo!“ sagte er."}},
	{"english quotes", "en", "He said \"great.\" Then he left.", []string{"He said \"great.\"", "Then he left."}},
	{"bracket", "de", "(Das war schlecht.) Danach ging es.", []string{"(Das war schlecht.)", "Danach ging es."}},

	// Whitespace and empty input.
	{"empty", "de", "", nil},
	{"whitespace only", "en", " \t\n\n \u00a0", nil},
	{"invisible only", "en", "\u200b\ufe0f", nil},
	{"leading and trailing whitespace", "de", "  \n Hallo.  Tschüss!  \n ", []string{"Hallo.", "Tschüss!"}},
	{"punctuation only", "de", "!!!", []string{"!!!"}},
	{"unknown language uses both lists", "fr", "Apples usw. sind da", []string{"Apples usw. sind da"}},
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range sentenceCases {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitSentences(tc.in, tc.lang, nil)
			checkSentences(t, tc.in, got)
			var texts []string
			for _, sen := range got {
				if sen.FirstToken != 0 || sen.EndToken != 0 {
					t.Errorf("sentence %+v has token indexes set", sen)
				}
				texts = append(texts, tc.in[sen.Start:sen.End])
			}
			if fmt.Sprintf("%q", texts) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("SplitSentences(%q, %q)\n got %q\nwant %q", tc.in, tc.lang, texts, tc.want)
			}
		})
	}
}

func TestSplitSentencesAppends(t *testing.T) {
	dst := []models.Sentence{{Start: 7, End: 9}}
	got := SplitSentences("Yes. No.", "en", dst)
	if len(got) != 3 || got[0].Start != 7 {
		t.Fatalf("SplitSentences did not append: %+v", got)
	}
}

// TestSentencesThenTokens runs the pipeline order: each sentence span
// tokenized on its own must give the tokens the whole text has there.
func TestSentencesThenTokens(t *testing.T) {
	var inputs []string
	for _, tc := range sentenceCases {
		inputs = append(inputs, tc.in)
	}
	for _, tc := range tokenizeCases {
		inputs = append(inputs, tc.in)
	}
	for _, in := range inputs {
		for _, lang := range []string{"de", "en", ""} {
			checkSpanTokens(t, in, lang)
		}
	}
}

func TestSplitSentencesNoAllocs(t *testing.T) {
	dst := make([]models.Sentence, 0, 16)
	for _, c := range benchComments {
		allocs := testing.AllocsPerRun(100, func() { dst = SplitSentences(c.text, c.lang, dst[:0]) })
		if allocs != 0 {
			t.Errorf("SplitSentences(%q) allocates %.0f times", c.text, allocs)
		}
	}
}

// checkSentences asserts the span invariants and that no token of the whole
// text is cut by a sentence boundary.
func checkSentences(t testing.TB, s string, sens []models.Sentence) {
	t.Helper()
	last := 0
	for k, sen := range sens {
		if sen.Start < last || sen.Start >= sen.End || sen.End > len(s) {
			t.Fatalf("%q: sentence %d [%d,%d) out of order or bounds after %d", s, k, sen.Start, sen.End, last)
		}
		text := s[sen.Start:sen.End]
		if strings.TrimSpace(text) != text || text == "" {
			t.Fatalf("%q: sentence %d %q is empty or has outer whitespace", s, k, text)
		}
		last = sen.End
	}
	for _, tok := range Tokenize(s, nil) {
		for _, sen := range sens {
			if (tok.Start < sen.Start && tok.End > sen.Start) || (tok.Start < sen.End && tok.End > sen.End) {
				t.Fatalf("%q: sentence [%d,%d) cuts token %q [%d,%d)", s, sen.Start, sen.End, tok.Text, tok.Start, tok.End)
			}
		}
	}
}

func checkSpanTokens(t testing.TB, s, lang string) {
	t.Helper()
	whole := Tokenize(s, nil)
	k := 0
	for _, sen := range SplitSentences(s, lang, nil) {
		for k < len(whole) && whole[k].End <= sen.Start {
			k++
		}
		for _, tok := range Tokenize(s[sen.Start:sen.End], nil) {
			if k >= len(whole) || whole[k].Start != tok.Start+sen.Start || whole[k].End != tok.End+sen.Start || whole[k].Kind != tok.Kind {
				t.Fatalf("%q (lang %q): span %q gives token %q/%s at %d that the whole text does not have",
					s, lang, s[sen.Start:sen.End], tok.Text, tok.Kind, tok.Start+sen.Start)
			}
			k++
		}
	}
}

func BenchmarkSplitSentences(b *testing.B) {
	for _, c := range benchComments {
		b.Run(c.lang, func(b *testing.B) {
			dst := make([]models.Sentence, 0, 16)
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				dst = SplitSentences(c.text, c.lang, dst[:0])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
		})
	}
}
