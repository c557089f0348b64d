package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// kith runs one command line against db and returns stdout, stderr and the
// exit status, exactly as a user's script would see them.
func kith(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := Main(full, &out, &errOut)
	return out.String(), errOut.String(), code
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
