package store

import (
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// What someone gave is listed newest first, by day and then by the order
// it was logged, and cut at the limit even when more of the same day
// follow; what the user gave, and what they give after today, are left out.
func TestReachOutsListTheNewestGiftsCutAtTheLimit(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	id := addContact(t, st, crm.Contact{Name: "Priya Raman"})
	got := func(desc ...string) []crm.Exchange {
		var out []crm.Exchange
		for _, d := range desc {
			day, text, _ := strings.Cut(d, " ")
			out = append(out, crm.Exchange{Date: crmtest.Date(day), Kind: crm.ExAdvice, Description: text})
		}
		return out
	}
	log := func(day string, ex ...crm.Exchange) {
		update(t, st, func(tx *Tx) error {
			return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date(day), Kind: crm.KindCall, Summary: "call",
				Participants: []crm.Participant{{ContactID: id}}, Exchanges: ex})
		})
	}
	received := func(text string) crm.Exchange {
		return crm.Exchange{Direction: crm.Received, Kind: crm.ExAdvice, Description: text}
	}
	given := crm.Exchange{Direction: crm.Gave, Kind: crm.ExAdvice, Description: "mine"}
	check := func(limit int, want []crm.Exchange) {
		t.Helper()
		view(t, st, func(tx *Tx) error {
			r, err := tx.ReachOutsOf([]int64{id}, limit, false)
			if err == nil && !reflect.DeepEqual(r[id].TheyGave, want) {
				t.Errorf("limit %d: they gave %+v, want %+v", limit, r[id].TheyGave, want)
			}
			return err
		})
	}
	log("2026-01-10", received("a1"))
	check(3, got("2026-01-10 a1"))
	log("2026-03-01", received("b1"), given, received("b2"), received("b3"), received("b4"))
	log("2026-02-01", received("c1"), given)
	log("2026-07-01", received("later")) // after today
	check(3, got("2026-03-01 b4", "2026-03-01 b3", "2026-03-01 b2"))
	check(5, got("2026-03-01 b4", "2026-03-01 b3", "2026-03-01 b2", "2026-03-01 b1", "2026-02-01 c1"))
	check(7, got("2026-03-01 b4", "2026-03-01 b3", "2026-03-01 b2", "2026-03-01 b1", "2026-02-01 c1", "2026-01-10 a1"))
	log("2026-05-01", received("d1"))
	check(1, got("2026-05-01 d1"))
	check(2, got("2026-05-01 d1", "2026-03-01 b4"))
}

// An export reads through a wider page cache, and gives the connection
// back with the cache it had.
func TestWidenCacheGivesTheCacheBack(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	size := func(tx *Tx) (n int) {
		if err := tx.queryRow("PRAGMA cache_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	view(t, st, func(tx *Tx) error {
		was := size(tx)
		restore, err := tx.widenCache(calendarCacheKiB)
		if err != nil {
			return err
		}
		if got := size(tx); got != -calendarCacheKiB {
			t.Errorf("cache_size %d while exporting, want %d", got, -calendarCacheKiB)
		}
		restore()
		if got := size(tx); got != was {
			t.Errorf("cache_size %d after, want %d as before", got, was)
		}
		return nil
	})
}

// What the check-ins say is read from indexes alone: no row of the
// exchanges table, whose scattered reads were most of a big export.
func TestReachOutsReadTheExchangesIndexesAlone(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	q := fmt.Sprintf(reachOutsQuery, reachOutNotes)
	plan := strings.Join(queryPlan(t, st, q, sql.Named("ids", "[1,2]"), sql.Named("today", crmtest.Date("2026-06-01")),
		sql.Named("limit", 3)), "\n")
	for _, want := range []string{"SEARCH e USING COVERING INDEX exchanges_received", "SEARCH x USING COVERING INDEX exchanges_received",
		"SEARCH e USING COVERING INDEX exchanges_promised"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the plan lacks %q:\n%s", want, plan)
		}
	}
	if strings.Contains(plan, "SCAN e") || strings.Contains(plan, "SCAN x") {
		t.Errorf("the plan scans the exchanges:\n%s", plan)
	}
}
