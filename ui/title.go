package ui

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/kithcrm/kith/crm/store"
)

// windowTitle is "Kith" on the default database and names the database
// otherwise, so that two windows on two books (a real one and a copy being
// tried out) can be told apart in the task bar: "Kith — work.db (~/books)".
func windowTitle(path, defaultPath string) string {
	if path == "" || defaultPath != "" && samePath(path, defaultPath) {
		return "Kith"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "Kith — " + filepath.Base(abs) + " (" + homeRelative(filepath.Dir(abs)) + ")"
}

func samePath(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

// homeRelative writes a folder under the user's home as ~/…, as file
// managers and shells show it.
func homeRelative(dir string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return dir
	}
	if dir == home {
		return "~"
	}
	if rest, ok := strings.CutPrefix(dir, home+string(filepath.Separator)); ok {
		return filepath.Join("~", rest)
	}
	return dir
}

// defaultPathOrEmpty is the default database's path, empty when the OS has
// no per-user folder for it (the title then names whatever is open).
func defaultPathOrEmpty() string {
	p, err := store.DefaultPath()
	if err != nil {
		return ""
	}
	return p
}
