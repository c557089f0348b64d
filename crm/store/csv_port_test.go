package store

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/csvexport"
)

// exportCSV writes a table from st and reads it back with encoding/csv.
func exportCSV(t *testing.T, st *Store, table csvexport.Table) ([][]string, string) {
	t.Helper()
	var buf bytes.Buffer
	view(t, st, func(tx *Tx) error {
		_, err := csvexport.Write(&buf, tx, table)
		return err
	})
	recs, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, buf.String())
	}
	return recs, buf.String()
}

func TestExportCSVFromSQLite(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	ana := addContact(t, st, crm.Contact{Name: "Ana Lopez", Company: "Fabrikam", Notes: "PRIVATE-NOTE-ana",
		MetOn: crmtest.Date("2026-11-01"), Source: crm.SourceEvent, SourceDetail: "=cmd()",
		Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: "ana@home.example"},
			{Kind: crm.ChannelEmail, Label: "work", Value: "ana@work.example", Primary: true},
			{Kind: crm.ChannelPhone, Value: "+44 20 7946 0000"}}}, crm.RoleMentor, crm.RoleCoach)
	ben := addContact(t, st, crm.Contact{Name: "Ben Okafor", Notes: "PRIVATE-NOTE-ben"})
	update(t, st, func(tx *Tx) error { return tx.SetArchived(ben, true) })
	circle := &crm.Circle{Name: "Aspiring PMs"}
	goal := &crm.Goal{Title: "Staff PM", Horizon: crm.ShortTerm}
	update(t, st, func(tx *Tx) error {
		if err := tx.AddCircle(circle); err != nil {
			return err
		}
		return tx.AddGoal(goal)
	})
	update(t, st, func(tx *Tx) error {
		return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date("2026-11-20"), Kind: crm.KindVideo, Minutes: 45,
			Summary: "@promotion case", Notes: "PRIVATE-NOTE-talk", CircleID: circle.ID, GoalID: goal.ID,
			Participants: []crm.Participant{{ContactID: ben}, {ContactID: ana}}})
	})
	logWith(t, st, "2026-11-02", ana)

	people, raw := exportCSV(t, st, csvexport.People)
	wantPeople := [][]string{csvexport.PeopleHeader,
		{"Ana Lopez", "coach; mentor", "ana@work.example; ana@home.example", "'+44 20 7946 0000", "", "Fabrikam", "", "",
			"", "event", "'=cmd()", "2026-11-01", "2026-11-25", "2026-12-04", "no"},
		{"Ben Okafor", "", "", "", "", "", "", "", "", "", "", "", "2026-11-25", "", "yes"}}
	if !equalRecords(people, wantPeople) {
		t.Errorf("people:\n got %q\nwant %q", people, wantPeople)
	}
	interactions, raw2 := exportCSV(t, st, csvexport.Interactions)
	wantInteractions := [][]string{csvexport.InteractionsHeader,
		{"2026-11-02", "meeting", "0", "talk on 2026-11-02", "Ana Lopez", "", ""},
		{"2026-11-20", "video", "45", "'@promotion case", "Ana Lopez; Ben Okafor", "Aspiring PMs", "Staff PM"}}
	if !equalRecords(interactions, wantInteractions) {
		t.Errorf("interactions:\n got %q\nwant %q", interactions, wantInteractions)
	}
	if strings.Contains(raw+raw2, "PRIVATE-NOTE") {
		t.Error("a private note was exported")
	}
}

func equalRecords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

// The exports read in index order: SQLite hands the first row over at
// once instead of sorting the whole table first.
func TestExportInteractionsNeedsNoSort(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	plan := queryPlan(t, st, exportInteractions)
	for _, step := range plan {
		if strings.Contains(step, "FOR ORDER BY") { // not "FOR group_concat(ORDER BY)", one interaction's names
			t.Errorf("the interactions export sorts every row first: %v", plan)
		}
	}
	if !strings.Contains(plan[0], "SCAN i USING INDEX interactions_date") {
		t.Errorf("the interactions export does not read through the date index: %v", plan)
	}
}
