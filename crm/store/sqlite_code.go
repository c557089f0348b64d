//go:build cgo

package store

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

// sqliteCode is the primary result code of an error SQLite returned; ok is
// false for any other error.
func sqliteCode(err error) (code int, ok bool) {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return int(se.Code), true
	}
	return 0, false
}
