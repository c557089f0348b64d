package linkedin

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds Read arbitrary bytes: it must never panic, and every row
// it returns must be well formed. Errors (ErrNoHeader above all) are fine.
func FuzzRead(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("First Name,Last Name,Connected On\n\"A,\"\"B\nC\",D,1 Jan 2020\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := Read(bytes.NewReader(data))
		if err != nil && !errors.Is(err, ErrNoHeader) {
			t.Fatalf("reading from memory failed: %v", err)
		}
		last := 0
		for _, r := range rows {
			checkFuzzedRow(t, r, last)
			last = r.Line
		}
	})
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
