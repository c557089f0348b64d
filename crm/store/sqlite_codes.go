package store

// SQLite's primary result codes that Kith tells the user about in words
// (https://sqlite.org/rescode.html); they are fixed by SQLite's file format
// and API, so written here rather than read from the cgo driver.
const (
	codeBusy    = 5
	codeLocked  = 6
	codeCorrupt = 11
	codeNotADB  = 26
)

// sqliteFailed says whether err is SQLite failing with one of codes.
func sqliteFailed(err error, codes ...int) bool {
	c, ok := sqliteCode(err)
	if !ok {
		return false
	}
	for _, want := range codes {
		if c == want {
			return true
		}
	}
	return false
}
