package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// scanner is what a row scan function reads from: a *sql.Rows of a list or
// the *sql.Row of a single lookup, so one function reads a row either way.
type scanner interface {
	Scan(dest ...any) error
}

// each calls fn on every row of a query and closes the rows. It takes the
// query's error too, so a call site hands over both results of tx.query
// and checks one error: from the query, from fn, or from rows.Err (a read
// that ended early, which a bare rows.Next loop forgets to ask about). The
// rows are closed before each returns, so the caller may query again
// within the same transaction straight away. Callers wrap the error with
// what they were loading.
func each(rows *sql.Rows, err error, fn func(row scanner) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// collect reads every row of a query with scan, as each does. The slice is
// never nil, even with no rows, so a list encodes as [] in JSON, not null.
func collect[T any](rows *sql.Rows, err error, scan func(row scanner) (T, error)) ([]T, error) {
	out := []T{}
	err = each(rows, err, func(row scanner) error {
		v, err := scan(row)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// collectRows reads every row of a query as collect does, for a long list
// of plain rows: each is scanned through dest, pointers into v made once,
// and v is appended. A value a closure scans and returns escapes to the
// heap, and so does the argument list of each Scan: two allocations a row,
// at 50,000 rows more memory than the rows themselves, and on a machine
// where fresh memory is slow to touch, much of a read's time. Every field
// of v that dest does not reach stays as it was.
func collectRows[T any](rows *sql.Rows, err error, v *T, dest ...any) ([]T, error) {
	out := []T{}
	err = each(rows, err, func(row scanner) error {
		if err := row.Scan(dest...); err != nil {
			return err
		}
		out = append(out, *v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// only returns the one row a lookup by id loaded, or notFound when it
// loaded none.
func only[T any](list []T, err error, notFound error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	if len(list) == 0 {
		return zero, notFound
	}
	return list[0], nil
}

// withDetails completes each loaded row with fill, stopping at the first
// error. It runs after collect has closed the rows, since a row's details
// are queries of their own.
func withDetails[T any](list []T, fill func(*T) error) ([]T, error) {
	for i := range list {
		if err := fill(&list[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// scanOne is the scan function of one-column rows.
func scanOne[T any](row scanner) (T, error) {
	var v T
	err := row.Scan(&v)
	return v, err
}

// changeRows runs a write that must match a row. A database failure comes
// back wrapped with doing; a write that matched nothing returns none(), the
// typed error the user acts on, unwrapped so its message reads as written.
// none is a function because some messages look names up.
func (tx *Tx) changeRows(doing string, none func() error, query string, args ...any) error {
	res, err := tx.exec(query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", doing, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", doing, err)
	}
	if n == 0 {
		return none()
	}
	return nil
}

// insertID runs an INSERT and returns the new row's id.
func (tx *Tx) insertID(query string, args ...any) (int64, error) {
	res, err := tx.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// orNull stores the zero value as NULL: Kith's structs say "none" with 0
// (no referrer, no cadence override, no circle), the schema with NULL.
func orNull[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

// orZero reads a nullable integer column into *p, NULL giving 0: the
// reverse of orNull, so a struct field needs no sql.NullInt64 beside it.
type orZero[T ~int | ~int64] struct{ p *T }

// Scan implements sql.Scanner.
func (z orZero[T]) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*z.p = T(n.Int64)
	return nil
}

// parseStamp reads a timestamp as the store writes it (RFC 3339, UTC). A
// stamp that does not parse is an error, not the zero time: a damaged row
// should be reported, not shown as "created in year 1".
func parseStamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("timestamp %q: %w", s, err)
	}
	return t, nil
}

// stampOf reads a timestamp column into *p with parseStamp, so a bad stamp
// fails the scan and the caller's error names the row being loaded.
type stampOf struct{ p *time.Time }

// Scan implements sql.Scanner.
func (s stampOf) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case string:
		text = v
	case []byte:
		text = string(v)
	case time.Time:
		*s.p = v.UTC()
		return nil
	default:
		return fmt.Errorf("cannot read a timestamp from %T", src)
	}
	t, err := parseStamp(text)
	if err != nil {
		return err
	}
	*s.p = t
	return nil
}

// splitRoles reads a group_concat of role names into display order. It
// runs once per row of every list, so it allocates only the slice it returns.
func splitRoles(s string) []crm.RoleKind {
	out := []crm.RoleKind{}
	if s == "" {
		return out
	}
	for r := range strings.SplitSeq(s, ",") {
		out = append(out, crm.RoleKind(r))
	}
	if len(out) > 1 {
		sort.SliceStable(out, func(i, j int) bool { return roleRank(out[i]) < roleRank(out[j]) })
	}
	return out
}

// roleRank is a role's place in crm.Roles, the order roles are shown in;
// an unknown one goes last.
func roleRank(r crm.RoleKind) int {
	for i, k := range crm.Roles {
		if k == r {
			return i
		}
	}
	return len(crm.Roles)
}

// likePattern makes a LIKE pattern that matches text anywhere, with the
// user's own % and _ taken literally (the queries say ESCAPE '\').
func likePattern(text string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.TrimSpace(text)) + "%"
}
