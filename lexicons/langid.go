package lexicons

import (
	"embed"
	"io/fs"
)

// The generator under langid/gen is deliberately not embedded: only data
// files ship in the binary.
//
//go:embed langid/*.tsv
var langidFiles embed.FS

// LangID returns the data of the German/English language detector
// (words.tsv, trigrams.tsv), rooted at the langid directory. An fs.FS rather
// than exported byte slices keeps callers from mutating shared data.
func LangID() fs.FS {
	sub, err := fs.Sub(langidFiles, "langid")
	if err != nil {
		// fs.Sub only fails on an invalid path literal, which is a build bug.
		panic(err)
	}
	return sub
}
