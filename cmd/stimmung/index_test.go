package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stimmung/stimmung/pipeline/index"
)

// TestMain lets a test run the CLI in a child process (for kill -9):
// CHILD_OF_STIMMUNG_TEST holds the arguments as a JSON array.
func TestMain(m *testing.M) {
	if args := os.Getenv("CHILD_OF_STIMMUNG_TEST"); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			panic(err)
		}
		os.Exit(runProcess(a))
	}
	os.Exit(m.Run())
}

// child starts the CLI with args in a new process.
func child(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	b, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CHILD_OF_STIMMUNG_TEST="+string(b))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

// writeComments writes n JSON lines with ids K00000.. and varied text;
// with variant the texts differ (a changed export).
func writeComments(t *testing.T, path string, n int, variant string) {
	t.Helper()
	words := []string{"Lieferung", "Kundenservice", "Rechnung", "App", "Hotline", "Verpackung", "Preis", "Filiale"}
	moods := []string{"war super", "kam zu spät", "ist nicht erreichbar", "war okay", "hat mich geärgert", "gefällt mir nicht"}
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"K%05d","date":"2024-%02d-%02d","nps":%d,"text":"Die %s %s, Bestellung %d %s."}`+"\n",
			i, i%12+1, i%28+1, i%11, words[i%len(words)], moods[(i/7)%len(moods)], i, variant)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func docCount(t *testing.T, dir string) (uint64, index.Meta) {
	t.Helper()
	ix, err := index.Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n, err := ix.Bleve.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	return n, ix.Meta
}

func TestIndexUpsert(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "a.jsonl")
	dir := filepath.Join(tmp, "ix")
	writeComments(t, in, 500, "")
	for range 2 {
		if code, _, errs := runCLI(t, "index", "-q", "--index", dir, in); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	if n, _ := docCount(t, dir); n != 500 {
		t.Fatalf("after indexing twice: %d documents, want 500", n)
	}
	// A changed export replaces the old versions.
	writeComments(t, in, 500, "geändert")
	if code, _, errs := runCLI(t, "index", "-q", "--index", dir, in); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n, _ := docCount(t, dir); n != 500 {
		t.Fatalf("after a changed export: %d documents, want 500", n)
	}
	_, out, _ := runCLI(t, "search", "--index", dir, "--format", "json", "--limit", "0", "geändert")
	if !strings.HasPrefix(out, `{"total":500,`) {
		t.Errorf("search for the changed word: %s", out)
	}
	// --rebuild starts again from nothing.
	writeComments(t, in, 200, "")
	if code, _, errs := runCLI(t, "index", "-q", "--rebuild", "--index", dir, in); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n, _ := docCount(t, dir); n != 200 {
		t.Fatalf("after --rebuild: %d documents, want 200", n)
	}
}

// TestSecondWriter: while one process writes an index, a second writer and
// a search each get a clear error within two seconds instead of waiting.
func TestSecondWriter(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "a.jsonl")
	dir := filepath.Join(tmp, "ix")
	writeComments(t, in, 50, "")
	if code, _, errs := runCLI(t, "index", "-q", "--index", dir, in); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ix, err := index.Open(dir, true) // the first writer
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, args := range [][]string{
		{"index", "-q", "--index", dir, in},
		{"analyze", "-q", "--index", dir, in},
		{"search", "--index", dir, "Lieferung"},
	} {
		start := time.Now()
		code, _, errs := runCLI(t, args...)
		took := time.Since(start)
		if code != ExitIO || !strings.Contains(errs, "is being written by another process (pid") {
			t.Errorf("%s: exit %d, stderr %q", args[0], code, errs)
		}
		if took > 2*time.Second {
			t.Errorf("%s: took %v, want under 2 s", args[0], took)
		}
	}
}

// TestKilledImport: an import killed with SIGKILL in the middle leaves an
// index that opens; running the import again completes it, without
// duplicates.
func TestKilledImport(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	tmp := t.TempDir()
	in := filepath.Join(tmp, "a.jsonl")
	dir := filepath.Join(tmp, "ix")
	const n = 40000
	writeComments(t, in, n, "")
	cmd, stderr := child(t, "index", "-q", "--batch-size", "500", "--index", dir, in)
	// Kill once some batches are on disk: the index's segment files appear.
	deadline := time.Now().Add(20 * time.Second)
	for {
		segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
		if len(segs) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no segment written within 60 s; the import said: %s", stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the import ended before it was killed (%v: %s): make the input bigger", err, stderr)
	}

	got, meta := docCount(t, dir)
	t.Logf("killed after %d of %d documents", got, n)
	if got >= n {
		t.Fatalf("the killed import has all %d documents: kill it earlier", got)
	}
	if !meta.Importing {
		t.Error("the index does not say that its import was interrupted")
	}
	code, _, errs := runCLI(t, "index", "--index", dir, in)
	if code != 0 {
		t.Fatalf("re-run: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "did not finish") {
		t.Errorf("re-run does not warn about the interrupted import: %s", errs)
	}
	got, meta = docCount(t, dir)
	if got != n || meta.Importing {
		t.Fatalf("after the re-run: %d documents (want %d), importing %v", got, n, meta.Importing)
	}
	// Every id once: a search for one id's number finds one document.
	_, out, _ := runCLI(t, "search", "--index", dir, "--format", "json", "--limit", "0", "123")
	if !strings.HasPrefix(out, `{"total":1,`) {
		t.Errorf("one comment, one document: %s", out)
	}
}

// TestShards: --shard month writes one index per month, search reads them
// together (and only the months a date filter can match), and indexing
// again upserts within each month.
func TestShards(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "a.jsonl")
	dir := filepath.Join(tmp, "shards")
	writeComments(t, in, 240, "")
	// One record without a date goes to the undated shard.
	f, _ := os.OpenFile(in, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"id":"nodate","text":"Die Lieferung kam nie an."}` + "\n")
	f.Close()
	for range 2 {
		code, _, errs := runCLI(t, "index", "--shard", "month", "--index", dir, in)
		if code != 0 || !strings.Contains(errs, "241 documents written into 13 monthly shards") {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, "2024-*"))
	if len(names) != 12 {
		t.Errorf("%d month directories, want 12: %v", len(names), names)
	}
	total := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLI(t, append([]string{"search", "--index", dir, "--format", "json", "--limit", "0"}, args...)...)
		if code != 0 {
			t.Fatalf("search %v: exit %d: %s", args, code, errs)
		}
		return out[:strings.Index(out, ",")]
	}
	if got := total(); got != `{"total":241` {
		t.Errorf("all shards: %s, want 241 (no duplicates after indexing twice)", got)
	}
	if got := total("--since", "2024-03-01", "--until", "2024-04-30"); got != `{"total":40` {
		t.Errorf("March and April: %s, want 40", got)
	}
	if got := total("--facet", "month", "Lieferung"); got != `{"total":31` {
		t.Errorf("Lieferung: %s, want 31", got)
	}
	// A single-index command on a shard root says what to do.
	if code, _, errs := runCLI(t, "index", "--index", dir, in); code != ExitUsage || !strings.Contains(errs, "add --shard month") {
		t.Errorf("index without --shard on shards: exit %d: %s", code, errs)
	}
}

// TestSearchDeterministic: the same input gives the same search output
// whatever the workers and batch size that built the index.
func TestSearchDeterministic(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "a.jsonl")
	writeComments(t, in, 300, "")
	var outs []string
	for i, args := range [][]string{{"-j", "1", "--batch-size", "7"}, {"-j", "2", "--batch-size", "1000"}, {"-j", "2", "--batch-size", "1"}} {
		dir := filepath.Join(tmp, fmt.Sprint("ix", i))
		if code, _, errs := runCLI(t, append([]string{"index", "-q", "--index", dir}, append(args, in)...)...); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var all string
		for _, q := range [][]string{{"Lieferung", "nicht"}, {"--sort", "-nps", "--facet", "month,label"}, {"--sort", "priority", "--nps", "detractor"}} {
			_, out, _ := runCLI(t, append([]string{"search", "--index", dir, "--format", "json", "--limit", "50"}, q...)...)
			all += out
		}
		outs = append(outs, all)
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			a, b := strings.Split(outs[0], "},{"), strings.Split(outs[i], "},{")
			for k := range min(len(a), len(b)) {
				if a[k] != b[k] {
					t.Errorf("build %d gives other search results than build 0:\n%.300s\n%.300s", i, a[k][strings.Index(a[k], "_score"):], b[k][strings.Index(b[k], "_score"):])
					break
				}
			}
		}
	}
}

// TestAnalyzeIndex: analyze --index writes its output and the index.
func TestAnalyzeIndex(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "a.jsonl")
	dir := filepath.Join(tmp, "ix")
	writeComments(t, in, 120, "")
	code, out, errs := runCLI(t, "analyze", "--index", dir, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(out, "\n"); n != 120 {
		t.Errorf("%d output lines, want 120", n)
	}
	if !strings.Contains(errs, "120 documents written, 120 in the index") {
		t.Errorf("summary: %s", errs)
	}
	if n, meta := docCount(t, dir); n != 120 || meta.Importing || meta.Versions["themes"] == "" || meta.Versions["lexicon.de"] == "" {
		t.Errorf("%d documents, meta %+v", n, meta)
	}
}
