package lexicons

import (
	"bytes"
	"testing"
)

// pipeline/text reads these by name; a renamed or missing file would only
// show up there as a panic on first use.
func TestTextData(t *testing.T) {
	for _, name := range []string{
		"abbrev_de.txt", "abbrev_en.txt", "elisions.txt", "emoticons.txt", "extpict.txt",
		"ordinal_after_de.txt", "ordinal_before_de.txt", "starters_de.txt", "starters_en.txt", "tlds.txt",
	} {
		b, err := TextData(name)
		if err != nil {
			t.Errorf("TextData(%q): %v", name, err)
			continue
		}
		if len(bytes.TrimSpace(b)) == 0 {
			t.Errorf("TextData(%q) is empty", name)
		}
	}
	if _, err := TextData("no_such_table.txt"); err == nil {
		t.Error("TextData of a missing file: no error")
	}
}
