package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/models"
)

type wantTok struct {
	text string
	kind models.TokenKind
}

func (w wantTok) String() string { return w.text + "/" + w.kind.String() }

func tkWord(s string) wantTok     { return wantTok{s, models.Word} }
func tkNum(s string) wantTok      { return wantTok{s, models.Number} }
func tkPunct(s string) wantTok    { return wantTok{s, models.Punct} }
func tkEmoji(s string) wantTok    { return wantTok{s, models.Emoji} }
func tkEmoticon(s string) wantTok { return wantTok{s, models.Emoticon} }
func tkURL(s string) wantTok      { return wantTok{s, models.URL} }
func tkEmail(s string) wantTok    { return wantTok{s, models.Email} }
func tkMention(s string) wantTok  { return wantTok{s, models.Mention} }
func tkHashtag(s string) wantTok  { return wantTok{s, models.Hashtag} }

// words is a shorthand for a run of plain words.
func tkWords(s string) []wantTok {
	var out []wantTok
	for _, f := range strings.Fields(s) {
		out = append(out, tkWord(f))
	}
	return out
}

func tkSeq(parts ...any) []wantTok {
	var out []wantTok
	for _, p := range parts {
		switch p := p.(type) {
		case wantTok:
			out = append(out, p)
		case []wantTok:
			out = append(out, p...)
		default:
			panic(fmt.Sprintf("toks: %T", p))
		}
	}
	return out
}

type tokenizeCase struct {
	name string
	in   string
	want []wantTok
}

// tokenizeCases also seed FuzzTokenize and FuzzSplitSentences.
var tokenizeCases = []tokenizeCase{
	// Negations and contractions: the reason this tokenizer exists.
	{"en can't before comma", "I can't, sorry", tkSeq(tkWord("I"), tkWord("can't"), tkPunct(","), tkWord("sorry"))},
	{"en negations", "don't won't isn't", tkWords("don't won't isn't")},
	{"en pronoun contractions", "I'm sure it's fine, they're nice, we've seen y'all.",
		tkSeq(tkWords("I'm sure it's fine"), tkPunct(","), tkWords("they're nice"), tkPunct(","), tkWords("we've seen y'all"), tkPunct("."))},
	{"en typographic apostrophe", "Don’t do it, can’t.", tkSeq(tkWord("Don’t"), tkWords("do it"), tkPunct(","), tkWord("can’t"), tkPunct("."))},
	{"en autocorrect left quote as apostrophe", "can‘t", tkSeq(tkWord("can‘t"))},
	{"en double contraction", "couldn't've", tkSeq(tkWord("couldn't've"))},
	{"en rock'n'roll", "rock'n'roll", tkSeq(tkWord("rock'n'roll"))},
	{"de war's before comma", "Das war's, danke", tkSeq(tkWord("Das"), tkWord("war's"), tkPunct(","), tkWord("danke"))},
	{"de gibt's geht's hab's", "gibt's geht's hab's", tkWords("gibt's geht's hab's")},
	{"de wie geht's question", "Wie geht's?", tkSeq(tkWord("Wie"), tkWord("geht's"), tkPunct("?"))},
	{"de typographic apostrophe", "Wie geht’s dir?", tkSeq(tkWord("Wie"), tkWord("geht’s"), tkWord("dir"), tkPunct("?"))},
	{"de acute accent as apostrophe", "Gibt´s das?", tkSeq(tkWord("Gibt´s"), tkWord("das"), tkPunct("?"))},
	{"de grave accent as apostrophe", "Gibt`s das", tkSeq(tkWord("Gibt`s"), tkWord("das"))},
	{"en quotation marks", "'hello' she said", tkSeq(tkPunct("'"), tkWord("hello"), tkPunct("'"), tkWords("she said"))},
	{"de quotation marks typographic", "‚Super‘ sagt er", tkSeq(tkPunct("‚"), tkWord("Super"), tkPunct("‘"), tkWords("sagt er"))},
	{"de elision 's", "'s Wetter ist mies", tkSeq(tkWord("'s"), tkWords("Wetter ist mies"))},
	{"de elision 'ne", "hab 'ne Frage", tkSeq(tkWord("hab"), tkWord("'ne"), tkWord("Frage"))},
	{"en elision 'cause", "'cause it's late", tkSeq(tkWord("'cause"), tkWords("it's late"))},
	{"de possessive apostrophe is punct", "Andreas' Auto", tkSeq(tkWord("Andreas"), tkPunct("'"), tkWord("Auto"))},
	{"quoted single letter is not an elision", "'s'", tkSeq(tkPunct("'"), tkWord("s"), tkPunct("'"))},

	// Emoji.
	{"emoji zwj family", "Familie 👨‍👩‍👧 da", tkSeq(tkWord("Familie"), tkEmoji("👨‍👩‍👧"), tkWord("da"))},
	{"emoji skin tone", "👍🏽 top", tkSeq(tkEmoji("👍🏽"), tkWord("top"))},
	{"emoji variation selector", "I ❤️ it", tkSeq(tkWord("I"), tkEmoji("❤️"), tkWord("it"))},
	{"emoji heart without selector", "I ❤ it", tkSeq(tkWord("I"), tkEmoji("❤"), tkWord("it"))},
	{"emoji flag", "🇩🇪🇬🇧", tkSeq(tkEmoji("🇩🇪"), tkEmoji("🇬🇧"))},
	{"emoji lone regional indicator", "🇩 x", tkSeq(tkEmoji("🇩"), tkWord("x"))},
	{"emoji keycap", "1️⃣ 2⃣ #️⃣", tkSeq(tkEmoji("1️⃣"), tkEmoji("2⃣"), tkEmoji("#️⃣"))},
	{"emoji repeated are separate", "😡😡", tkSeq(tkEmoji("😡"), tkEmoji("😡"))},
	{"emoji different consecutive", "😍🙏🏼👍", tkSeq(tkEmoji("😍"), tkEmoji("🙏🏼"), tkEmoji("👍"))},
	{"emoji attached to word", "Danke😊!", tkSeq(tkWord("Danke"), tkEmoji("😊"), tkPunct("!"))},
	{"emoji zwj with selector", "🏳️‍🌈 ❤️‍🔥", tkSeq(tkEmoji("🏳️‍🌈"), tkEmoji("❤️‍🔥"))},
	{"emoji subdivision flag", "🏴󠁧󠁢󠁳󠁣󠁴󠁿!", tkSeq(tkEmoji("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), tkPunct("!"))},
	{"emoji zwj profession skin tone", "👩🏽‍💻", tkSeq(tkEmoji("👩🏽‍💻"))},
	{"emoji lone skin tone", "🏽", tkSeq(tkEmoji("🏽"))},
	{"emoji trailing zwj dropped", "😀\u200D x", tkSeq(tkEmoji("😀"), tkWord("x"))},
	{"copyright is typography", "Bahn© ™", tkSeq(tkWord("Bahn"), tkPunct("©"), tkPunct("™"))},
	{"copyright as emoji", "©️", tkSeq(tkEmoji("©️"))},

	// Emoticons.
	{"emoticons smile", ":-) :) ;) ;-) =)", tkSeq(tkEmoticon(":-)"), tkEmoticon(":)"), tkEmoticon(";)"), tkEmoticon(";-)"), tkEmoticon("=)"))},
	{"emoticons sad", ":( :-( :'( :’( :/ :-/ :|", tkSeq(tkEmoticon(":("), tkEmoticon(":-("), tkEmoticon(":'("), tkEmoticon(":’("), tkEmoticon(":/"), tkEmoticon(":-/"), tkEmoticon(":|"))},
	{"emoticons letters", ":D :-D :P :p :o xD XD", tkSeq(tkEmoticon(":D"), tkEmoticon(":-D"), tkEmoticon(":P"), tkEmoticon(":p"), tkEmoticon(":o"), tkEmoticon("xD"), tkEmoticon("XD"))},
	{"emoticons hearts and eyes", "<3 </3 ^^ ^_^ -_- o_O", tkSeq(tkEmoticon("<3"), tkEmoticon("</3"), tkEmoticon("^^"), tkEmoticon("^_^"), tkEmoticon("-_-"), tkEmoticon("o_O"))},
	{"emoticons repeated mouth", ":)) :-))) :(( xDDD <333", tkSeq(tkEmoticon(":))"), tkEmoticon(":-)))"), tkEmoticon(":(("), tkEmoticon("xDDD"), tkEmoticon("<333"))},
	{"en emoticon in sentence", "Thanks guys :D see you", tkSeq(tkWords("Thanks guys"), tkEmoticon(":D"), tkWords("see you"))},
	{"emoticon attached to word", "super:)", tkSeq(tkWord("super"), tkEmoticon(":)"))},
	{"emoticon at sentence end", "Toll :-).", tkSeq(tkWord("Toll"), tkEmoticon(":-)"), tkPunct("."))},
	{"emoticon reversed isolated", "Danke (: und ): ok", tkSeq(tkWord("Danke"), tkEmoticon("(:"), tkWord("und"), tkEmoticon("):"), tkWord("ok"))},
	{"reversed emoticon needs space: bracket and colon", "(siehe oben): gut", tkSeq(tkPunct("("), tkWord("siehe"), tkWord("oben"), tkPunct(")"), tkPunct(":"), tkWord("gut"))},
	{"reversed emoticon needs space: opening", "f(:x)", tkSeq(tkWord("f"), tkPunct("("), tkPunct(":"), tkWord("x"), tkPunct(")"))},
	{"colon D before letter is not emoticon", "Fazit:Das war gut", tkSeq(tkWord("Fazit"), tkPunct(":"), tkWord("Das"), tkWords("war gut"))},
	{"heart before digit is not emoticon", "<30 Minuten", tkSeq(tkPunct("<"), tkNum("30"), tkWord("Minuten"))},
	{"xD inside word is not emoticon", "xDrive", tkSeq(tkWord("xDrive"))},
	{"colon slash in path is not emoticon", "C:/Users", tkSeq(tkWord("C"), tkPunct(":"), tkPunct("/"), tkWord("Users"))},
	{"scheme without host is not emoticon", "http://", tkSeq(tkWord("http"), tkPunct(":"), tkPunct("/"), tkPunct("/"))},
	{"emoticon before punctuation", ":D!", tkSeq(tkEmoticon(":D"), tkPunct("!"))},

	// URLs, e-mails, mentions, hashtags.
	{"url https", "https://t.co/0PgTRO6YS2", tkSeq(tkURL("https://t.co/0PgTRO6YS2"))},
	{"url trailing full stop", "see https://x.y/z.", tkSeq(tkWord("see"), tkURL("https://x.y/z"), tkPunct("."))},
	{"url trailing question mark", "Kennt ihr https://bahn.de/info?", tkSeq(tkWords("Kennt ihr"), tkURL("https://bahn.de/info"), tkPunct("?"))},
	{"url in brackets", "(https://de.wikipedia.org/wiki/ICE_(Zug))", tkSeq(tkPunct("("), tkURL("https://de.wikipedia.org/wiki/ICE_(Zug)"), tkPunct(")"))},
	{"url www with query", "www.bahn.de/x?y=1, danke", tkSeq(tkURL("www.bahn.de/x?y=1"), tkPunct(","), tkWord("danke"))},
	{"url upper case scheme", "HTTPS://BAHN.DE", tkSeq(tkURL("HTTPS://BAHN.DE"))},
	{"url bare domain", "auf bahn.de nachsehen", tkSeq(tkWord("auf"), tkURL("bahn.de"), tkWord("nachsehen"))},
	{"url bare domain with path", "bahn.de/angebote.", tkSeq(tkURL("bahn.de/angebote"), tkPunct("."))},
	{"url bare domain sentence end", "Buchung über bahn.com.", tkSeq(tkWords("Buchung über"), tkURL("bahn.com"), tkPunct("."))},
	{"url truncated tweet ellipsis", "https://t.co/abc…", tkSeq(tkURL("https://t.co/abc"), tkPunct("…"))},
	{"missing space is not a domain", "in Berlin.At the station", tkSeq(tkWords("in Berlin"), tkPunct("."), tkWords("At the station"))},
	{"missing space unknown tld", "Service.Danke", tkSeq(tkWord("Service"), tkPunct("."), tkWord("Danke"))},
	{"email", "Mail an kundenservice@bahn.de.", tkSeq(tkWords("Mail an"), tkEmail("kundenservice@bahn.de"), tkPunct("."))},
	{"email with dots and plus", "max.mustermann+db@web.de", tkSeq(tkEmail("max.mustermann+db@web.de"))},
	{"email with hyphen and underscore", "max-muster_1@mail.example.com", tkSeq(tkEmail("max-muster_1@mail.example.com"))},
	{"fuzz: email ends at last valid top-level label", "0@0.AA.A0", tkSeq(tkEmail("0@0.AA"), tkPunct("."), tkWord("A0"))},
	{"at sign without domain", "foo@bar", tkSeq(tkWord("foo"), tkPunct("@"), tkWord("bar"))},
	{"mention", "@DB_Bahn danke!", tkSeq(tkMention("@DB_Bahn"), tkWord("danke"), tkPunct("!"))},
	{"mention before colon", "@DB_Bahn: Zug fällt aus", tkSeq(tkMention("@DB_Bahn"), tkPunct(":"), tkWords("Zug fällt aus"))},
	{"lone at sign", "@ home", tkSeq(tkPunct("@"), tkWord("home"))},
	{"hashtag with umlaut", "#Verspätung #fail", tkSeq(tkHashtag("#Verspätung"), tkHashtag("#fail"))},
	{"hashtag digits only is not a hashtag", "#1 Service", tkSeq(tkPunct("#"), tkNum("1"), tkWord("Service"))},
	{"hash after word", "C# lernen", tkSeq(tkWord("C"), tkPunct("#"), tkWord("lernen"))},

	// Numbers.
	{"number integer", "42 Minuten", tkSeq(tkNum("42"), tkWord("Minuten"))},
	{"number decimal comma", "3,5 Sterne", tkSeq(tkNum("3,5"), tkWord("Sterne"))},
	{"number decimal point", "rated 3.5 stars", tkSeq(tkWord("rated"), tkNum("3.5"), tkWord("stars"))},
	{"number thousands", "1.000 Euro", tkSeq(tkNum("1.000"), tkWord("Euro"))},
	{"number german money", "1.000,50 €", tkSeq(tkNum("1.000,50"), tkPunct("€"))},
	{"number time", "um 12:30 Uhr", tkSeq(tkWord("um"), tkNum("12:30"), tkWord("Uhr"))},
	{"number date", "am 24.12.2024", tkSeq(tkWord("am"), tkNum("24.12.2024"))},
	{"number slash", "24/7 erreichbar", tkSeq(tkNum("24/7"), tkWord("erreichbar"))},
	{"number currency attached", "5€ und $5", tkSeq(tkNum("5"), tkPunct("€"), tkWord("und"), tkPunct("$"), tkNum("5"))},
	{"number percent attached", "10% Rabatt", tkSeq(tkNum("10"), tkPunct("%"), tkWord("Rabatt"))},
	{"number negative", "-5 Grad", tkSeq(tkPunct("-"), tkNum("5"), tkWord("Grad"))},
	{"ordinal before month", "am 3. Mai", tkSeq(tkWord("am"), tkNum("3."), tkWord("Mai"))},
	{"ordinal before lower case", "am 3. und 4. Mai", tkSeq(tkWord("am"), tkNum("3."), tkWord("und"), tkNum("4."), tkWord("Mai"))},
	{"ordinal after determiner", "der 2. Versuch", tkSeq(tkWord("der"), tkNum("2."), tkWord("Versuch"))},
	{"ordinal at text start", "1. Klasse war voll", tkSeq(tkNum("1."), tkWords("Klasse war voll"))},
	{"ordinal enumeration", "1. Das Essen", tkSeq(tkNum("1."), tkWords("Das Essen"))},
	{"ordinal date with dot", "am 24.12. war zu", tkSeq(tkWord("am"), tkNum("24.12."), tkWords("war zu"))},
	{"ordinal with nbsp", "am 3.\u00a0Mai", tkSeq(tkWord("am"), tkNum("3."), tkWord("Mai"))},
	{"number at sentence end keeps dot separate", "Ich war 30. Dann", tkSeq(tkWords("Ich war"), tkNum("30"), tkPunct("."), tkWord("Dann"))},
	{"year at sentence end", "seit 2019. Danach", tkSeq(tkWord("seit"), tkNum("2019"), tkPunct("."), tkWord("Danach"))},
	{"number at end of text", "Gleis 5.", tkSeq(tkWord("Gleis"), tkNum("5"), tkPunct("."))},
	{"alphanumeric 5G", "kein 5G hier", tkSeq(tkWord("kein"), tkWord("5G"), tkWord("hier"))},
	{"alphanumeric ordinal en", "the 2nd time", tkSeq(tkWord("the"), tkWord("2nd"), tkWord("time"))},
	{"number compound", "das 9-Euro-Ticket", tkSeq(tkWord("das"), tkWord("9-Euro-Ticket"))},
	{"number range", "2-3 Tage", tkSeq(tkNum("2"), tkPunct("-"), tkNum("3"), tkWord("Tage"))},

	// Words.
	{"hyphenated compounds", "Location-Auswahl E-Mail WLAN-Verbindung well-known",
		tkWords("Location-Auswahl E-Mail WLAN-Verbindung well-known")},
	{"compound with digits", "COVID-19 ICE4", tkWords("COVID-19 ICE4")},
	{"all caps", "ÄRGERLICH!!! TOTAL", tkSeq(tkWord("ÄRGERLICH"), tkPunct("!!!"), tkWord("TOTAL"))},
	{"umlauts and sharp s", "Größe Straße Übergabe", tkWords("Größe Straße Übergabe")},
	{"unicode letters", "café naïve Ελλάδα Москва", tkWords("café naïve Ελλάδα Москва")},
	{"combining mark", "Cafe\u0301 gut", tkSeq(tkWord("Cafe\u0301"), tkWord("gut"))},
	{"soft hyphen inside word", "Ver\u00adbindung", tkSeq(tkWord("Ver\u00adbindung"))},
	{"ampersand brand", "H&M und AT&T", tkSeq(tkWord("H&M"), tkWord("und"), tkWord("AT&T"))},
	{"ampersand between words", "Tom & Jerry", tkSeq(tkWord("Tom"), tkPunct("&"), tkWord("Jerry"))},
	{"dash between words", "Zug – wieder", tkSeq(tkWord("Zug"), tkPunct("–"), tkWord("wieder"))},
	{"trailing hyphen", "Ein- und Ausstieg", tkSeq(tkWord("Ein"), tkPunct("-"), tkWords("und Ausstieg"))},
	{"underscore", "snake_case", tkSeq(tkWord("snake"), tkPunct("_"), tkWord("case"))},

	// Abbreviations.
	{"de abbreviations", "z.B. bzw. usw. Nr. ca. d.h. u.a.", tkWords("z.B. bzw. usw. Nr. ca. d.h. u.a.")},
	{"de abbreviations more", "evtl. ggf. inkl. max. min. Std. Tel. Hr. Fr. Dr.", tkWords("evtl. ggf. inkl. max. min. Std. Tel. Hr. Fr. Dr.")},
	{"en abbreviations", "e.g. i.e. Mr. Mrs. Dr. vs. etc. U.S.", tkWords("e.g. i.e. Mr. Mrs. Dr. vs. etc. U.S.")},
	{"abbreviation case-insensitive", "Z.b. BZW. Ca.", tkWords("Z.b. BZW. Ca.")},
	{"abbreviation spaced", "z. B. so", tkSeq(tkWord("z."), tkWord("B."), tkWord("so"))},
	{"abbreviation spaced three parts", "i. d. R. gut", tkSeq(tkWord("i."), tkWord("d."), tkWord("R."), tkWord("gut"))},
	{"abbreviation before comma", "Äpfel usw., Birnen", tkSeq(tkWord("Äpfel"), tkWord("usw."), tkPunct(","), tkWord("Birnen"))},
	{"abbreviation then ellipsis", "usw...", tkSeq(tkWord("usw"), tkPunct("..."))},
	{"abbreviation number only", "Art. 5 und eine Art.", tkSeq(tkWord("Art."), tkNum("5"), tkWords("und eine Art"), tkPunct("."))},
	{"abbreviation number only en", "No. 5, I said no.", tkSeq(tkWord("No."), tkNum("5"), tkPunct(","), tkWords("I said no"), tkPunct("."))},
	{"abbreviation case-sensitive", "So. und so.", tkSeq(tkWord("So."), tkWord("und"), tkWord("so"), tkPunct("."))},
	{"unknown word with dot", "Ende.", tkSeq(tkWord("Ende"), tkPunct("."))},
	{"single letter initial", "J. Smith", tkSeq(tkWord("J"), tkPunct("."), tkWord("Smith"))},

	// Punctuation.
	{"punct runs", "Was?! Nein!!! Wieso??? Naja... Hmm…", tkSeq(tkWord("Was"), tkPunct("?!"), tkWord("Nein"), tkPunct("!!!"), tkWord("Wieso"), tkPunct("???"), tkWord("Naja"), tkPunct("..."), tkWord("Hmm"), tkPunct("…"))},
	{"punct each mark", "(a), [b]; \"c\"", tkSeq(tkPunct("("), tkWord("a"), tkPunct(")"), tkPunct(","), tkPunct("["), tkWord("b"), tkPunct("]"), tkPunct(";"), tkPunct("\""), tkWord("c"), tkPunct("\""))},
	{"punct german quotes", "„Super“", tkSeq(tkPunct("„"), tkWord("Super"), tkPunct("“"))},
	{"punct dashes are separate", "--", tkSeq(tkPunct("-"), tkPunct("-"))},
	{"fullwidth terminators", "好！", tkSeq(tkWord("好"), tkPunct("！"))},

	// Edges.
	{"empty", "", nil},
	{"whitespace only", " \t\n\u00a0\u2003", nil},
	{"zero width space only", "\u200b\ufeff", nil},
	{"lone variation selector", "\ufe0f a", tkSeq(tkWord("a"))},
	{"replacement character", "a\ufffdb", tkSeq(tkWord("a"), tkPunct("\ufffd"), tkWord("b"))},
	{"invalid utf8 byte", "a\xffb", tkSeq(tkWord("a"), tkPunct("\xff"), tkWord("b"))},
	{"nbsp separates", "a\u00a0b", tkWords("a b")},

	// Fuzz findings: left context is the previous token, not the byte before.
	{"fuzz: control character before elision", "\x00's", tkSeq(tkWord("'s"))},
	{"fuzz: lone mark before mention", "a. \u0301@x", tkSeq(tkWord("a"), tkPunct("."), tkMention("@x"))},
	{"elision after opening quote", "„'s Wetter“", tkSeq(tkPunct("„"), tkWord("'s"), tkWord("Wetter"), tkPunct("“"))},
	{"mention after emoticon", ":)@DB_Bahn", tkSeq(tkEmoticon(":)"), tkMention("@DB_Bahn"))},
}

func TestTokenize(t *testing.T) {
	for _, tc := range tokenizeCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Tokenize(tc.in, nil)
			checkTokens(t, tc.in, got)
			var gotW []wantTok
			for _, tok := range got {
				gotW = append(gotW, wantTok{tok.Text, tok.Kind})
			}
			if fmt.Sprint(gotW) != fmt.Sprint(tc.want) {
				t.Errorf("Tokenize(%q)\n got %v\nwant %v", tc.in, gotW, tc.want)
			}
		})
	}
}

func TestTokenizeAppends(t *testing.T) {
	dst := []models.Token{{Text: "x"}}
	got := Tokenize("a b", dst)
	if len(got) != 3 || got[0].Text != "x" || got[1].Text != "a" || got[2].Text != "b" {
		t.Fatalf("Tokenize did not append: %+v", got)
	}
}

func TestTokenizeLeavesLowerAndStem(t *testing.T) {
	for _, tok := range Tokenize("Größe Hallo", nil) {
		if tok.Lower != "" || tok.Stem != "" {
			t.Errorf("token %q has Lower %q Stem %q", tok.Text, tok.Lower, tok.Stem)
		}
	}
}

func TestTokenizeNoAllocs(t *testing.T) {
	dst := make([]models.Token, 0, 128)
	for _, c := range benchComments {
		allocs := testing.AllocsPerRun(100, func() { dst = Tokenize(c.text, dst[:0]) })
		if allocs != 0 {
			t.Errorf("Tokenize(%q) allocates %.0f times", c.text, allocs)
		}
	}
}

// TestTokenizeLinear guards the probe memos: without them a long run of
// dotted or hyphenated letters costs quadratic time.
func TestTokenizeLinear(t *testing.T) {
	dst := make([]models.Token, 0, 100000)
	for _, unit := range []string{"a.", "a-", "a_", "1.", "a@", "ab.de.", "x.y@", "a@b.", "z. ", "A. "} {
		s := strings.Repeat(unit, 50000)
		dst = Tokenize(s, dst[:0])
		checkTokens(t, s, dst)
		SplitSentences(s, "", nil)
	}
}

func TestLoadTables(t *testing.T) {
	if _, err := loadTables(); err != nil {
		t.Fatal(err)
	}
	tab := loadedTables()
	if len(tab.extPict) < 100 || len(tab.abbrevs) < 100 || tab.maxParts < 3 {
		t.Errorf("tables look empty: %d pictograph ranges, %d abbreviations, %d parts", len(tab.extPict), len(tab.abbrevs), tab.maxParts)
	}
}

// checkTokens asserts the invariants every caller relies on.
func checkTokens(t testing.TB, s string, toks []models.Token) {
	t.Helper()
	last := 0
	for k, tok := range toks {
		if tok.Start < last || tok.Start >= tok.End || tok.End > len(s) {
			t.Fatalf("%q: token %d %q has bad offsets [%d,%d) after %d", s, k, tok.Text, tok.Start, tok.End, last)
		}
		if s[tok.Start:tok.End] != tok.Text {
			t.Fatalf("%q: token %d text %q != s[%d:%d] %q", s, k, tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
		}
		if strings.TrimSpace(tok.Text) == "" {
			t.Fatalf("%q: token %d is whitespace %q", s, k, tok.Text)
		}
		if tok.Kind > models.Hashtag {
			t.Fatalf("%q: token %d has kind %d", s, k, tok.Kind)
		}
		last = tok.End
	}
}

// benchComments are roughly 25-word comments as they come in.
var benchComments = []struct{ lang, text string }{
	{"de", "Der ICE hatte am 3. Mai wieder 45 Min. Verspätung, z.B. in Köln!!! Das WLAN ging nicht und der Service war's auch nicht 😡 #DBfail @DB_Bahn"},
	{"en", "Honestly, the staff was friendly but the app didn't work :-( I couldn't book a seat, e.g. on the 8:15 train. Check https://t.co/0PgTRO6YS2 please!"},
}

func BenchmarkTokenize(b *testing.B) {
	for _, c := range benchComments {
		b.Run(c.lang, func(b *testing.B) {
			dst := make([]models.Token, 0, 128)
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				dst = Tokenize(c.text, dst[:0])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
		})
	}
}
