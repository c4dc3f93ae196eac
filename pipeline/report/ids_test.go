package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

func idList(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

// TestIDsOrderFree: the list is the same whatever the order the ids come
// in: the smallest, numbers by value, other ids by bytes.
func TestIDsOrderFree(t *testing.T) {
	ids := append(idList(0, 60), "R7", "R10", "a", "007", "")
	var want IDs
	for _, id := range ids {
		want.Add(id)
	}
	wantList := idList(0, MaxIDs) // "007" is 7 with more digits: after 19
	if !reflect.DeepEqual(want.IDs, wantList) || want.Count != len(ids) {
		t.Fatalf("got %+v, want %q", want, wantList)
	}
	for seed := range 20 {
		shuffled := slices.Clone(ids)
		rand.New(rand.NewPCG(uint64(seed), 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		var got IDs
		for _, id := range shuffled {
			got.Add(id)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("order %v: %+v, want %+v", shuffled, got, want)
		}
	}
	if !idLess("9", "10") || idLess("10", "9") || !idLess("R10", "R7") || !idLess("10", "a") {
		t.Error("idLess orders numbers by value and the rest by bytes")
	}
}

// TestIDsCapAndOrder: every comment is counted, the smallest MaxIDs ids
// are listed in order, a comment without an id is counted, not listed.
func TestIDsCapAndOrder(t *testing.T) {
	var s IDs
	for i := range 50 {
		s.Add(strconv.Itoa(i))
		if i == 3 {
			s.Add("")
		}
	}
	want := append(idList(0, 4), idList(4, MaxIDs)...)
	if s.Count != 51 || !reflect.DeepEqual(s.IDs, want) || !s.Capped() {
		t.Errorf("got %+v, want 51 and %q", s, want)
	}
	if cap(s.IDs) > MaxIDs {
		t.Errorf("capacity %d beyond the cap %d", cap(s.IDs), MaxIDs)
	}
	var few IDs
	few.Add("a")
	few.Add("b")
	if few.Count != 2 || !reflect.DeepEqual(few.IDs, []string{"a", "b"}) || few.Capped() {
		t.Errorf("got %+v", few)
	}
}

// TestIDsMerge: merged parts list the same ids as one run over all of
// them, whichever part fills the cap.
func TestIDsMerge(t *testing.T) {
	for _, cuts := range [][]int{{0, 3, 7, 50}, {0, 25, 30, 50}, {0, 0, 50, 50}, {0, 19, 20, 21}} {
		n := cuts[len(cuts)-1]
		var whole IDs
		for i := range n {
			whole.Add(strconv.Itoa(i))
		}
		var merged IDs
		for j := 1; j < len(cuts); j++ {
			var part IDs
			for i := cuts[j-1]; i < cuts[j]; i++ {
				part.Add(strconv.Itoa(i))
			}
			// Through JSON, as partial reports travel.
			b, err := json.Marshal(part)
			if err != nil {
				t.Fatal(err)
			}
			var back IDs
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			merged.Merge(back)
		}
		if merged.Count != whole.Count || !reflect.DeepEqual(merged.IDs, whole.IDs) {
			t.Errorf("cuts %v: merged %+v, whole %+v", cuts, merged, whole)
		}
	}
}

func TestIDsJSON(t *testing.T) {
	for _, tc := range []struct {
		ids  IDs
		want string
	}{
		{IDs{}, `{"count":0,"ids":[]}`},
		{IDs{Count: 3, IDs: []string{"a", "b"}}, `{"count":3,"ids":["a","b"]}`},
	} {
		if b, err := json.Marshal(tc.ids); err != nil || string(b) != tc.want {
			t.Errorf("%+v: %s, %v; want %s", tc.ids, b, err, tc.want)
		}
	}
}

// TestIDsNoAllocationOnceFull: counting allocates nothing once the list is
// full, and at most a few times while it fills.
func TestIDsNoAllocationOnceFull(t *testing.T) {
	var s IDs
	ids := make([]string, MaxIDs)
	for i := range ids {
		ids[i] = "x" + strconv.Itoa(i%10)
	}
	filling := testing.AllocsPerRun(1, func() {
		s = IDs{}
		for _, id := range ids {
			s.Add(id) // the Clone of each id, and the growth
		}
	})
	if filling > 2*MaxIDs {
		t.Errorf("%v allocations to fill", filling)
	}
	if a := testing.AllocsPerRun(100, func() { s.Add("another") }); a != 0 {
		t.Errorf("Add on a full list allocates %v times", a)
	}
	var k KPIIDs
	it := Item{ID: "a", NPSGroup: "detractor", Label: "negative", Themed: true}
	for range MaxIDs {
		k.Add(it)
	}
	if a := testing.AllocsPerRun(100, func() { k.Add(it) }); a != 0 {
		t.Errorf("KPIIDs.Add on full lists allocates %v times", a)
	}
}

// TestKPIIDsAgreeWithCounts: each list counts what Counts counts.
func TestKPIIDsAgreeWithCounts(t *testing.T) {
	ls := append(lines(10, 9, 9, 10, 9, 10, 7, 8, 3, 6), []byte(`{"id":"f","error":{"stage":"read","message":"bad"}}`),
		[]byte(`{"id":"m","nps":5,"csat":2,"sentiment":{"label":"mixed"},"themes":[{"path":"a"}]}`),
		[]byte(`{"id":"u","sentiment":{"label":"neutral"}}`), []byte(`{"id":"s","csat":5,"csat_group":"satisfied"}`))
	var c Counts
	var k KPIIDs
	for _, l := range ls {
		it, err := ParseItem(l)
		if err != nil {
			t.Fatal(err)
		}
		c.Add(it)
		k.Add(it)
	}
	for _, tc := range []struct {
		name  string
		count int
		ids   IDs
		want  []string
	}{
		{"promoters", c.Promoters, k.Promoters, []string{"0", "1", "2", "3", "4", "5"}},
		{"passives", c.Passives, k.Passives, []string{"6", "7"}},
		{"detractors", c.Detractors, k.Detractors, []string{"8", "9", "m"}},
		{"csat_satisfied", c.CSATSatisfied, k.CSATSatisfied, []string{"s"}},
		{"positive", c.Positive, k.Positive, []string{"0", "2", "4", "6", "8"}},
		{"negative", c.Negative, k.Negative, []string{"1", "3", "5", "7", "9"}},
		{"neutral", c.Neutral, k.Neutral, []string{"u"}},
		{"mixed", c.Mixed, k.Mixed, []string{"m"}},
		{"themed", c.Themed, k.Themed, []string{"0", "2", "4", "6", "8", "m"}},
	} {
		if tc.ids.Count != tc.count || !reflect.DeepEqual(tc.ids.IDs, tc.want) {
			t.Errorf("%s: %+v, want %d %q", tc.name, tc.ids, tc.count, tc.want)
		}
	}
}

// TestFigureIDs: a breakdown segment lists its comments, detractors and
// negative comments; a theme's impact row its comments and its negative
// and positive mentions (a parent takes its most negative child's).
func TestFigureIDs(t *testing.T) {
	ls := [][]byte{
		[]byte(`{"id":"a","touchpoint":"app","nps":2,"sentiment":{"label":"negative"},"themes":[{"path":"service/reachability","label":"negative"},{"path":"service","label":"positive"}]}`),
		[]byte(`{"id":"b","touchpoint":"app","nps":10,"sentiment":{"label":"positive"},"themes":[{"path":"service","label":"positive"}]}`),
		[]byte(`{"id":"c","touchpoint":"app","nps":0,"sentiment":{"label":"neutral"},"themes":[]}`),
		[]byte(`{"id":"d","touchpoint":"app","error":{"stage":"read","message":"bad"}}`),
	}
	b, im := NewBreakdown(ByTouchpoint), Impacts{}
	for _, l := range ls {
		it, err := ParseItem(l)
		if err != nil {
			t.Fatal(err)
		}
		b.Add(it)
		im.Add(it)
	}
	seg := b.Figures(4, 1)[0]
	want := SegmentIDs{Comments: IDs{4, []string{"a", "b", "c", "d"}}, Detractors: IDs{2, []string{"a", "c"}}, Negative: IDs{1, []string{"a"}}}
	if !reflect.DeepEqual(seg.IDs, want) || seg.N != seg.IDs.Comments.Count {
		t.Errorf("segment ids %+v, want %+v", seg.IDs, want)
	}
	var all Counts
	for _, l := range ls {
		it, _ := ParseItem(l)
		all.Add(it)
	}
	rows := map[string]ThemeIDs{}
	for _, r := range im.Figures(all, 1) {
		rows[r.Theme] = r.IDs
		if r.N != r.IDs.Comments.Count {
			t.Errorf("%s: n %d, %d ids", r.Theme, r.N, r.IDs.Comments.Count)
		}
	}
	if got, want := rows["service"], (ThemeIDs{Comments: IDs{2, []string{"a", "b"}}, Negative: IDs{1, []string{"a"}}, Positive: IDs{1, []string{"b"}}}); !reflect.DeepEqual(got, want) {
		t.Errorf("service: %+v, want %+v", got, want)
	}
	if got, want := rows["service/reachability"], (ThemeIDs{Comments: IDs{1, []string{"a"}}, Negative: IDs{1, []string{"a"}}}); !reflect.DeepEqual(got, want) {
		t.Errorf("service/reachability: %+v, want %+v", got, want)
	}
}

// TestFigureIDsMerge: breakdowns, impacts and comparison periods of parts,
// merged through their JSON, hold the ids of one run over all the data,
// also where a part boundary falls inside the first MaxIDs.
func TestFigureIDsMerge(t *testing.T) {
	var all [][]byte
	for i := range 70 {
		label, theme := "negative", `{"path":"t/child","label":"negative"}`
		if i%3 == 0 {
			label, theme = "positive", `{"path":"t","label":"positive"}`
		}
		all = append(all, fmt.Appendf(nil, `{"id":"c%d","touchpoint":"tp%d","nps":%d,"sentiment":{"label":%q},"themes":[%s]}`, i, i%2, i%11, label, theme))
	}
	type state struct {
		B  *Breakdown
		Im Impacts
		S  *Side
		K  KPIIDs
	}
	tally := func(ls [][]byte) state {
		s := state{NewBreakdown(ByTouchpoint), Impacts{}, NewSide(ByTouchpoint), KPIIDs{}}
		for _, l := range ls {
			it, err := ParseItem(l)
			if err != nil {
				t.Fatal(err)
			}
			s.B.Add(it)
			s.Im.Add(it)
			s.S.Add(it)
			s.K.Add(it)
		}
		return s
	}
	whole := tally(all)
	merged := state{NewBreakdown(ByTouchpoint), Impacts{}, NewSide(ByTouchpoint), KPIIDs{}}
	for _, part := range [][][]byte{all[:5], all[5:33], all[33:]} {
		b, err := json.Marshal(tally(part))
		if err != nil {
			t.Fatal(err)
		}
		var p state
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		merged.B.Merge(p.B)
		merged.Im.Merge(p.Im)
		merged.S.Merge(p.S)
		merged.K.Merge(p.K)
	}
	wj, _ := json.Marshal(whole)
	mj, _ := json.Marshal(merged)
	if string(wj) != string(mj) {
		t.Errorf("merged parts differ from the whole:\n%s\n%s", mj, wj)
	}
	if ids := whole.B.Segments["tp0"].IDs.Comments; ids.Count != 35 || len(ids.IDs) != MaxIDs || ids.IDs[1] != "c10" {
		t.Errorf("tp0: %+v", ids)
	}
}

// BenchmarkCountWithIDs measures the counting a report does per record
// once it is parsed (the KPIs and their ids, breakdowns by theme, month
// and touchpoint, theme impact), over the sample's analysed lines repeated
// 400 times a run (10,000 records): the id lists fill (the only
// allocations of the ids, a fixed number a run) and then only count. On
// the development machine, about 1,050,000 records/s with the ids and
// about 1,100,000 without (HEAD before them), noise of the same size.
func BenchmarkCountWithIDs(b *testing.B) {
	data, err := os.ReadFile("testdata/analysed.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var items []Item
	for _, l := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		it, err := ParseItem(l)
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, it)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		var c Counts
		var k KPIIDs
		bs := []*Breakdown{NewBreakdown(ByTheme), NewBreakdown(ByMonth), NewBreakdown(ByTouchpoint)}
		im := Impacts{}
		for range 400 {
			for _, it := range items {
				c.Add(it)
				k.Add(it)
				im.Add(it)
				for _, bd := range bs {
					bd.Add(it)
				}
			}
		}
		n += 400 * len(items)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}
