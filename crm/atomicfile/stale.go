package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// StaleAge is how old a temporary file of Write must be before
// RemoveStale takes it for one left by a write that was killed: a write in
// progress touches its file far more often than that.
const StaleAge = time.Minute

// RemoveStale removes the temporary files a killed Write of path left in
// its folder (".NAME.123456789.tmp"), once they are older than age. It
// touches only regular files of exactly that pattern, so never another
// program's files nor those of a Write still running, and reports how many
// it removed. A folder it cannot read is no error: the write that follows
// says what is wrong with it.
func RemoveStale(path string, age time.Duration) int {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)+"."
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !isTemporary(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || time.Since(fi.ModTime()) < age {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}

// isTemporary reports whether name is one of Write's temporary files for
// the file whose temporaries start with prefix: os.CreateTemp puts only
// digits where the pattern has its star.
func isTemporary(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return false
	}
	digits, ok := strings.CutSuffix(rest, ".tmp")
	if !ok || digits == "" {
		return false
	}
	return strings.Trim(digits, "0123456789") == ""
}
