package main

import "syscall"

// stdoutClosedAtStart reports whether the standard output was closed when
// the process started (stimmung ... >&-). The Go runtime then opens
// /dev/null in its place, read-write, so that a later file does not take
// descriptor 1; writes would vanish without an error. A shell's
// > /dev/null opens it write-only, so the two can be told apart.
func stdoutClosedAtStart() bool {
	var out, null syscall.Stat_t
	if syscall.Fstat(1, &out) != nil || syscall.Stat("/dev/null", &null) != nil {
		return false
	}
	if out.Mode&syscall.S_IFMT != syscall.S_IFCHR || out.Rdev != null.Rdev {
		return false
	}
	flags, _, errno := syscall.Syscall(syscall.SYS_FCNTL, 1, syscall.F_GETFL, 0)
	return errno == 0 && flags&syscall.O_ACCMODE == syscall.O_RDWR
}
