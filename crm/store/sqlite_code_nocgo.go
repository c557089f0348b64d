//go:build !cgo

package store

// sqliteCode has no SQLite to ask without cgo. This file lets the store be
// type-checked for another OS from Linux (make darwin-vet), where cgo for
// that OS cannot be compiled; such a build cannot open a database anyway.
func sqliteCode(error) (code int, ok bool) { return 0, false }
