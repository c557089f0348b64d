package linkedin

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kithcrm/kith/crm/internal/formattest"
)

// FuzzRead feeds Read arbitrary bytes: it must never panic, and every row
// it returns must be well formed. Errors (ErrNoHeader above all) are fine.
func FuzzRead(f *testing.F) {
	formattest.Fuzz(f, "*.csv", Read, ErrNoHeader, checkFuzzedRows,
		"First Name,Last Name,Connected On\n\"A,\"\"B\nC\",D,1 Jan 2020\n")
}

// checkFuzzedRows checks every row, each on a line after the last.
func checkFuzzedRows(t *testing.T, rows []Row) {
	last := 0
	for _, r := range rows {
		checkFuzzedRow(t, r, last)
		last = r.Line
	}
}

func checkFuzzedRow(t *testing.T, r Row, last int) {
	t.Helper()
	if r.Line <= last {
		t.Fatalf("row at line %d after line %d", r.Line, last)
	}
	var re *RowError
	if r.Err != nil && (!errors.As(r.Err, &re) || re.Line != r.Line) {
		t.Fatalf("line %d: error %v is not a *RowError of its line", r.Line, r.Err)
	}
	c := r.Contact
	if r.Err == nil && (c.Name == "" || c.Validate() != nil) {
		t.Fatalf("line %d accepted but not a valid contact: %+v", r.Line, c)
	}
	for _, s := range []string{c.Name, c.Company, c.Title} {
		if strings.ContainsAny(s, "\r\n") || s != strings.TrimSpace(s) {
			t.Fatalf("line %d: %q is not one trimmed line", r.Line, s)
		}
	}
	if !utf8.ValidString(c.Name) && r.Err == nil {
		t.Logf("line %d: name %q is not UTF-8", r.Line, c.Name)
	}
}
