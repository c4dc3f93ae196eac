package lexicons

import "embed"

// The tokenizer's tables (pipeline/text): abbreviations, elisions, ASCII
// emoticons, Extended_Pictographic ranges, German ordinal cues, sentence
// starters and top-level domains. They live here with the other word lists
// so that all language data is edited in one place; their format is
// described at the top of each file and parsed by pipeline/text.
//
//go:embed text/*.txt
var textFS embed.FS

// TextData returns the embedded tokenizer table text/<name>, for example
// TextData("emoticons.txt").
func TextData(name string) ([]byte, error) {
	return textFS.ReadFile("text/" + name)
}
