package lexicons

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
	"github.com/kljensen/snowball/english"
)

// StemWord returns the Snowball stem of a lower-case word in lang ("de" or
// "en"), the key of Lexicon.Stems. The pipeline's stems stage stems tokens
// with this same function (pipeline/text.Stem calls it), so a token meets a
// stem entry exactly when their stems agree.
func StemWord(lang, lower string) string {
	switch lang {
	case "en":
		return english.Stem(lower, true)
	case "de":
		env := snowballstem.NewEnv(lower)
		german.Stem(env)
		return env.Current()
	}
	return lower
}

// EmojiKey returns the key of an emoji or emoticon in Lexicon.Emoji: the
// text without variation selectors (U+FE0E, U+FE0F) and skin-tone
// modifiers (U+1F3FB..U+1F3FF), with ASCII letters lower-cased, so that
// "❤️" meets "❤", "👍🏽" meets "👍" and ":-D" meets ":-d". Use
// Lexicon.EmojiEntry to look a token up: it also tries the first element
// of a ZWJ sequence and emoticons with repeated last characters.
func EmojiKey(s string) string {
	clean := true
	for _, r := range s {
		if ('A' <= r && r <= 'Z') || isEmojiModifier(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isEmojiModifier(r):
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isEmojiModifier(r rune) bool {
	return r == 0xFE0F || r == 0xFE0E || (r >= 0x1F3FB && r <= 0x1F3FF)
}

// EmojiEntry looks up an emoji or emoticon token as the scorer should:
// by EmojiKey(text); then, for a ZWJ sequence that is not listed as a whole
// ("🤦‍♀️"), by its first element ("🤦"); then, for an emoticon with a
// repeated last character that is not listed (":-))))", "xDDD", "<333"),
// by shortening the repetition one character at a time.
func (lx *Lexicon) EmojiEntry(text string) (Entry, bool) {
	key := EmojiKey(text)
	if e, ok := lx.Emoji[key]; ok {
		return e, true
	}
	if i := strings.IndexRune(key, '\u200d'); i > 0 {
		if e, ok := lx.Emoji[key[:i]]; ok {
			return e, true
		}
	}
	for {
		last, n := utf8.DecodeLastRuneInString(key)
		if n == 0 || len(key) == n {
			return Entry{}, false
		}
		prev, _ := utf8.DecodeLastRuneInString(key[:len(key)-n])
		if prev != last {
			return Entry{}, false
		}
		key = key[:len(key)-n]
		if e, ok := lx.Emoji[key]; ok {
			return e, true
		}
	}
}
