package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/internal/storetest"
)

// kith runs one command line against db and returns stdout, stderr and the
// exit status, exactly as a user's script would see them.
func kith(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := kithMain(full, &out, &errOut)
	return out.String(), errOut.String(), code
}

// kithMain is what main does with a command line that names a command:
// parse the global flags, then run the command.
func kithMain(args []string, stdout, stderr io.Writer) int {
	o, rest, err := ParseGlobal(args, os.Getenv)
	if err != nil {
		return Report(stderr, err)
	}
	return Run(o, rest, stdout, stderr)
}

// mustKith runs a command that must succeed.
func mustKith(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := kith(t, db, args...)
	if code != 0 {
		t.Fatalf("kith %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// failing is a command line that must fail, and what its message must say.
type failing struct {
	args []string
	want string
}

// fails runs a command line that must fail with a message saying want,
// and returns its exit status for the caller to check further.
func fails(t *testing.T, db, want string, args ...string) int {
	t.Helper()
	_, errOut, code := kith(t, db, args...)
	if code == 0 || !strings.Contains(errOut, want) {
		t.Errorf("kith %s: exit %d, %q; want a failure mentioning %q", strings.Join(args, " "), code, strings.TrimSpace(errOut), want)
	}
	return code
}

// kithJSON runs a command and decodes its JSON output into v.
func kithJSON(t *testing.T, db string, v any, args ...string) {
	t.Helper()
	out := mustKith(t, db, args...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("kith %s: output is not JSON: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "kith.db")
}

// dumpDB renders every table of the database as sorted text rows, so a
// test can tell that a failed command changed nothing at all.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	return storetest.Dump(t, path)
}

// seed builds a small book used by several tests, seen from 2026-11-25.
// Each person was added to Kith the day they were met, so those never
// contacted are due a cadence after that day.
func seed(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	for _, args := range [][]string{
		// The Alex Kims have no role: this book checks on such people every
		// 90 days, as books made before imports do.
		{"cadence", "none", "90d"},
		{"contact", "add", "Priya Raman", "--role", "mentor", "--email", "work:priya@fabrikam.example", "--company", "Fabrikam",
			"--title", "Director of Product", "--met", "2025-03-10", "--source", "event", "--source-detail", "ProductCon",
			"--url", "https://www.linkedin.com/in/priyaraman", "--note", "prefers mornings"},
		{"contact", "add", "Sam Lee", "--role", "coach", "--met", "2026-10-01", "--cadence", "1w"},
		{"contact", "add", "Jo Park", "--role", "mentee", "--referred-by", "priya raman", "--met", "2026-09-01"},
		{"contact", "add", "Alex Kim", "--met", "2026-01-01"},
		{"contact", "add", "Alex Kim", "--met", "2026-02-01"},
		{"circle", "add", "Aspiring PMs", "--purpose", "trade PM lessons", "--cadence", "4w"},
		{"circle", "join", "aspiring pms", "Sam Lee", "Jo Park"},
		{"goal", "add", "Land a staff PM role", "--target", "2027-06-30", "--with", "Priya Raman"},
	} {
		day := "2026-11-25"
		if i := indexOf(args, "--met"); i >= 0 {
			day = args[i+1]
		}
		mustKith(t, db, append([]string{"--today", day}, args...)...)
	}
	return db
}
