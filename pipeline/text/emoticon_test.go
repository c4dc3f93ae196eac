package text

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// lexiconEmoticons returns the emoticons of the sentiment lexicon
// (lexicons/emoticons.tsv) as spelled there.
func lexiconEmoticons(t *testing.T) []string {
	t.Helper()
	b, err := fs.ReadFile(lexicons.Files(), "emoticons.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for line := range strings.Lines(string(b)) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		term, _, _ := strings.Cut(line, "\t")
		out = append(out, term)
	}
	if len(out) < 100 {
		t.Fatalf("only %d emoticons in emoticons.tsv", len(out))
	}
	return out
}

// The scorer looks emoticons up only in Emoticon and Emoji tokens, so a
// lexicon emoticon the tokenizer splits or reads as a word never scores.
func TestLexiconEmoticonsAreTokens(t *testing.T) {
	for _, e := range lexiconEmoticons(t) {
		for _, c := range []struct{ text, want string }{
			{e, e},
			{"gut " + e + " danke", "gut|" + e + "|danke"},
		} {
			toks := Tokenize(c.text, nil)
			var got []string
			ok := true
			for _, tok := range toks {
				got = append(got, tok.Text)
				if tok.Text == e && tok.Kind != models.Emoticon && tok.Kind != models.Emoji {
					ok = false
				}
			}
			if !ok || strings.Join(got, "|") != c.want {
				t.Errorf("lexicon emoticon %q: Tokenize(%q) = %s, want %s as one emoticon token", e, c.text, kinds(toks), c.want)
			}
		}
	}
}

func kinds(toks []models.Token) string {
	var b strings.Builder
	for k, tok := range toks {
		if k > 0 {
			b.WriteByte('|')
		}
		b.WriteString(tok.Text + "/" + tok.Kind.String())
	}
	return b.String()
}
