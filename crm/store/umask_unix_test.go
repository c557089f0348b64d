//go:build unix

package store

import (
	"syscall"
	"testing"
)

// usualUmask sets the umask most systems start with for the test: a new
// file would be world-readable under it unless Kith asks otherwise.
func usualUmask(t *testing.T) {
	old := syscall.Umask(0o022)
	t.Cleanup(func() { syscall.Umask(old) })
}
