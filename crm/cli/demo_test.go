package cli

import (
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
