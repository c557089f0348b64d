package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// reader is the database for a command that only reads: the one open for
// writing if the command wrote, else the file opened read-only, so that
// looking at a backup with 'kith --db FILE contact list' leaves it as it
// was, byte for byte, with no -wal or -shm beside it.
func (e *env) reader() (*store.Store, error) {
	if e.st != nil {
		return e.st, nil
	}
	if e.ro == nil {
		if err := e.checkBookThere(); err != nil {
			return nil, err
		}
		st, err := store.OpenReadOnly(e.opts.DB)
		if err != nil {
			return nil, err
		}
		st.SetToday(e.opts.Today)
		e.ro = st
	}
	return e.ro, nil
}

// checkBookThere refuses a missing database for a command that only reads:
// a mistyped --db would otherwise show an empty book, and look like data
// lost. Nothing is created, not even the folder.
func (e *env) checkBookThere() error {
	if e.cmd != nil && e.cmd.previews {
		return nil
	}
	if _, err := os.Stat(e.opts.DB); errors.Is(err, os.ErrNotExist) {
		return &crm.Error{Code: crm.ENotFound, Message: fmt.Sprintf(
			"no Kith database at %s; `kith --db %s demo` or any write command creates one", e.opts.DB, shellQuote(e.opts.DB))}
	}
	return nil
}

// shellQuote quotes a path for a command line shown to copy, when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!*?&;|<>()[]{}#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (e *env) closeReader() {
	if e.ro != nil {
		e.ro.Close()
		e.ro = nil
	}
}

// backupClock is the time daily backups are named after; tests replace it.
// It is the real clock, never --today: a backup named after a day that
// is not today would be rotated against the wrong week.
var backupClock = time.Now

// dailyBackup makes the day's backup of a database opened for writing,
// before the command changes it. A failed backup is a warning on stderr:
// the command itself goes on.
func (e *env) dailyBackup() {
	if e.noDaily {
		return
	}
	if _, err := e.st.DailyBackup(e.ctx(), backupClock()); err != nil {
		fmt.Fprintf(e.errOut, "kith: warning: the daily backup failed (your command goes on): %v\n", err)
	}
}
