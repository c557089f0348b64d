package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "restore", args: "FILE [--json]", summary: "Replace the database with a backup, keeping the current one in the backups folder.",
		help: `
FILE must be a Kith database: an SQLite file that passes SQLite's integrity
check, with Kith's schema record, no newer than this Kith. Anything else is
refused before the database is touched, naming the file and the reason.

The database being replaced is kept first, whole, as
backups/kith-before-restore-YYYY-MM-DD-HHMMSS.db beside it. The restored copy
is written beside the database and renamed over it, once the old -wal and
-shm files are gone. Close Kith's window first: a database another Kith has
open is refused. FILE itself is only read.

--json prints {database, restored_from, previous, schema, people, interactions}.`,
		json: true, nargs: 1, what: "FILE (the backup to restore)", handler: do(runRestore)})
}

// restored is what 'kith restore --json' prints.
type restored struct {
	Database     string `json:"database"`
	From         string `json:"restored_from"`
	Previous     string `json:"previous"` // "" when there was no database to keep
	Schema       int    `json:"schema"`
	People       int    `json:"people"`
	Interactions int    `json:"interactions"`
}

func runRestore(e *env, pos []string) error {
	res, err := store.Restore(e.ctx(), e.opts.DB, pos[0], time.Now())
	if err != nil {
		return err
	}
	// Open the restored file as every write does: an older one is upgraded
	// (a copy kept first), and the live calendar follows the restored data.
	// The database as it was is kept already: no daily backup on top.
	e.noDaily = true
	if err := e.update(func(*store.Tx) error { return nil }); err != nil {
		return fmt.Errorf("restored %s from %s, but it does not open: %w", res.Database, res.From.Path, err)
	}
	out := restored{Database: res.Database, From: res.From.Path, Previous: res.Previous,
		Schema: res.From.Schema, People: res.From.People, Interactions: res.From.Interactions}
	return e.output(out, text(func(w io.Writer) {
		fmt.Fprintf(w, "restored %s from %s (%d people, %d interactions)\n", out.Database, out.From, out.People, out.Interactions)
		if out.Previous != "" {
			fmt.Fprintf(w, "the database it replaced is kept as %s\n", out.Previous)
		}
	}))
}
