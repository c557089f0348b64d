package store

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// The upgrade makes each item of the old gaps text a gap of its own, in
// order, repeats dropped; the profile still reads them as the text.
func TestUpgradeSplitsTheGapsText(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	at := slices.IndexFunc(ms, func(m migration) bool { return strings.HasSuffix(m.name, "_prospects.sql") })
	if at < 1 {
		t.Fatal("no prospects migration")
	}
	path := filepath.Join(t.TempDir(), "kith.db")
	old, err := open(path, ms[:at])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.rw.Exec("UPDATE profile SET gaps = ? WHERE id = 1",
		"public speaking, Negotiation;  managing   managers\r\nnegotiation\n; ,Émile's  method\n"); err != nil {
		t.Fatal(err)
	}
	old.Close()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var gaps []*crm.Gap
	var p crm.Profile
	var found int64
	update(t, st, func(tx *Tx) (err error) {
		if gaps, err = tx.Gaps(); err != nil {
			return err
		}
		if p, err = tx.Profile(); err != nil {
			return err
		}
		if err := tx.AddGap(&crm.Gap{Text: "budgeting"}); err != nil { // rekeys the migrated ones
			return err
		}
		found, err = tx.FindGap("emile's method")
		return err
	})
	var texts []string
	for _, g := range gaps {
		texts = append(texts, g.Text)
		if g.Horizon != crm.ShortTerm || g.Fits != "" {
			t.Errorf("migrated gap %+v: want short-term, no kind chosen", g)
		}
	}
	want := []string{"public speaking", "Negotiation", "managing managers", "Émile's method"}
	if !slices.Equal(texts, want) {
		t.Errorf("gaps %q, want %q", texts, want)
	}
	if p.Gaps != "public speaking, Negotiation, managing managers, Émile's method" || !slices.Equal(p.GapList, want) {
		t.Errorf("profile gaps %q %q", p.Gaps, p.GapList)
	}
	if found != gaps[3].ID {
		t.Errorf("finding a migrated gap without its accent: #%d, want #%d", found, gaps[3].ID)
	}
}

// Saving the profile's gaps as text replaces the list by its items: a gap
// still named keeps its id and its helpers, the others go; the same list
// in other words changes nothing.
func TestProfileGapsTextReplacesTheList(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	coach := addContact(t, st, crm.Contact{Name: "Speaking Coach"}, crm.RoleCoach)
	var speaking crm.Gap
	update(t, st, func(tx *Tx) error {
		if err := tx.SetProfile(crm.Profile{Strengths: "writing", Gaps: "negotiation, public speaking"}); err != nil {
			return err
		}
		id, err := tx.FindGap("Public Speaking")
		if err != nil {
			return err
		}
		return tx.AddGapHelper(id, coach)
	})
	update(t, st, func(tx *Tx) error {
		p, err := tx.Profile()
		if err != nil {
			return err
		}
		p.Strengths = "writing, systems" // a form saving the whole profile
		if err := tx.SetProfile(p); err != nil {
			return err
		}
		return tx.SetProfile(crm.Profile{Strengths: p.Strengths, Gaps: "Public speaking\ndelegation"})
	})
	view(t, st, func(tx *Tx) error {
		gaps, err := tx.Gaps()
		if err != nil {
			return err
		}
		if len(gaps) != 2 || gaps[0].Text != "Public speaking" || gaps[1].Text != "delegation" {
			t.Fatalf("gaps %+v, want Public speaking then delegation", gaps)
		}
		if len(gaps[0].Helpers) != 1 || gaps[0].Helpers[0].ContactID != coach {
			t.Errorf("a gap still named lost its helper: %+v", gaps[0])
		}
		speaking = *gaps[0]
		return nil
	})
	update(t, st, func(tx *Tx) error {
		if err := tx.AddGap(&crm.Gap{Text: "PUBLIC  speaking"}); crm.ErrorCode(err) != crm.EConflict {
			t.Errorf("adding a gap twice: %v, want a conflict", err)
		}
		if err := tx.AddGap(&crm.Gap{Text: "a\nb"}); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("a gap of two lines: %v, want refused", err)
		}
		speaking.Fits = crm.RoleMentee
		if err := tx.UpdateGap(&speaking); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("a mentee as the help a gap needs: %v, want refused", err)
		}
		return nil
	})
}

// The review counts a coach or mentor linked to a gap as covering it,
// whatever their title says.
func TestReviewCountsALinkedCoachAsCoveringTheGap(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	coach := addContact(t, st, crm.Contact{Name: "Quiet Coach", Title: "Engineer"}, crm.RoleCoach)
	peer := addContact(t, st, crm.Contact{Name: "Circle Peer"}, crm.RoleCircle)
	update(t, st, func(tx *Tx) error {
		return tx.AddGap(&crm.Gap{Text: "Négotiation", Helpers: []crm.Participant{{ContactID: coach}, {ContactID: peer}}})
	})
	view(t, st, func(tx *Tx) error {
		who, err := tx.ReviewGapCoverage("negotiation", tx.Today())
		if err != nil {
			return err
		}
		if len(who) != 1 || who[0].ContactID != coach {
			t.Errorf("covered by %+v, want the linked coach alone (a circle peer is not a coach or mentor)", who)
		}
		return nil
	})
}

// A gap with a comma in it, as 'kith gap add' takes, survives saving the
// rest of the profile: the text Profile gives back is the list as it is,
// not a new list to split at the comma.
func TestSavingTheProfileKeepsAGapWithAComma(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	mentor := addContact(t, st, crm.Contact{Name: "Rosa Diaz"}, crm.RoleMentor)
	const text = "salary negotiation, for the next role"
	update(t, st, func(tx *Tx) error {
		if err := tx.AddGap(&crm.Gap{Text: "negotiation"}); err != nil {
			return err
		}
		g := &crm.Gap{Text: text, Horizon: crm.LongTerm}
		if err := tx.AddGap(g); err != nil {
			return err
		}
		return tx.AddGapHelper(g.ID, mentor)
	})
	update(t, st, func(tx *Tx) error {
		p, err := tx.Profile()
		if err != nil {
			return err
		}
		p.Strengths = "writing" // kith profile --strengths, or the Me screen's Save
		return tx.SetProfile(p)
	})
	view(t, st, func(tx *Tx) error {
		gaps, err := tx.Gaps()
		if err != nil {
			return err
		}
		if len(gaps) != 2 || gaps[1].Text != text || gaps[1].Horizon != crm.LongTerm ||
			len(gaps[1].Helpers) != 1 || gaps[1].Helpers[0].ContactID != mentor {
			t.Fatalf("saving the strengths changed the gaps: %+v", gaps)
		}
		return nil
	})
}
