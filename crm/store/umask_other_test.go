//go:build !unix

package store

import "testing"

// usualUmask does nothing where there is no umask (Windows).
func usualUmask(*testing.T) {}
