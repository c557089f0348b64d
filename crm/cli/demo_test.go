package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoLoadsOnceOnly(t *testing.T) {
	db := tempDB(t)
	var n struct {
		People       int `json:"people"`
		Interactions int `json:"interactions"`
	}
	kithJSON(t, db, &n, "--today", "2026-11-25", "demo", "--json")
	if n.People < 12 || n.Interactions == 0 {
		t.Fatalf("demo loaded %+v", n)
	}
	_, errOut, code := kith(t, db, "demo")
	if code != 2 || !strings.Contains(errOut, "already holds") {
		t.Fatalf("second demo: exit %d, %q; want exit 2 refusing", code, errOut)
	}
	out := mustKith(t, db, "--today", "2026-11-25", "due", "--within", "1w")
	if !strings.Contains(out, "Priya Raman") {
		t.Errorf("due after demo does not list Priya:\n%s", out)
	}
}

// demo --contacts fills an empty database with a generated book, the same
// for the same seed, with progress on stderr; a database holding people,
// or a flag that is not a count, is refused with exit 2 and nothing written.
func TestDemoGeneratesABookOfTheSizeAsked(t *testing.T) {
	db := tempDB(t)
	var n struct {
		People       int    `json:"people"`
		Interactions int    `json:"interactions"`
		Seed         uint64 `json:"seed"`
	}
	out, errOut, code := kith(t, db, "demo", "--contacts", "40", "--interactions", "300", "--seed", "7", "--json")
	if code != 0 {
		t.Fatalf("demo --contacts: exit %d: %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &n); err != nil || n.People != 40 || n.Interactions != 300 || n.Seed != 7 {
		t.Fatalf("demo --contacts said %q (%v)", out, err)
	}
	if !strings.Contains(errOut, "100%") {
		t.Errorf("no progress on stderr: %q", errOut)
	}
	var active, archived []struct{ Name string }
	kithJSON(t, db, &active, "contact", "list", "--json")
	kithJSON(t, db, &archived, "contact", "list", "--archived", "--json")
	if len(active)+len(archived) != 40 || len(active) == 0 {
		t.Errorf("contact list shows %d people and %d archived, want 40 in all", len(active), len(archived))
	}
	other := tempDB(t)
	mustKith(t, other, "demo", "--contacts", "40", "--interactions", "300", "--seed", "7")
	if a, b := mustKith(t, db, "--today", "2026-11-25", "due", "--json"), mustKith(t, other, "--today", "2026-11-25", "due", "--json"); a != b {
		t.Errorf("the same seed gave two books")
	}
	before := dumpDB(t, db)
	_, errOut, code = kith(t, db, "demo", "--contacts", "5")
	if code != 2 || !strings.Contains(errOut, "already holds 40 people") {
		t.Errorf("demo --contacts into a full book: exit %d, %q; want exit 2 refusing", code, errOut)
	}
	if dumpDB(t, db) != before {
		t.Error("a refused demo changed the database")
	}
	for _, args := range [][]string{{"--contacts", "0"}, {"--contacts", "x"}, {"--interactions", "5"}, {"--contacts", "5", "--seed", "-1"}, {"--contacts", "5", "--interactions", "-3"}} {
		fresh := filepath.Join(t.TempDir(), "kith.db")
		_, errOut, code := kith(t, fresh, append([]string{"demo"}, args...)...)
		if code != 2 || !strings.Contains(errOut, "--") {
			t.Errorf("demo %q: exit %d, %q; want exit 2 naming the flag", args, code, errOut)
		}
		if _, err := os.Stat(fresh); err == nil {
			t.Errorf("demo %q created the database", args)
		}
	}
}
