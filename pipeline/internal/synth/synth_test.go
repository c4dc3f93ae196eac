package synth

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

func generate(t testing.TB, n int, seed uint64) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, n, seed); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "\n") {
		t.Fatal("output does not end in a newline")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("got %d lines, want %d", len(lines), n)
	}
	return lines
}

func decode(t testing.TB, line string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("invalid JSON %q: %v", line, err)
	}
	return m
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

func TestSameSeedSameOutput(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteJSONL(&a, 1000, 42); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSONL(&b, 1000, 42); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed gave different output")
	}

	// Next and WriteJSONL agree, and Next appends to what b already holds.
	g := New(42)
	var c []byte
	for i := 0; i < 1000; i++ {
		c = g.Next(c)
		c = append(c, '\n')
	}
	if !bytes.Equal(a.Bytes(), c) {
		t.Fatal("Next and WriteJSONL differ for the same seed")
	}
}

func TestDifferentSeedsDiffer(t *testing.T) {
	a := generate(t, 1000, 1)
	b := generate(t, 1000, 2)
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	if same > 10 {
		t.Fatalf("seeds 1 and 2 share %d of 1000 records", same)
	}
}

func TestRecords(t *testing.T) {
	const n = 5000
	lines := generate(t, n, 3)
	touchpointNames := map[string]bool{}
	for _, tp := range touchpoints {
		touchpointNames[tp.name] = true
	}
	allowed := map[string]bool{"id": true, "date": true, "touchpoint": true, "nps": true, "csat": true, "text": true}
	minDate, maxDate := "9999", ""
	var withNPS, withCSAT, long, empty, emoji int
	seenTP := map[string]int{}
	for i, line := range lines {
		m := decode(t, line)
		for k := range m {
			if !allowed[k] {
				t.Fatalf("unexpected key %q in %s", k, line)
			}
		}
		id, ok := m["id"].(string)
		if want := "S" + leftPad(strconv.Itoa(i+1), 7); !ok || id != want {
			t.Fatalf("id = %v, want %s", m["id"], want)
		}
		date, ok := m["date"].(string)
		if !ok {
			t.Fatalf("date missing or not a string: %s", line)
		}
		if _, err := time.Parse("2006-01-02", date); err != nil {
			t.Fatalf("date %q: %v", date, err)
		}
		minDate, maxDate = min(minDate, date), max(maxDate, date)
		tp, ok := m["touchpoint"].(string)
		if !ok || !touchpointNames[tp] {
			t.Fatalf("touchpoint = %v", m["touchpoint"])
		}
		seenTP[tp]++
		text, ok := m["text"].(string)
		if !ok {
			t.Fatalf("text missing or not a string: %s", line)
		}
		if strings.Contains(text, "$") {
			t.Fatalf("unexpanded slot in %q", text)
		}
		if v, ok := m["nps"]; ok {
			withNPS++
			checkScore(t, "nps", v, 0, 10)
		}
		if v, ok := m["csat"]; ok {
			withCSAT++
			checkScore(t, "csat", v, 1, 5)
		}
		switch w := len(strings.Fields(text)); {
		case w == 0:
			empty++
		case w >= 80:
			long++
			if w > 160 {
				t.Errorf("text of %d words: %q", w, text)
			}
		}
		for _, e := range []string{"😡", "👍", "🙂", "😞"} {
			if strings.Contains(text, e) {
				emoji++
				break
			}
		}
	}
	if minDate < "2024-01-01" || maxDate > "2025-12-31" || minDate > "2024-01-31" || maxDate < "2025-12-01" {
		t.Errorf("dates span %s .. %s, want 2024-01 .. 2025-12", minDate, maxDate)
	}
	if len(seenTP) != len(touchpoints) {
		t.Errorf("touchpoints seen: %v", seenTP)
	}
	within(t, "records with nps", withNPS, n, 0.86, 0.94)
	within(t, "records with csat", withCSAT, n, 0.46, 0.54)
	within(t, "long texts", long, n, 0.015, 0.05)
	within(t, "texts with emoji", emoji, n, 0.003, 0.02)
	within(t, "empty texts", empty, n, 0.0005, 0.01)
}

func leftPad(s string, w int) string {
	for len(s) < w {
		s = "0" + s
	}
	return s
}

func checkScore(t *testing.T, key string, v any, lo, hi float64) {
	t.Helper()
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) || f < lo || f > hi {
		t.Fatalf("%s = %v, want an integer in %v..%v", key, v, lo, hi)
	}
}

func within(t *testing.T, what string, count, n int, lo, hi float64) {
	t.Helper()
	if f := float64(count) / float64(n); f < lo || f > hi {
		t.Errorf("%s: %.3f, want %.3f..%.3f", what, f, lo, hi)
	}
}

func TestLanguageMix(t *testing.T) {
	german := map[string]bool{"der": true, "die": true, "das": true, "und": true, "ich": true, "nicht": true,
		"ist": true, "war": true, "mit": true, "sehr": true, "bei": true, "leider": true, "nach": true, "zu": true}
	english := map[string]bool{"the": true, "and": true, "is": true, "not": true, "with": true, "very": true,
		"my": true, "i": true, "to": true, "it": true, "for": true, "at": true, "were": true}
	const n = 5000
	var de, en int
	for _, line := range generate(t, n, 4) {
		var isDE, isEN bool
		for _, w := range words(decode(t, line)["text"].(string)) {
			isDE = isDE || german[w]
			isEN = isEN || english[w]
		}
		if isDE {
			de++
		}
		if isEN {
			en++
		}
	}
	within(t, "German texts", de, n, 0.50, 0.70)
	within(t, "English texts", en, n, 0.30, 0.50)
}

func TestVocabulary(t *testing.T) {
	vocab := map[string]bool{}
	for _, line := range generate(t, 5000, 5) {
		for _, w := range words(decode(t, line)["text"].(string)) {
			vocab[w] = true
		}
	}
	if len(vocab) < 500 {
		t.Fatalf("%d distinct words in 5000 records, want at least 500", len(vocab))
	}
	for _, w := range []string{"lieferverzögerung", "zugverspätung", "rückerstattung", "wartezeit", "nicht", "aber", "never", "but"} {
		if !vocab[w] {
			t.Errorf("word %q never generated", w)
		}
	}
}

// Vocabulary tagged for some touchpoints stays there: no conductor in the
// hotel, no breakfast buffet or order number on the train.
func TestTouchpointVocabulary(t *testing.T) {
	forbidden := map[string][]string{
		"hotel": {"schaffner", "conductor", "bordbistro", "bistro", "bestellung", "order"},
		"train": {"rezeption", "reception", "frühstücksbuffet", "bestellung", "hotelzimmer"},
		"app":   {"schaffner", "conductor", "rezeption", "reception", "frühstücksbuffet"},
	}
	for _, line := range generate(t, 20000, 8) {
		m := decode(t, line)
		bad := forbidden[m["touchpoint"].(string)]
		for _, w := range words(m["text"].(string)) {
			for _, b := range bad {
				if w == b {
					t.Fatalf("%q in a %s record: %s", w, m["touchpoint"], line)
				}
			}
		}
	}
	d := loadTables()
	for _, l := range []*lang{&d.de, &d.en} {
		for tp := range l.tps {
			tl := &l.tps[tp]
			for th := range tl.themes {
				x := &tl.themes[th]
				if len(x.subj) == 0 || len(x.clause[neg]) == 0 || len(x.clause[pos]) == 0 {
					t.Errorf("touchpoint %s, theme %d: empty list", touchpoints[tp].name, th)
				}
			}
			if len(tl.narrative) == 0 || len(tl.tmpl[neg]) < 40 || len(tl.tmpl[pos]) < 40 {
				t.Errorf("touchpoint %s: %d narrative sentences, %d/%d templates",
					touchpoints[tp].name, len(tl.narrative), len(tl.tmpl[neg]), len(tl.tmpl[pos]))
			}
		}
	}
}

// Scores follow the text: records whose text praises score higher than
// records whose text complains.
func TestScoresFollowPolarity(t *testing.T) {
	posWords := map[string]bool{"begeistert": true, "weiter": true, "thrilled": true, "delighted": true, "bestens": true}
	negWords := map[string]bool{"frechheit": true, "reinfall": true, "disgrace": true, "speechless": true, "fassungslos": true}
	var posSum, negSum, posN, negN float64
	for _, line := range generate(t, 20000, 6) {
		m := decode(t, line)
		nps, ok := m["nps"].(float64)
		if !ok {
			continue
		}
		for _, w := range words(m["text"].(string)) {
			if posWords[w] {
				posSum += nps
				posN++
				break
			}
			if negWords[w] {
				negSum += nps
				negN++
				break
			}
		}
	}
	if posN < 50 || negN < 50 {
		t.Fatalf("too few marked records: %v positive, %v negative", posN, negN)
	}
	if p, q := posSum/posN, negSum/negN; p < q+3 {
		t.Errorf("mean nps: %.2f for praise, %.2f for complaints", p, q)
	}
}

func TestWideIDs(t *testing.T) {
	g := New(1)
	g.seq = 9_999_998
	if m := decode(t, string(g.Next(nil))); m["id"] != "S9999999" {
		t.Errorf("id = %v", m["id"])
	}
	if m := decode(t, string(g.Next(nil))); m["id"] != "S10000000" {
		t.Errorf("id = %v", m["id"])
	}
}

func TestCapitalize(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		colon    bool
	}{
		{"über alles. ärger! öde? ja", "Über alles. Ärger! Öde? Ja", false},
		{"bestellung 123: das paket", "Bestellung 123: Das paket", true},
		{"order 123: the parcel", "Order 123: the parcel", false},
		{"„express“ war gut", "„Express“ war gut", false},
	} {
		b := []byte(tc.in)
		capitalize(b, tc.colon)
		if string(b) != tc.want {
			t.Errorf("capitalize(%q) = %q, want %q", tc.in, b, tc.want)
		}
	}
}

func BenchmarkNext(b *testing.B) {
	g := New(1)
	buf := make([]byte, 0, 4096)
	var n int
	b.ReportAllocs()
	for b.Loop() {
		buf = g.Next(buf[:0])
		n += len(buf)
	}
	b.ReportMetric(float64(n)/float64(b.N), "bytes/record")
}

func BenchmarkWriteJSONL(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteJSONL(io.Discard, 10000, 1); err != nil {
			b.Fatal(err)
		}
	}
}
