package lexicons

import (
	"embed"
	"strings"
)

// stopwordsFS holds the stop word lists of theme discovery: one lower-case
// word a line, "#" comment lines.
//
//go:embed stopwords/*.txt
var stopwordsFS embed.FS

// Stopwords returns the stop words of lang ("de" or "en"): function words,
// pronouns, auxiliaries, light verbs, number words and filler ("mal",
// "halt", "just", "really"). Contractions are listed with a straight
// apostrophe; look up a word with ’ replaced by '. Each call returns a new
// map; an unknown language gives an empty one.
func Stopwords(lang string) map[string]bool {
	data, err := stopwordsFS.ReadFile("stopwords/" + lang + ".txt")
	out := map[string]bool{}
	if err != nil {
		return out
	}
	for line := range strings.Lines(string(data)) {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		out[w] = true
	}
	return out
}
