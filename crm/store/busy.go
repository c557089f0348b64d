package store

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"
)

// busyTimeout is how long a transaction waits for another connection's
// lock (another Kith, the window, a headless command) before giving up.
// Tests shorten it.
var busyTimeout = 5 * time.Second

// busyMillis is busyTimeout as the DSN's _busy_timeout wants it.
func busyMillis() string { return strconv.FormatInt(busyTimeout.Milliseconds(), 10) }

// isBusy says whether err is SQLite giving up on a lock another connection holds.
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// busy says in words what SQLite's "database is locked" means for a person.
func busy(path string, err error) error {
	return fmt.Errorf("database is busy: another Kith is writing to %s (or another program holds it) and did not finish within %s; nothing was changed, try again when it is done: %w",
		path, busyTimeout, err)
}

// explainBusy rewords err when it is a lock wait that ran out, and returns
// it as it is otherwise.
func explainBusy(path string, err error) error {
	if err != nil && isBusy(err) {
		return busy(path, err)
	}
	return err
}
