package storetest

import (
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the driver the dump reads with
)

// Dump renders every table of the database at path, but those skipped, as
// sorted text rows, so a test can tell that a failed command or import
// changed nothing at all.
func Dump(tb testing.TB, path string, skip ...string) string {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	tables := column(tb, db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	var b strings.Builder
	for _, table := range tables {
		if slices.Contains(skip, table) {
			continue
		}
		lines := rowsOf(tb, db, table)
		sort.Strings(lines)
		fmt.Fprintf(&b, "== %s (%d)\n%s\n", table, len(lines), strings.Join(lines, "\n"))
	}
	return b.String()
}

// column reads the one text column a query returns.
func column(tb testing.TB, db *sql.DB, query string) []string {
	tb.Helper()
	rows, err := db.Query(query)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// rowsOf writes each row of table as one line of its values.
func rowsOf(tb testing.TB, db *sql.DB, table string) []string {
	tb.Helper()
	rows, err := db.Query("SELECT * FROM " + table)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		tb.Fatal(err)
	}
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		lines = append(lines, fmt.Sprint(vals...))
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return lines
}
