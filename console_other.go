//go:build !windows

package main

// useParentConsole is needed on Windows only, where the GUI build has no
// console of its own.
func useParentConsole() {}
