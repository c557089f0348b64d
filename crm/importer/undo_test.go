package importer_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/store"
)

func undo(t *testing.T, st *store.Store, batch int64) *importer.UndoResult {
	t.Helper()
	var res *importer.UndoResult
	update(t, st, func(tx *store.Tx) error {
		var err error
		res, err = importer.Undo(tx, batch)
		return err
	})
	return res
}

// Undoing an import right away leaves the book exactly as it was before,
// the record of the import aside.
func TestUndoRightAwayRestoresTheBook(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, importer.VCard, "apple-contacts.vcf", importer.Options{})
	// Saving a person rewrites their channels and stamp; the import's record stays.
	skip := []string{"import_batches", "import_filled", "contacts", "channels"}
	before := dump(t, st, skip...)
	priyaBefore, zoeBefore := channels(person(t, st, "Priya Raman")), channels(person(t, st, "Zoë Åkesson"))
	p := mustImport(t, st, importer.LinkedIn, "linkedin-Connections.csv", importer.Options{Role: crm.RoleMentor})
	if len(p.Added) != 3 || len(p.Updated) != 2 {
		t.Fatalf("plan: %d added, %d updated", len(p.Added), len(p.Updated))
	}
	res := undo(t, st, p.Batch)
	if len(res.Removed) != 3 || len(res.Kept) != 0 || len(res.Reverted) != 8 {
		t.Errorf("undo: %+v", res)
	}
	if c := person(t, st, "Priya Raman"); c.MetOn.String() != "" || c.Source != "" || len(c.Channels) != 4 {
		t.Errorf("Priya after undo: %+v", c)
	}
	if after := dump(t, st, skip...); after != before {
		t.Errorf("undo left the book changed:\n%s\nwas\n%s", after, before)
	}
	eq(t, "book", names(t, st), []string{"Priya Raman", "Zoë Åkesson"})
	eq(t, "Priya's channels", channels(person(t, st, "Priya Raman")), priyaBefore)
	eq(t, "Zoë's channels", channels(person(t, st, "Zoë Åkesson")), zoeBefore)
	var batches []importer.Batch
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		var err error
		batches, err = tx.ImportBatches()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(batches) != 2 || batches[0].UndoneAt == nil || batches[1].UndoneAt != nil || batches[0].Role != crm.RoleMentor {
		t.Errorf("batches after undo: %+v", batches)
	}
	update(t, st, func(tx *store.Tx) error {
		_, err := importer.Undo(tx, p.Batch)
		if crm.ErrorCode(err) != crm.EConflict {
			t.Errorf("a second undo: %v, want a conflict", err)
		}
		_, err = importer.Undo(tx, 99)
		if crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("undo of no import: %v, want not found", err)
		}
		return nil
	})
}

// What the user changed since the import survives its undo, and is named:
// an imported person they edited, one they logged an interaction with, a
// filled field they changed. The rest goes.
func TestUndoKeepsWhatTheUserChanged(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, importer.VCard, "apple-contacts.vcf", importer.Options{})
	p := mustImport(t, st, importer.LinkedIn, "linkedin-network-jobs.csv", importer.Options{})
	p2 := mustImport(t, st, importer.LinkedIn, "linkedin-Connections.csv", importer.Options{})
	ada, jane := person(t, st, "Ada Lovelace"), person(t, st, "Jane Doe")
	update(t, st, func(tx *store.Tx) error {
		ada.Title = "Countess"
		if err := tx.UpdateContact(ada); err != nil {
			return err
		}
		return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date(today), Kind: crm.KindCall,
			Participants: []crm.Participant{{ContactID: jane.ID}}})
	})
	res := undo(t, st, p.Batch)
	var kept []string
	for _, k := range res.Kept {
		kept = append(kept, k.Name+": "+k.Reason)
	}
	slices.Sort(kept)
	eq(t, "kept", kept, []string{"Ada Lovelace: edited since the import",
		"Jane Doe: has interactions, promises, circles or goals since the import"})
	eq(t, "removed", len(res.Removed), 8)
	eq(t, "book", names(t, st), []string{"Ada Lovelace", "Dana Whitfield", "Jane Doe", "Marcus O'Neil", "Priya Raman", "Zoë Åkesson", "李明"})
	if c := person(t, st, "Ada Lovelace"); c.Title != "Countess" {
		t.Errorf("Ada's edit was lost: %q", c.Title)
	}

	// Priya's met_on, filled by the LinkedIn import, changed by hand since;
	// her source was not.
	priya := person(t, st, "Priya Raman")
	update(t, st, func(tx *store.Tx) error {
		priya.MetOn = crmtest.Date("2026-03-10")
		return tx.UpdateContact(priya)
	})
	res = undo(t, st, p2.Batch)
	var keptFields []string
	for _, k := range res.Kept {
		keptFields = append(keptFields, k.Name+" "+k.Field+": "+k.Reason)
	}
	eq(t, "kept fields", keptFields, []string{`Priya Raman met_on: changed since the import (now "2026-03-10")`})
	if c := person(t, st, "Priya Raman"); c.MetOn.String() != "2026-03-10" || c.Source != "" || c.SourceDetail != "" {
		t.Errorf("Priya after undo: met %s, source %q %q; want her own date kept and the source reverted", c.MetOn, c.Source, c.SourceDetail)
	}
}
