package lexgen

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// emojiBlocks are the Unicode blocks of the Emoji Sentiment Ranking that
// hold emoji; the others hold box drawing, arrows, shapes and replacement
// characters that tweets used as decoration.
var emojiBlocks = map[string]bool{
	"Emoticons":                             true,
	"Miscellaneous Symbols and Pictographs": true,
	"Supplemental Symbols and Pictographs":  true,
	"Transport and Map Symbols":             true,
	"Miscellaneous Symbols":                 true,
	"Miscellaneous Symbols and Arrows":      true,
	"Miscellaneous Technical":               true,
	"Dingbats":                              true,
	"Enclosed Alphanumeric Supplement":      true,
}

// emoji builds emoji.tsv from the Emoji Sentiment Ranking and the hand file.
func (g *gen) emoji() (map[string]*file, error) {
	b, err := g.read("emoji-sentiment-ranking/Emoji_Sentiment_Data_v1.0.csv")
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("Emoji_Sentiment_Data_v1.0.csv: %w", err)
	}
	hand := g.handTerms("emoji.tsv")
	var es []entry
	for i, r := range rows {
		if i == 0 {
			continue
		}
		if len(r) < 9 {
			return nil, fmt.Errorf("Emoji_Sentiment_Data_v1.0.csv:%d: %d columns", i+1, len(r))
		}
		occ, err1 := strconv.Atoi(r[2])
		neg, err2 := strconv.Atoi(r[4])
		pos, err3 := strconv.Atoi(r[6])
		if err := firstErr(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("Emoji_Sentiment_Data_v1.0.csv:%d: %w", i+1, err)
		}
		e := r[0]
		first, _ := utf8.DecodeRuneInString(e)
		switch {
		case occ < g.o.EmojiMin:
			continue
		case !emojiBlocks[r[8]]:
			g.logf("emoji: skipped %q (%s)", e, r[8])
			continue
		case first >= 0x1F1E6 && first <= 0x1F1FF:
			continue // a lone regional indicator is half a flag
		}
		if _, ok := hand[lexicons.EmojiKey(e)]; ok {
			continue
		}
		if w := emojiWeight(occ, neg, pos, g.o.EmojiNeutral); w != 0 {
			es = append(es, entry{term: e, weight: w})
		}
	}
	sortEntries(es)
	header := fmt.Sprintf(emojiHeader, g.o.EmojiMin, g.o.EmojiNeutral)
	return map[string]*file{
		"emoji.tsv": {kind: lexicons.Emoji, header: header, sections: []section{
			{title: "==== Emoji Sentiment Ranking v1.0 (CC BY-SA 4.0), mapped as described above ====", entries: es},
		}},
	}, nil
}

// emojiWeight maps an emoji's score s = (positive − negative) /
// occurrences to −4..+4, linearly on each side of the neutral score (which
// maps to 0), rounded to 0.1; emojiHeader explains the choice.
func emojiWeight(occ, neg, pos int, neutral float64) float64 {
	m := neutral
	s := float64(pos-neg) / float64(occ)
	var w float64
	if s >= m {
		w = 4 * (s - m) / (1 - m)
	} else {
		w = 4 * (s - m) / (1 + m)
	}
	return round1(w)
}
