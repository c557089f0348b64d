package gen_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/store"
)

func populate(t testing.TB, o gen.Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kith.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := gen.Populate(context.Background(), st, o); err != nil {
		t.Fatal(err)
	}
	return path
}

// facts reads figures that describe the generated book, straight from SQL.
func facts(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queries := map[string]string{
		"contacts":     "SELECT count(*) FROM contacts",
		"interactions": "SELECT count(*) FROM interactions",
		"first":        "SELECT min(occurred_on) FROM interactions",
		"last":         "SELECT max(occurred_on) FROM interactions",
		"participants": "SELECT count(*) FROM participants",
		"exchanges":    "SELECT count(*) FROM exchanges",
		"money":        "SELECT count(*) FROM exchanges WHERE kind = 'money'",
		"commitments":  "SELECT count(*) FROM exchanges WHERE commitment = 1",
		"circles":      "SELECT count(*) FROM circles",
		"meetings":     "SELECT count(*) FROM interactions WHERE circle_id IS NOT NULL",
		"goals":        "SELECT count(*) FROM goals",
		"unhelped":     "SELECT count(*) FROM goals WHERE id NOT IN (SELECT goal_id FROM goal_helpers)",
		"archived":     "SELECT count(*) FROM contacts WHERE archived = 1",
		"changed":      "SELECT count(*) FROM roles WHERE until IS NOT NULL",
		"names":        "SELECT count(DISTINCT name_key) FROM contacts",
		"early":        "SELECT count(*) FROM participants p JOIN contacts c ON c.id = p.contact_id WHERE p.occurred_on < c.added_on",
		"dates":        "SELECT count(*) FROM participants p JOIN interactions i ON i.id = p.interaction_id WHERE p.occurred_on <> i.occurred_on",
		"fingerprint":  "SELECT sum(i.minutes * p.contact_id % 1000003) FROM interactions i JOIN participants p ON p.interaction_id = i.id",
	}
	out := map[string]string{}
	for k, q := range queries {
		var v sql.NullString
		if err := db.QueryRow(q).Scan(&v); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		out[k] = v.String
	}
	for _, r := range crm.Roles {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM roles WHERE role = ?", string(r)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out["role "+string(r)] = strconv.Itoa(n)
	}
	return out
}

func TestPopulate(t *testing.T) {
	o := gen.Options{People: 2000, Interactions: 20000, Seed: 7, Years: 2, Until: crm.NewDate(2026, 6, 30)}
	f := facts(t, populate(t, o))
	exact := map[string]string{
		"contacts": "2000", "interactions": "20000", "circles": "4", "goals": "8", "unhelped": "2",
		"names": "2000", "early": "0", "dates": "0",
	}
	for k, want := range exact {
		if f[k] != want {
			t.Errorf("%s = %s, want %s", k, f[k], want)
		}
	}
	if f["first"] < "2024-07-01" || f["last"] > "2026-06-30" {
		t.Errorf("history runs %s to %s, want within 2024-07-01..2026-06-30", f["first"], f["last"])
	}
	atLeast := map[string]int{"participants": 20000, "exchanges": 6000, "money": 1, "commitments": 100, "meetings": 500,
		"archived": 1, "changed": 1, "role coach": 1, "role mentor": 1, "role circle": 1, "role coachee": 1, "role mentee": 1}
	for k, min := range atLeast {
		if n, _ := strconv.Atoi(f[k]); n < min {
			t.Errorf("%s = %s, want at least %d", k, f[k], min)
		}
	}
	again := facts(t, populate(t, o))
	for k, v := range f {
		if again[k] != v {
			t.Errorf("not reproducible: %s is %s, then %s", k, v, again[k])
		}
	}
	o.Seed = 8
	if other := facts(t, populate(t, o)); other["fingerprint"] == f["fingerprint"] {
		t.Errorf("seeds 7 and 8 gave the same interactions")
	}
}

// TestPopulateMillion times the full-size book; set KITH_GEN_MILLION=1 to run it.
func TestPopulateMillion(t *testing.T) {
	if os.Getenv("KITH_GEN_MILLION") == "" {
		t.Skip("set KITH_GEN_MILLION=1 to generate 50,000 people and 1,000,000 interactions")
	}
	start := time.Now()
	path := populate(t, gen.Options{People: 50000, Interactions: 1000000, Seed: 1})
	t.Logf("50,000 people, 1,000,000 interactions in %s", time.Since(start).Round(time.Millisecond))
	f := facts(t, path)
	t.Logf("%v", f)
}
