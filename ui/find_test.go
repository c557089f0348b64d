package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// prospectNamed reads a prospect by name.
func prospectNamed(t *testing.T, st *store.Store, name string) crm.Prospect {
	t.Helper()
	return viewed(t, st, func(tx *store.Tx) (crm.Prospect, error) {
		id, err := tx.FindProspect(name)
		if err != nil {
			return crm.Prospect{}, err
		}
		return tx.Prospect(id)
	})
}

// A prospect goes through the pipeline on the Find screen: added with New
// prospect, reached out to with the message's purpose, a channel and a
// follow-up, moved on, and activated into a contact with the role sought.
// Activating someone never reached is not offered.
func TestFindScreenTakesAProspectFromANameToARelationship(t *testing.T) {
	m, st := newTestMain(t)
	mustUpdate(t, st, func(tx *store.Tx) error {
		return tx.AddGoal(&crm.Goal{Title: "Become a staff engineer", Horizon: crm.LongTerm})
	})
	m.Show(screenFind)
	v := m.find
	test.Tap(findButton(t, v.root, "New prospect"))
	f := v.adding
	test.Type(f.name, "Ada Byron")
	f.found.SetSelected("online")
	test.Type(f.detail, "the staff-plus forum")
	f.serves.SetSelected("goal: Become a staff engineer")
	f.role.SetSelected("mentor")
	test.Type(f.why, "Wrote the best essays on staff work")
	test.Tap(f.save)
	p := prospectNamed(t, st, "Ada Byron")
	if p.Stage != crm.StageToContact || p.Goal != "Become a staff engineer" || p.Role != crm.RoleMentor ||
		p.Found != crm.SourceOnline || p.Detail != "the staff-plus forum" {
		t.Fatalf("added %+v", p)
	}
	assertShows(t, v.heads[crm.StageToContact], "To contact  1")
	assertShows(t, v.cards["Ada Byron"], "Ada Byron", "mentor", "for the goal Become a staff engineer")

	test.Tap(findButton(t, v.cards["Ada Byron"], "Ada Byron"))
	pg := m.prospect
	if !pg.buttons["Activate"].Disabled() {
		t.Error("Activate is offered for someone never reached")
	}
	test.Tap(pg.buttons["Reach out…"])
	o := pg.outreach
	test.Type(o.why, "I am growing into a staff role")
	test.Type(o.admire, "Your essay on glue work")
	test.Type(o.offer, "Notes from our platform migration")
	test.Type(o.ask, "Thirty minutes on your first year as staff")
	test.Type(o.channel, "email")
	o.followUp.SetText("2026-12-02")
	test.Tap(o.save)
	p = prospectNamed(t, st, "Ada Byron")
	if p.Stage != crm.StageReachedOut || p.FollowUpOn != crmtest.Date("2026-12-02") {
		t.Fatalf("after reaching out: stage %s, follow-up %s", p.Stage, p.FollowUpOn)
	}
	assertShows(t, v.heads[crm.StageReachedOut], "Reached out  1")
	assertShows(t, v.cards["Ada Byron"], "follow up in 7 days")
	d := viewed(t, st, func(tx *store.Tx) (*crm.ProspectDetail, error) { return tx.ProspectDetail(p.ID) })
	if len(d.Outreach) != 1 || d.Outreach[0].Ask != "Thirty minutes on your first year as staff" ||
		d.Outreach[0].Admire != "Your essay on glue work" || d.Outreach[0].Channel != "email" {
		t.Fatalf("outreach %+v", d.Outreach)
	}

	test.Tap(findButton(t, v.cards["Ada Byron"], "Ada Byron"))
	test.Tap(m.prospect.buttons["Move…"])
	mf := m.prospect.move
	mf.to.SetSelected("Talking")
	test.Type(mf.note, "She answered")
	test.Tap(mf.save)
	if p = prospectNamed(t, st, "Ada Byron"); p.Stage != crm.StageTalking {
		t.Fatalf("after the move: %s", p.Stage)
	}

	test.Tap(findButton(t, v.cards["Ada Byron"], "Ada Byron"))
	test.Tap(m.prospect.buttons["Activate"])
	p = prospectNamed(t, st, "Ada Byron")
	if p.Stage != crm.StageActive || p.ContactID == 0 {
		t.Fatalf("after activating: %+v", p)
	}
	c := viewed(t, st, func(tx *store.Tx) (*crm.Contact, error) { return tx.Contact(p.ContactID) })
	if roles := c.CurrentRoles(); len(roles) != 1 || roles[0] != crm.RoleMentor || c.Source != crm.SourceOnline {
		t.Errorf("the contact has roles %v, source %s", roles, c.Source)
	}
	assertShows(t, v.heads[crm.StageActive], "Active  1")
	assertShows(t, v.heads[crm.StageTalking], "Talking  0")
}

// Not now asks for a reason and sets the prospect aside with a day to
// reconsider; the card says both.
func TestNotNowSetsAProspectAsideWithAReason(t *testing.T) {
	m, st := newTestMain(t)
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddProspect(&crm.Prospect{Name: "Sam Okafor"}) })
	m.Show(screenFind)
	test.Tap(findButton(t, m.find.cards["Sam Okafor"], "Sam Okafor"))
	test.Tap(m.prospect.buttons["Not now…"])
	f := m.prospect.notNow
	if !f.save.Disabled() {
		t.Error("Not now saves without a reason")
	}
	test.Type(f.reason, "No time before the launch")
	f.reconsider.SetText("2027-03-01")
	test.Tap(f.save)
	p := prospectNamed(t, st, "Sam Okafor")
	if p.Stage != crm.StageNotNow || p.NotNowReason != "No time before the launch" || p.ReconsiderOn != crmtest.Date("2027-03-01") {
		t.Fatalf("set aside as %+v", p)
	}
	assertShows(t, m.find.cards["Sam Okafor"], "No time before the launch; reconsider in 3 months")
}

// A follow-up due this week shows on Today and opens the prospect; moving
// the prospect on without a new follow-up takes it off.
func TestTodayListsFollowUpsUntilTheProspectMovesOn(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, testToday) // not due: Today shows only the follow-up
	var id int64
	mustUpdate(t, st, func(tx *store.Tx) error {
		p := &crm.Prospect{Name: "Ada Byron", Role: crm.RoleMentor}
		if err := tx.AddProspect(p); err != nil {
			return err
		}
		id = p.ID
		_, err := tx.MoveProspect(id, crm.Move{To: crm.StageReachedOut, FollowUpOn: crmtest.Date("2026-11-24"),
			Outreach: &crm.Outreach{Channel: "email", Ask: "a coffee"}})
		return err
	})
	m.changed()
	assertShows(t, m.today.root, "Follow-ups", "Ada Byron", "1 day late", `Reached out today by email: asked "a coffee"`)
	test.Tap(findButton(t, m.today.root, "Open"))
	if m.prospect == nil || m.prospect.d.Name != "Ada Byron" {
		t.Fatal("Open on the follow-up did not open the prospect")
	}
	m.escape()
	mustUpdate(t, st, func(tx *store.Tx) error {
		_, err := tx.MoveProspect(id, crm.Move{To: crm.StageTalking})
		return err
	})
	m.changed()
	for _, s := range shownTexts(m.today.root) {
		if s == "Follow-ups" || s == "Ada Byron" {
			t.Fatalf("Today still shows %q after the prospect moved on", s)
		}
	}
}

// Events: New event adds one; its page starts a prospect met there, then
// lists them as met and still to follow up.
func TestEventPageListsWhoYouMetAndWhoToFollowUp(t *testing.T) {
	m, st := newTestMain(t)
	m.Show(screenFind)
	test.Tap(m.find.tabs[findEvents])
	ev := m.find.events
	test.Tap(findButton(t, ev.root, "New event"))
	f := ev.adding
	test.Type(f.title, "ProductCon")
	f.date.SetText("2026-11-12")
	test.Type(f.place, "Berlin")
	test.Tap(f.save)
	assertShows(t, ev.list, "ProductCon", "conference  ·  Thu 12 Nov 2026 (13 days ago)  ·  Berlin  ·  0 people met  ·  0 prospects")
	test.Tap(ev.opens["ProductCon"])
	assertShows(t, m.event.met, "Nobody linked yet. Add a prospect met here, or pick this event as a person's source.")
	test.Tap(m.event.add)
	pf := m.event.started
	test.Type(pf.name, "Lin Wei")
	test.Tap(pf.save)
	p := prospectNamed(t, st, "Lin Wei")
	if p.Event != "ProductCon" || p.Found != crm.SourceEvent {
		t.Fatalf("the prospect met there is %+v", p)
	}
	assertShows(t, ev.list, "conference  ·  Thu 12 Nov 2026 (13 days ago)  ·  Berlin  ·  0 people met  ·  1 prospect")
	test.Tap(ev.opens["ProductCon"])
	assertShows(t, m.event.met, "Lin Wei")
	assertShows(t, m.event.followUp, "Lin Wei")
}

// Edit on a prospect's page opens the form filled in, and saves the change
// without touching the stage or what it serves.
func TestEditingAProspectKeepsItsPlace(t *testing.T) {
	m, st := newTestMain(t)
	mustUpdate(t, st, func(tx *store.Tx) error {
		g := &crm.Gap{Text: "Negotiation"}
		if err := tx.AddGap(g); err != nil {
			return err
		}
		p := &crm.Prospect{Name: "Omar Haddad", GapID: g.ID, Role: crm.RoleCoach}
		if err := tx.AddProspect(p); err != nil {
			return err
		}
		_, err := tx.MoveProspect(p.ID, crm.Move{To: crm.StageReachedOut})
		return err
	})
	m.Show(screenFind)
	test.Tap(findButton(t, m.find.cards["Omar Haddad"], "Omar Haddad"))
	test.Tap(m.prospect.buttons["Edit"])
	f := m.prospect.edit
	if f.serves.Selected != "gap: Negotiation" || f.role.Selected != "coach" || f.name.Text != "Omar Haddad" {
		t.Fatalf("the form opened with %q, %q, %q", f.name.Text, f.serves.Selected, f.role.Selected)
	}
	test.Type(f.why, "Coaches execs on negotiation")
	test.Tap(f.save)
	p := prospectNamed(t, st, "Omar Haddad")
	if p.Why != "Coaches execs on negotiation" || p.Stage != crm.StageReachedOut || p.Gap != "Negotiation" {
		t.Errorf("after the edit: %+v", p)
	}
}
