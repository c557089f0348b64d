package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// RemoveStale takes only Write's own temporaries of the file, and only old
// ones: never the file, another file's temporaries, a look-alike name, a
// folder, or the temporary of a write still running.
func TestRemoveStaleTakesOnlyOldTemporariesOfTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.ics")
	old := time.Now().Add(-time.Hour)
	touch := func(name string, age time.Time) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, age, age); err != nil {
			t.Fatal(err)
		}
	}
	touch(".out.ics.1234.tmp", old)
	touch(".out.ics.5678.tmp", old)
	touch(".out.ics.42.tmp", time.Now())
	for _, name := range []string{"out.ics", ".out.ics.x1.tmp", ".out.ics..tmp", ".out.icsx.1.tmp", ".other.ics.1.tmp", ".out.ics.1.tmp~"} {
		touch(name, old)
	}
	if err := os.Mkdir(filepath.Join(dir, ".out.ics.77.tmp"), 0o700); err != nil {
		t.Fatal(err)
	}
	if n := RemoveStale(path, StaleAge); n != 2 {
		t.Errorf("removed %d files, want 2", n)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{".other.ics.1.tmp", ".out.ics..tmp", ".out.ics.1.tmp~", ".out.ics.42.tmp", ".out.ics.77.tmp", ".out.ics.x1.tmp", ".out.icsx.1.tmp", "out.ics"}
	if len(left) != len(want) {
		t.Fatalf("left %q, want %q", left, want)
	}
	for i := range want {
		if left[i] != want[i] {
			t.Errorf("left %q, want %q", left, want)
			break
		}
	}
	if n := RemoveStale(filepath.Join(dir, "missing", "out.ics"), StaleAge); n != 0 {
		t.Errorf("a missing folder: removed %d", n)
	}
}
