// Package privatefile writes the files Kith exports (calendars, CSV),
// which hold names and notes: readable by the user alone, and replaced
// atomically, so a calendar app subscribed to the file or a sync folder
// holding it never reads half a file.
package privatefile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write streams what write writes into path: a temporary file in the same
// folder, mode 0600, flushed to disk and renamed over path. On any error
// path is left as it was and the temporary file removed. Errors of the
// file carry "write path"; an error of write comes back as it is.
func Write(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// CreateTemp makes the file 0600 where the OS has modes; say so anyway,
	// since the export is private by design, not by that detail.
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the OS allows it (not on
// Windows, where opening a folder for sync fails; the rename still stands).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
