package store

import (
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/mattn/go-sqlite3"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/review"
)

// TestReflectionReportsReadErrors: an error while reading a saved
// reflection's rows fails the load instead of giving a reflection with
// answers silently missing. The answers table is swapped for a view whose
// second row fails as SQLite steps onto it (malformed JSON).
func TestReflectionReportsReadErrors(t *testing.T) {
	st := openTemp(t, "2026-10-05")
	q := review.Quarter{Year: 2026, N: 3}
	update(t, st, func(tx *Tx) error {
		r := review.Reflection{Quarter: q}
		r.SetAnswer(review.Questions[0], "Promotion moved.")     // goals
		r.SetAnswer(review.Questions[3], "not json, on purpose") // investment
		_, err := review.Save(tx, &r, nil)
		return err
	})
	update(t, st, func(tx *Tx) error {
		for _, s := range []string{
			"ALTER TABLE review_answers RENAME TO review_answers_kept",
			`CREATE VIEW review_answers AS SELECT quarter, prompt_key, prompt,
			 CASE WHEN prompt_key = 'investment' THEN json(answer) ELSE answer END AS answer FROM review_answers_kept`,
		} {
			if _, err := tx.exec(s); err != nil {
				t.Fatal(err)
			}
		}
		r, err := tx.Reflection(q)
		if err == nil || !strings.Contains(err.Error(), "2026Q3") {
			t.Errorf("loading answers whose second row fails: %d answers, error %v; want an error naming the quarter",
				len(r.Answers), err)
		}
		return nil
	})
}

// selectCounter counts the SELECT statements SQLite prepares on the
// connections of a driver registered for it, through an authorizer.
var selectCounter struct {
	once sync.Once
	n    atomic.Int64
}

// countingReads points the store's read pool at a driver that counts the
// SELECT statements prepared, and returns the counter.
func countingReads(t *testing.T, st *Store) *atomic.Int64 {
	t.Helper()
	const name = "sqlite3_kith_count_selects"
	selectCounter.once.Do(func() {
		sql.Register(name, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
			c.RegisterAuthorizer(func(op int, _, _, _ string) int {
				if op == 21 { // SQLITE_SELECT, a constant of the cgo driver only
					selectCounter.n.Add(1)
				}
				return 0 // SQLITE_OK
			})
			return nil
		}})
	})
	ro, err := sql.Open(name, dsn(st.path, "&_query_only=true"))
	if err != nil {
		t.Fatal(err)
	}
	ro.SetMaxOpenConns(1)
	st.ro.Close()
	st.ro = ro
	return &selectCounter.n
}

// TestReviewGoalsStatementsDoNotGrowWithHelpers: a goal's helpers, their
// archived state included, come from one query, however many they are.
func TestReviewGoalsStatementsDoNotGrowWithHelpers(t *testing.T) {
	statements := func(helpers int) (int64, []review.GoalProgress) {
		st := openTemp(t, "2026-10-05")
		g := crm.Goal{Title: "Get promoted"}
		for i := range helpers {
			id := addContact(t, st, crm.Contact{Name: fmt.Sprintf("Helper %d", i)})
			g.Helpers = append(g.Helpers, crm.Participant{ContactID: id})
		}
		update(t, st, func(tx *Tx) error {
			if err := tx.AddGoal(&g); err != nil {
				return err
			}
			return tx.SetArchived(g.Helpers[0].ContactID, true)
		})
		n := countingReads(t, st)
		var goals []review.GoalProgress
		before := n.Load()
		view(t, st, func(tx *Tx) (err error) {
			goals, err = tx.ReviewGoals(crmtest.Date("2026-07-01"), crmtest.Date("2026-09-30"))
			return err
		})
		return n.Load() - before, goals
	}
	few, goals := statements(2)
	many, _ := statements(6)
	if few != many {
		t.Errorf("ReviewGoals prepared %d SELECTs for 2 helpers and %d for 6: want the same", few, many)
	}
	if len(goals) != 1 || len(goals[0].Helpers) != 1 || goals[0].Helpers[0].Name != "Helper 1" {
		t.Errorf("goals %+v, want one with Helper 1 (Helper 0 is archived)", goals)
	}
}
