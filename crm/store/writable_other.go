//go:build !unix

package store

// folderWritable has no way to ask on Windows (a folder's read-only
// attribute does not stop files being made in it); SQLite's own error
// stands when the folder refuses.
func folderWritable(string) error { return nil }
