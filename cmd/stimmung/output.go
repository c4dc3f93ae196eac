package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// checkOutput refuses an output file that is one of the inputs: opening it
// for writing would empty the input before it is read. It compares the
// files themselves (os.SameFile, so hard links and symlinks count), and for
// an output that does not exist yet the path it resolves to. stdin ("-")
// counts when it is a regular file (< same.jsonl). "" and "-" (stdout) are
// never refused. flag names the output's flag in the message.
func checkOutput(flag, out string, inputs []string, stdin io.Reader) error {
	if out == "" || out == "-" {
		return nil
	}
	ofi, oerr := os.Stat(out)
	oresolved := resolvePath(out)
	for _, in := range inputs {
		var ifi fs.FileInfo
		var err error
		if in == "-" {
			f, ok := stdin.(*os.File)
			if !ok {
				continue
			}
			if ifi, err = f.Stat(); err != nil || !ifi.Mode().IsRegular() {
				continue
			}
		} else if ifi, err = os.Stat(in); err != nil {
			continue
		}
		same := oerr == nil && os.SameFile(ofi, ifi)
		if !same && oerr != nil && in != "-" {
			same = oresolved != "" && oresolved == resolvePath(in)
		}
		if same {
			name := in
			if in == "-" {
				name = "stdin"
			}
			return usageError{fmt.Errorf("%s %s is the input %s: writing it would destroy the input; choose another file", flag, out, name)}
		}
	}
	return nil
}

// resolvePath returns the absolute path p stands for with every symlink
// resolved, also when p itself does not exist (its directory is resolved),
// or "" when it cannot be resolved.
func resolvePath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		if a, err := filepath.Abs(r); err == nil {
			return a
		}
		return ""
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(p))
	if err != nil {
		return ""
	}
	a, err := filepath.Abs(filepath.Join(dir, filepath.Base(p)))
	if err != nil {
		return ""
	}
	return a
}

// outputFile is an output written into a temporary file next to its
// target and renamed over it by commit, so that the target is either what
// it was before or the whole new output, never half of it. abort (also
// after commit, so that it can be deferred) removes the temporary file.
//
// A target that exists and is not a regular file (/dev/null, a FIFO) is
// written directly: it cannot be replaced by renaming.
type outputFile struct {
	*os.File
	tmp    string // "" when writing directly
	target string
	mode   fs.FileMode
	done   bool
}

// createOutput opens the output for path. A symlink to a regular file is
// followed: the file it points to is replaced, the link stays.
func createOutput(path string) (*outputFile, error) {
	target := path
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			f, err := os.Create(path)
			if err != nil {
				return nil, err
			}
			return &outputFile{File: f, target: path}, nil
		}
		mode = fi.Mode().Perm()
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return nil, err
		}
	} else if _, lerr := os.Lstat(path); lerr == nil {
		// A dangling symlink: write through it as os.Create would.
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		return &outputFile{File: f, target: path}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			// Name the output, not the temporary file.
			err = &fs.PathError{Op: "create", Path: path, Err: pe.Err}
		}
		return nil, err
	}
	return &outputFile{File: f, tmp: f.Name(), target: target, mode: mode}, nil
}

// commit closes the output and puts it in place of the target.
func (o *outputFile) commit() error {
	o.done = true
	if o.tmp == "" {
		return o.File.Close()
	}
	err := o.File.Chmod(o.mode)
	if err == nil {
		err = o.File.Sync()
	}
	if cerr := o.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.tmp, o.target)
	}
	if err != nil {
		os.Remove(o.tmp)
		return err
	}
	return nil
}

// abort closes the output and removes the temporary file, leaving the
// target as it was. After commit it does nothing.
func (o *outputFile) abort() {
	if o.done {
		return
	}
	o.done = true
	o.File.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}
