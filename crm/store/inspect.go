package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// book is what a file at a database path turned out to be when looked at
// before anything was written to it or beside it.
type book int

const (
	noBook    book = iota // nothing there: a write creates it
	emptyBook             // zero bytes, or an SQLite file without tables: Kith may make it a book
	kithBook              // Kith's own, its schema version recorded in schema_migrations
)

// inspect looks at path without changing it, so that Kith makes a book only
// of a file that is empty or already its own, and refuses anything else
// (another program's database, text, a damaged or truncated file, a
// folder) byte for byte as it was, with no -wal or -shm beside it. For a
// Kith book it also returns the schema version the file records.
func inspect(path string, ms []migration) (book, int, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return noBook, 0, nil
	case err != nil:
		return 0, 0, fmt.Errorf("open database %s: %w", path, err)
	case fi.IsDir():
		return 0, 0, notABook(path, "it is a folder")
	case !fi.Mode().IsRegular():
		return 0, 0, notABook(path, "it is not a regular file")
	case fi.Size() == 0:
		return emptyBook, 0, nil
	}
	h, err := readHeader(path)
	if err != nil {
		return 0, 0, fmt.Errorf("open database %s: %w", path, err)
	}
	if why := damage(path, h, fi.Size()); why != "" {
		return 0, 0, notABook(path, why)
	}
	return inspectTables(path, ms)
}

// damage says why a file cannot be an intact SQLite database from its
// header and size alone, or "" when it may be one.
func damage(path string, h []byte, size int64) string {
	if len(h) < len(sqliteMagic) || string(h[:len(sqliteMagic)]) != string(sqliteMagic) {
		return "it is not an SQLite database at all"
	}
	if len(h) < 100 {
		return "it is truncated (shorter than an SQLite header)"
	}
	// The header records the page count when its "valid for" counter
	// matches the change counter. A file shorter than that lost its end,
	// unless a -wal beside it still holds pages a checkpoint was copying.
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := binary.BigEndian.Uint32(h[92:96]) == binary.BigEndian.Uint32(h[24:28])
	if valid && pages*pageSize > size && !nonEmpty(path+"-wal") {
		return fmt.Sprintf("it is truncated (%d bytes of the %d its header records)", size, pages*pageSize)
	}
	return ""
}

// inspectTables reads the tables of an SQLite file read-only to tell an
// empty file, a Kith book and another program's database apart.
func inspectTables(path string, ms []migration) (book, int, error) {
	db, err := sql.Open("sqlite3", lookDSN(path))
	if err != nil {
		return 0, 0, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	ctx := context.Background()
	tables, err := tableNames(ctx, db)
	if err != nil {
		if isBusy(err) {
			return 0, 0, busy(path, err)
		}
		return 0, 0, notABook(path, "SQLite cannot read it ("+err.Error()+")")
	}
	if len(tables) == 0 {
		if nonEmpty(path+"-wal") && !exists(path+"-shm") {
			// Read as immutable, the -wal unseen: what it holds may be
			// anything, and a write would take it in.
			return 0, 0, notABook(path, "it has a -wal journal beside it, unread (no -shm); open it with the program that made it first")
		}
		return emptyBook, 0, nil
	}
	if !contains(tables, "schema_migrations") {
		return 0, 0, foreign(path, tables)
	}
	var first sql.NullString
	var version sql.NullInt64
	err = db.QueryRowContext(ctx, `SELECT (SELECT name FROM schema_migrations WHERE version = 1),
		(SELECT max(version) FROM schema_migrations)`).Scan(&first, &version)
	switch {
	case err != nil:
		return 0, 0, foreign(path, tables)
	case !version.Valid && len(tables) == 1:
		// A first open killed after it made the table of records and
		// before the first step was recorded.
		return emptyBook, 0, nil
	case !first.Valid || len(ms) == 0 || first.String != ms[0].name:
		return 0, 0, foreign(path, tables)
	}
	return kithBook, int(version.Int64), nil
}

// lookDSN reads a file for inspect without changing it. With no -wal and
// -shm beside it, it is read as immutable: reading it the usual way would
// create them. With both there, it is in use or a writer was killed, and is
// read through its -wal, where the newest pages are.
func lookDSN(path string) string {
	uri := fileURI(path) + "?mode=ro&_busy_timeout=" + busyMillis()
	if exists(path+"-wal") && exists(path+"-shm") {
		return uri
	}
	return uri + "&immutable=1"
}

// tableNames lists the tables of a database, SQLite's own left out.
func tableNames(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// nonEmpty says whether a file is there with something in it.
func nonEmpty(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() > 0
}

// notABook refuses a file that is not a Kith database, naming it: the
// --db path is the user's input, and the file was left as it was.
func notABook(path, why string) error {
	return &crm.Error{Code: crm.EInvalid, Message: fmt.Sprintf(
		"%s is not a Kith database: %s; Kith opens only its own files or an empty one, and left this one unchanged", path, why)}
}

// foreign refuses another program's SQLite database, naming a few of its tables.
func foreign(path string, tables []string) error {
	shown := tables
	if len(shown) > 5 {
		shown = append(shown[:5:5], "...")
	}
	return notABook(path, "it is another program's SQLite database (tables "+strings.Join(shown, ", ")+")")
}
