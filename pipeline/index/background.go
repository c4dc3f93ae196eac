package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Scorch persists and merges in goroutines of its own. When that fails (a
// full disk) it reports the error to a callback and tries again, forever:
// without the callback an import on a full disk spun at 100% CPU with no
// message. The writer learns of the failure through background and stops
// with the error; the index keeps its "import under way" mark, so a re-run
// on a disk with room completes it.

// asyncErrorCallback names stimmung's callback in scorch's registry.
const asyncErrorCallback = "stimmung"

// ErrBackground says the index could not write in the background.
var ErrBackground = errors.New("the index could not write to disk")

// background is one open writable index's failure, if any.
type background struct {
	dir    string
	once   sync.Once
	failed chan struct{}
	err    error
}

var (
	backgroundsMu sync.Mutex
	backgrounds   = map[*background]bool{}
)

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = onBackgroundError
}

// watchBackground starts noting the background failures of the index at
// dir.
func watchBackground(dir string) *background {
	b := &background{dir: filepath.Clean(dir), failed: make(chan struct{})}
	backgroundsMu.Lock()
	backgrounds[b] = true
	backgroundsMu.Unlock()
	return b
}

// stop forgets b.
func (b *background) stop() {
	if b == nil {
		return
	}
	backgroundsMu.Lock()
	delete(backgrounds, b)
	backgroundsMu.Unlock()
}

// onBackgroundError is scorch's callback: path is the index's store
// directory, inside the index directory.
func onBackgroundError(err error, path string) {
	path = filepath.Clean(path)
	backgroundsMu.Lock()
	defer backgroundsMu.Unlock()
	for b := range backgrounds {
		if path == b.dir || strings.HasPrefix(path, b.dir+string(filepath.Separator)) {
			b.once.Do(func() {
				b.err = err
				close(b.failed)
			})
		}
	}
}

// failure returns the background failure, or nil.
func (b *background) failure() error {
	if b == nil {
		return nil
	}
	select {
	case <-b.failed:
		hint := ""
		if strings.Contains(b.err.Error(), "no space left") {
			hint = " (the disk is full: free space and run the import again; it completes the index)"
		}
		return fmt.Errorf("%w: %s: %v%s", ErrBackground, b.dir, b.err, hint)
	default:
		return nil
	}
}

// done is closed when the index failed in the background; nil (never
// closed) for an index opened to search.
func (b *background) done() <-chan struct{} {
	if b == nil {
		return nil
	}
	return b.failed
}
