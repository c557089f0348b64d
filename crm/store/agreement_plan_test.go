package store

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/crmtest"
)

// An agreement's progress reads the person's interactions, exchanges and
// checks through indexes: a book of a million interactions costs each
// agreement a few seeks, never a scan of those tables.
func TestAgreementProgressReadsThroughIndexes(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	q := `SELECT ` + agreementColumns + progressColumns + ` FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id
		WHERE a.status = 'active' AND c.archived = 0`
	plan := strings.Join(queryPlan(t, st, q, sql.Named("today", crmtest.Date("2026-06-01"))), "\n")
	if lines := strings.Split(plan, "\n"); !strings.Contains(lines[0], " a ") || !strings.Contains(plan, "SEARCH c USING INTEGER PRIMARY KEY") {
		t.Errorf("the progress query does not start from the agreements, looking their people up by id:\n%s", plan)
	}
	for _, table := range []string{"participants", "exchanges", "health_checks", "interactions", "session_exclusions", "roles"} {
		for _, line := range strings.Split(plan, "\n") {
			if strings.Contains(line, "SCAN "+table) || (strings.Contains(line, "SCAN ") && strings.Contains(line, " "+table+" ")) {
				t.Errorf("the progress query scans %s:\n%s", table, plan)
			}
		}
	}
	late := queryPlan(t, st, `SELECT e.id FROM exchanges e JOIN contacts c ON c.id = e.contact_id WHERE e.direction = 'received'
		AND e.done_on IS NULL AND e.commitment = 1 AND c.archived = 0
		AND e.id IN (SELECT d.exchange_id FROM commitment_due d WHERE d.due_on < ?)`, crmtest.Date("2026-06-01"))
	if joined := strings.Join(late, "\n"); strings.Contains(joined, "SCAN e") || strings.Contains(joined, "SCAN d") {
		t.Errorf("late promises are not found through the due dates' index:\n%s", joined)
	}
}
