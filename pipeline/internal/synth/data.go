package synth

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

// The word lists and templates live in data/*.txt (format described at the
// top of data/de.txt) and are compiled into the binary.
//
//go:embed data/*.txt
var dataFS embed.FS

// tables is everything a Generator draws from. It is built once, on first
// use, and only read afterwards, so Generators share it.
type tables struct {
	de, en         lang
	cities         []string
	surnames       []string
	orderNumbers   []string
	dates          [][10]byte
	touchpointPick []int
}

// loadTables parses the embedded data files the first time it is called.
// The files are part of the build: if one is malformed, that is a defect of
// the build, not of any input, so it panics (with the file, and the line where
// there is one) on first use rather than returning an error every caller
// would have to handle. TestGolden catches it before a release.
var loadTables = sync.OnceValue(func() *tables {
	t := &tables{
		orderNumbers:   makeOrderNumbers(),
		dates:          makeDates(),
		touchpointPick: makeTouchpointPick(),
	}
	common := readSections("common.txt")
	t.cities = common.list("cities")
	t.surnames = common.list("surnames")
	common.done()
	buildLang(&t.de, readSections("de.txt"), true)
	buildLang(&t.en, readSections("en.txt"), false)
	return t
})

// sections is a parsed data file: its entries by section name.
type sections struct {
	file  string
	lists map[string][]string
	used  map[string]bool
}

// readSections parses data/name: "[section]" lines start a section, other
// lines are its entries; blank lines and "#" comments are skipped.
func readSections(name string) *sections {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("synth: embedded data file missing (build defect): %v", err))
	}
	return parseSections(name, string(b))
}

// parseSections parses text, the contents of data/name.
func parseSections(name, text string) *sections {
	s := &sections{file: name, lists: map[string][]string{}, used: map[string]bool{}}
	cur := ""
	for i, line := range strings.Split(text, "\n") {
		switch {
		case line == "" || line[0] == '#':
		case strings.TrimSpace(line) != line:
			s.fail(fmt.Sprintf("line %d: leading or trailing blank (or CR) in %q", i+1, line))
		case line[0] == '[' && line[len(line)-1] == ']':
			cur = line[1 : len(line)-1]
			if _, dup := s.lists[cur]; dup || cur == "" {
				s.fail(fmt.Sprintf("line %d: empty or repeated section %q", i+1, cur))
			}
			s.lists[cur] = nil
		case cur == "":
			s.fail(fmt.Sprintf("line %d: entry before the first section", i+1))
		default:
			s.lists[cur] = append(s.lists[cur], line)
		}
	}
	return s
}

func (s *sections) fail(msg string) {
	panic(fmt.Sprintf("synth: embedded data/%s is malformed (build defect): %s", s.file, msg))
}

// list returns the entries of a section, which must exist and not be empty.
func (s *sections) list(name string) []string {
	l := s.lists[name]
	if len(l) == 0 {
		s.fail(fmt.Sprintf("section [%s] missing or empty", name))
	}
	s.used[name] = true
	return l
}

// pair returns the sections "<prefix>neg <what>" and "<prefix>pos <what>",
// indexed by polarity.
func (s *sections) pair(prefix, what string) [2][]string {
	return [2][]string{neg: s.list(prefix + "neg " + what), pos: s.list(prefix + "pos " + what)}
}

// two returns a section of exactly two entries (singular and plural form).
func (s *sections) two(name string) [2]string {
	l := s.list(name)
	if len(l) != 2 {
		s.fail(fmt.Sprintf("section [%s] has %d entries, want 2", name, len(l)))
	}
	return [2]string{l[0], l[1]}
}

// done reports sections nobody asked for, such as misspelt names.
func (s *sections) done() {
	for name := range s.lists {
		if !s.used[name] {
			s.fail(fmt.Sprintf("unknown section [%s]", name))
		}
	}
}
