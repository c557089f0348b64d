//go:build unix

package store

import "syscall"

// wOK is access(2)'s "may write" bit, the same on every Unix.
const wOK = 0x2

// folderWritable says whether the user may create files in dir, asking the
// OS rather than trying: a file made to find out would be litter if Kith
// were killed before removing it.
func folderWritable(dir string) error {
	return syscall.Access(dir, wOK)
}
