package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// readHeader returns the first 100 bytes of a file, SQLite's database
// header, or fewer when the file is shorter.
func readHeader(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := make([]byte, 100)
	n, err := io.ReadFull(f, h)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return h[:n], nil
}

// isSQLite says whether a header is an SQLite database's.
func isSQLite(h []byte) bool { return len(h) == 100 && bytes.HasPrefix(h, sqliteMagic) }

// isWAL says whether an SQLite header marks the database as in WAL mode
// (file format versions 2), which SQLite reads through a -wal and -shm file.
func isWAL(h []byte) bool { return isSQLite(h) && h[18] == 2 && h[19] == 2 }

// exists says whether a file is there; an error other than its absence
// counts as there, so that nothing is written over what could not be seen.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, os.ErrNotExist)
}

// syncFile flushes a file's contents to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename or a new file in dir durable where the OS allows
// it (not on Windows, where a folder cannot be opened to sync; the rename
// still stands).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// copyFile copies src to dest, a new file private to the user, and flushes it.
func copyFile(src, dest string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(dest)
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("copy %s to %s: %w", src, dest, err)
	}
	return out.Sync()
}
