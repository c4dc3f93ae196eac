//go:build linux

package index_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stimmung/stimmung/pipeline/index"
)

// An import on a full disk stops with a clear error instead of spinning
// (scorch retries a failed persist forever), and the index it leaves is
// marked as interrupted, so that a re-run on a disk with room completes it.
// The disk is a small tmpfs; mounting one needs root: without it the test
// skips.
func TestFullDisk(t *testing.T) {
	disk := t.TempDir()
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=512k"); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(disk, 0) })

	recs := analysed(t, strings.Repeat(`{"id":"a","text":"Die Lieferung kam drei Tage zu spät, der Kundenservice war unfreundlich und niemand hat sich gemeldet."}`+"\n", 1))
	dir := filepath.Join(disk, "ix")
	ix, err := index.OpenWriter(dir, false)
	if err != nil {
		t.Fatalf("the index should fit an empty 512 KB disk: %v", err)
	}
	w, err := index.NewWriter(ix, map[string]string{"test": "1"}, 50)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			r := *recs[0]
			r.ID = "c" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i)
			if err := w.Write(&r); err != nil {
				done <- err
				return
			}
			if i > 2_000_000 {
				done <- nil
				return
			}
		}
	}()
	var werr error
	select {
	case werr = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the import did not stop within 60 s on a full disk")
	}
	if werr == nil {
		t.Fatal("2 million documents fit a 512 KB disk?")
	}
	cerr := w.Close()
	t.Logf("write: %v; close: %v", werr, cerr)
	if !strings.Contains(werr.Error(), "no space") {
		t.Errorf("write error %v: want the full disk named", werr)
	}
	ix.Close()

	// With room again, a re-run opens the index, sees the unfinished
	// import and completes it.
	if err := syscall.Mount("tmpfs", disk, "tmpfs", syscall.MS_REMOUNT, "size=64m"); err != nil {
		t.Skipf("cannot grow the tmpfs: %v", err)
	}
	ix, err = index.OpenWriter(dir, false)
	if err != nil {
		t.Fatalf("reopen after the full disk: %v", err)
	}
	if !ix.Meta.Importing {
		t.Error("the interrupted import is not marked")
	}
	w, err = index.NewWriter(ix, map[string]string{"test": "1"}, 50)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		r := *recs[0]
		r.ID = "again" + itoa(i)
		if err := w.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("re-run: %v", err)
	}
	if ix.Meta.Importing {
		t.Error("the completed import is still marked as under way")
	}
	ix.Close()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the index is gone: %v", err)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
