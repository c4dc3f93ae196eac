package synth

import (
	"strings"
	"testing"
)

// A malformed data file is a build defect and panics with the file and the
// problem; these cases check that the message says what is wrong.
func TestSectionsMalformed(t *testing.T) {
	for _, tc := range []struct {
		text string
		use  func(*sections)
		want string
	}{
		{"word\n", nil, "line 1: entry before the first section"},
		{"[a]\nx\n[a]\ny\n", nil, `line 3: empty or repeated section "a"`},
		{"[]\n", nil, `line 1: empty or repeated section ""`},
		{"[a]\nx \n", nil, `line 2: leading or trailing blank (or CR) in "x "`},
		{"[a]\r\nx\r\n", nil, "line 1: leading or trailing blank"},
		{"[a]\n# only a comment\n", func(s *sections) { s.list("a") }, "section [a] missing or empty"},
		{"[a]\nx\n", func(s *sections) { s.list("b") }, "section [b] missing or empty"},
		{"[a]\nx\n[typo]\ny\n", func(s *sections) { s.list("a"); s.done() }, "unknown section [typo]"},
		{"[past]\nwar\n", func(s *sections) { s.two("past") }, "section [past] has 1 entries, want 2"},
	} {
		msg := catchPanic(func() {
			s := parseSections("test.txt", tc.text)
			if tc.use != nil {
				tc.use(s)
			}
		})
		if !strings.HasPrefix(msg, "synth: embedded data/test.txt is malformed (build defect): ") || !strings.Contains(msg, tc.want) {
			t.Errorf("%q: panic %q, want one containing %q", tc.text, msg, tc.want)
		}
	}
}

func TestSectionsParse(t *testing.T) {
	s := parseSections("test.txt", "# comment\n\n[neg x]\na b\n#c\n[pos x]\nd|e\n")
	got := s.pair("", "x")
	if len(got[neg]) != 1 || got[neg][0] != "a b" || len(got[pos]) != 1 || got[pos][0] != "d|e" {
		t.Errorf("pair = %q", got)
	}
	s.done()
}

func catchPanic(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg, _ = r.(string)
		}
	}()
	f()
	return ""
}
