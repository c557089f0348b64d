package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command that only reads refuses a --db path where there is no book,
// with a message saying how to make one, and creates nothing, not even the
// folder: a typo in the path must not look like an empty book. Commands
// that write create it.
func TestReadingCommandsRefuseAMissingBook(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "typo")
	db := filepath.Join(dir, "kith.db")
	for _, args := range [][]string{
		{"contact", "list"}, {"contact", "show", "Ana Lopez"}, {"due"}, {"review"}, {"profile"},
		{"export", "csv", "people"}, {"export", "vcard"}, {"export", "ics"}, {"backup", filepath.Join(t.TempDir(), "b.db")},
		{"interaction", "list"}, {"circle", "list"}, {"goal", "list"}, {"import", "list"}, {"calendar"},
		{"contact", "duplicates"}, {"commitment", "list"},
	} {
		_, errOut, code := kith(t, db, args...)
		want := "no Kith database at " + db + "; `kith --db " + db + " demo` or any write command creates one"
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("kith %s on a missing book: exit %d, %q; want exit 2 and %q", strings.Join(args, " "), code, strings.TrimSpace(errOut), want)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("kith %s made the folder of a missing book (%v)", strings.Join(args, " "), err)
		}
	}
	card := filepath.Join(t.TempDir(), "one.vcf")
	if err := os.WriteFile(card, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lopez\r\nEND:VCARD\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := mustKith(t, db, "import", "vcard", card, "--dry-run"); !strings.Contains(out, "Ana Lopez") {
		t.Errorf("the preview of an import into a missing book:\n%s", out)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the preview of an import made the folder (%v)", err)
	}
	mustKith(t, db, "contact", "add", "Ana Lopez")
	if out := mustKith(t, db, "contact", "list"); !strings.Contains(out, "Ana Lopez") {
		t.Errorf("after a write made the book:\n%s", out)
	}
}
