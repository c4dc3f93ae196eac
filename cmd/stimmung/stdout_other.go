//go:build !linux

package main

// stdoutClosedAtStart is only detected on Linux (see stdout_linux.go).
func stdoutClosedAtStart() bool { return false }
