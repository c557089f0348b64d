package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// checkWritable makes sure, before SQLite is asked to write, that the file
// and its folder take writes: SQLite would otherwise open the file
// read-only and fail at the first write with "attempt to write a readonly
// database", which says nothing of the folder. Nothing is left behind.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return fmt.Errorf("%s is read-only for you: commands that only read (contact list, due, export ...) can read it, but nothing can be saved to it until you may write it", path)
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	f.Close()
	dir := filepath.Dir(path)
	if err := folderWritable(dir); err != nil {
		return fmt.Errorf("cannot save to %s: the folder %s does not let you create files (%w), and Kith keeps its journal (%s-wal and -shm) beside the database while it saves; make the folder writable, or use commands that only read",
			path, dir, err, filepath.Base(path))
	}
	return nil
}
