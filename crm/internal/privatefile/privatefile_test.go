package privatefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Write replaces a file readable by others with one readable by the user
// alone, or, when the writer fails, leaves it as it was and returns the
// writer's own error; either way nothing else is left in the folder.
func TestWrite(t *testing.T) {
	big := strings.Repeat("x", 200_000) // more than the buffer holds
	boom := errors.New("boom")
	for _, c := range []struct {
		name  string
		write func(io.Writer) error
		err   error
		want  string
		mode  fs.FileMode
	}{
		{"replaced", func(w io.Writer) error { _, err := io.WriteString(w, big); return err }, nil, big, 0o600},
		{"writer fails", func(w io.Writer) error { io.WriteString(w, "half a file"); return boom }, boom, "old", 0o644},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "people.csv")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := Write(path, c.write); err != c.err {
				t.Errorf("Write: %v, want %v", err, c.err)
			}
			if data, err := os.ReadFile(path); err != nil || string(data) != c.want {
				t.Errorf("file holds %d bytes, %v; want %d", len(data), err, len(c.want))
			}
			if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != c.mode {
				t.Errorf("mode %v (%v), want %v", fi.Mode().Perm(), err, c.mode)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left in the folder: %v", entries)
			}
		})
	}
}

// A folder that does not exist is an error that names the path.
func TestWriteIntoAMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing", "kith.ics")
	if err := Write(missing, func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("got %v, want an error naming %s", err, missing)
	}
}
