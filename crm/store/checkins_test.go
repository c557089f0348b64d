package store

import (
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// dueOf returns the contact's list row, where next_due is computed.
func dueOf(t *testing.T, st *Store, id int64) crm.ContactSummary {
	t.Helper()
	var s crm.ContactSummary
	view(t, st, func(tx *Tx) error {
		var err error
		s, err = tx.ContactSummary(id)
		return err
	})
	return s
}

func TestDueFollowsCadenceOfRoles(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	coach := addContact(t, st, crm.Contact{Name: "Coach", MetOn: crmtest.Date("2026-11-01"), AddedOn: crmtest.Date("2026-11-01")}, crm.RoleCoach)
	mentor := addContact(t, st, crm.Contact{Name: "Mentor", MetOn: crmtest.Date("2026-11-01"), AddedOn: crmtest.Date("2026-11-01")}, crm.RoleMentor)
	both := addContact(t, st, crm.Contact{Name: "Both", MetOn: crmtest.Date("2026-11-01"), AddedOn: crmtest.Date("2026-11-01")}, crm.RoleMentor, crm.RoleCoach)
	none := addContact(t, st, crm.Contact{Name: "Nobody", MetOn: crmtest.Date("2026-11-01"), AddedOn: crmtest.Date("2026-11-01")})
	override := addContact(t, st, crm.Contact{Name: "Override", MetOn: crmtest.Date("2026-11-01"), AddedOn: crmtest.Date("2026-11-01"), CadenceDays: 100}, crm.RoleCoach)

	for _, c := range []struct {
		id      int64
		cadence int
		due     string
	}{
		{coach, 14, "2026-11-15"},     // never contacted: met + coach's 14 days
		{mentor, 42, "2026-12-13"},    // met + mentor's 42 days
		{both, 14, "2026-11-15"},      // several roles: the shortest cadence
		{none, 0, ""},                 // no role: a new book checks on nobody without a role
		{override, 100, "2027-02-09"}, // the contact's own cadence wins over the role
	} {
		s := dueOf(t, st, c.id)
		if s.CadenceDays != c.cadence || s.NextDue.String() != c.due {
			t.Errorf("%s: cadence %d due %s, want %d and %s", s.Name, s.CadenceDays, s.NextDue, c.cadence, c.due)
		}
	}

	// A book that gives people without a role a cadence checks on them too.
	update(t, st, func(tx *Tx) error { return tx.SetRoleCadence(crm.RoleNone, 90) })
	if s := dueOf(t, st, none); s.CadenceDays != 90 || s.NextDue.String() != "2027-01-30" {
		t.Errorf("Nobody with a 90-day default: cadence %d due %s, want 90 and 2027-01-30", s.CadenceDays, s.NextDue)
	}
	// Changing a role's default moves everyone who follows it.
	update(t, st, func(tx *Tx) error { return tx.SetRoleCadence(crm.RoleMentor, 21) })
	if s := dueOf(t, st, mentor); s.NextDue.String() != "2026-11-22" {
		t.Errorf("after setting mentor cadence to 21 days, due %s, want 2026-11-22", s.NextDue)
	}
	// An ended role no longer counts.
	update(t, st, func(tx *Tx) error { return tx.EndRole(both, crm.RoleCoach, crm.Date{}) })
	if s := dueOf(t, st, both); s.CadenceDays != 21 {
		t.Errorf("after the coach role ended, cadence %d, want the mentor's 21", s.CadenceDays)
	}
}

func TestDueCountsLastInteractionUpToToday(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	id := addContact(t, st, crm.Contact{Name: "Ana", MetOn: crmtest.Date("2025-01-01")}, crm.RoleCoach)
	logWith(t, st, "2026-11-10", id)
	logWith(t, st, "2026-11-20", id)
	logWith(t, st, "2026-12-20", id) // planned, after today: not yet a contact
	s := dueOf(t, st, id)
	if s.LastContact.String() != "2026-11-20" || s.NextDue.String() != "2026-12-04" {
		t.Fatalf("last %s due %s, want 2026-11-20 and 2026-12-04", s.LastContact, s.NextDue)
	}
	var due []crm.CheckIn
	view(t, st, func(tx *Tx) error {
		var err error
		due, err = tx.Due(crmtest.Date("2026-12-31"))
		return err
	})
	if len(due) != 1 || due[0].LastSummary != "talk on 2026-11-20" {
		t.Fatalf("due with the last talk (not the planned one): %+v", due)
	}
	// Looking from another day (--today) changes what counts as past.
	st.SetToday(crmtest.Date("2026-11-15"))
	if s := dueOf(t, st, id); s.LastContact.String() != "2026-11-10" || s.NextDue.String() != "2026-11-24" {
		t.Fatalf("seen from 2026-11-15: last %s due %s", s.LastContact, s.NextDue)
	}
}

func TestDueNeverContactedUsesDateAdded(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	id := addContact(t, st, crm.Contact{Name: "New"}, crm.RoleMentee) // no date met
	if s := dueOf(t, st, id); s.NextDue.String() != "2026-12-25" || !s.LastContact.IsZero() {
		t.Fatalf("added today with a 30-day mentee cadence: due %s last %v", s.NextDue, s.LastContact)
	}
}

func TestCircleMeetingTouchesAttendingMembers(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	met := crmtest.Date("2026-01-01")
	a := addContact(t, st, crm.Contact{Name: "A", MetOn: met, AddedOn: met})
	b := addContact(t, st, crm.Contact{Name: "B", MetOn: met, AddedOn: met})
	c := &crm.Circle{Name: "PM circle", CadenceDays: 28}
	update(t, st, func(tx *Tx) error {
		if err := tx.AddCircle(c); err != nil {
			return err
		}
		if err := tx.Join(c.ID, a, met); err != nil {
			return err
		}
		return tx.Join(c.ID, b, met)
	})
	// Only A attended the meeting.
	in := &crm.Interaction{Date: crmtest.Date("2026-11-01"), Kind: crm.KindMeeting, CircleID: c.ID,
		Participants: []crm.Participant{{ContactID: a}}}
	update(t, st, func(tx *Tx) error { return tx.LogInteraction(in) })

	sa, sb := dueOf(t, st, a), dueOf(t, st, b)
	if sa.LastContact.String() != "2026-11-01" || sa.NextDue.String() != "2027-01-30" {
		t.Errorf("attending member: last %s due %s, want 2026-11-01 and 2027-01-30 (circle role, 90 days)", sa.LastContact, sa.NextDue)
	}
	if !sb.LastContact.IsZero() || sb.NextDue.String() != "2026-04-01" {
		t.Errorf("absent member: last %v due %s, want never and 2026-04-01", sb.LastContact, sb.NextDue)
	}
	var circle *crm.Circle
	view(t, st, func(tx *Tx) error {
		var err error
		circle, err = tx.Circle(c.ID)
		return err
	})
	if circle.LastMet.String() != "2026-11-01" || circle.NextMeeting().String() != "2026-11-29" {
		t.Errorf("circle last met %s next %s", circle.LastMet, circle.NextMeeting())
	}
}

func TestSnoozePushesDueButNeverPullsItIn(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	id := addContact(t, st, crm.Contact{Name: "Ana", MetOn: crmtest.Date("2026-11-01"), AddedOn: crmtest.Date("2026-11-01")}, crm.RoleCoach)
	update(t, st, func(tx *Tx) error { return tx.Snooze(id, crmtest.Date("2026-12-24")) })
	if s := dueOf(t, st, id); s.NextDue.String() != "2026-12-24" {
		t.Errorf("snoozed: due %s, want 2026-12-24", s.NextDue)
	}
	update(t, st, func(tx *Tx) error { return tx.Snooze(id, crmtest.Date("2026-11-02")) })
	if s := dueOf(t, st, id); s.NextDue.String() != "2026-11-15" {
		t.Errorf("a snooze before the due date must not bring it forward: due %s", s.NextDue)
	}
}

func TestDueListExcludesArchivedAndSortsByDate(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	met := crmtest.Date("2026-11-01")
	late := addContact(t, st, crm.Contact{Name: "Late", MetOn: met, AddedOn: met}, crm.RoleCoach)     // due 11-15
	soon := addContact(t, st, crm.Contact{Name: "Soon", MetOn: met, AddedOn: met}, crm.RoleMentee)    // due 12-01
	far := addContact(t, st, crm.Contact{Name: "Far", MetOn: met, AddedOn: met}, crm.RoleMentor)      // due 12-13
	gone := addContact(t, st, crm.Contact{Name: "Archived", MetOn: met, AddedOn: met}, crm.RoleCoach) // would be late
	update(t, st, func(tx *Tx) error { return tx.SetArchived(gone, true) })

	var list []crm.CheckIn
	view(t, st, func(tx *Tx) error {
		var err error
		list, err = tx.Due(crmtest.Date("2026-12-09"))
		return err
	})
	if len(list) != 2 || list[0].ContactID != late || list[1].ContactID != soon {
		t.Fatalf("due within 14 days: %+v, want Late then Soon", list)
	}
	if list[0].DaysOverdue != 10 || list[1].DaysOverdue != -6 {
		t.Errorf("days overdue %d and %d, want 10 and -6", list[0].DaysOverdue, list[1].DaysOverdue)
	}
	_ = far
	if s := dueOf(t, st, gone); !s.NextDue.IsZero() {
		t.Errorf("an archived contact has a due date %s", s.NextDue)
	}
}

func TestListContactsFiltersAndPages(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	addContact(t, st, crm.Contact{Name: "Priya Raman", Company: "Fabrikam", Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: "p@fabrikam.example"}}}, crm.RoleMentor)
	addContact(t, st, crm.Contact{Name: "Sam Lee", Title: "Staff PM", Notes: "met at 100% PM conf"}, crm.RoleCoach)
	addContact(t, st, crm.Contact{Name: "émile Zola", Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: "emile@contoso.example"}}}, crm.RoleMentee)
	gone := addContact(t, st, crm.Contact{Name: "Old Friend"}, crm.RoleMentor)
	update(t, st, func(tx *Tx) error { return tx.SetArchived(gone, true) })

	names := func(f crm.ContactFilter) []string {
		var out []string
		view(t, st, func(tx *Tx) error {
			list, err := tx.ListContacts(f)
			for _, c := range list {
				out = append(out, c.Name)
			}
			return err
		})
		return out
	}
	eq := func(got []string, want ...string) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if got[i] != want[i] {
				return false
			}
		}
		return true
	}
	if got := names(crm.ContactFilter{}); !eq(got, "émile Zola", "Priya Raman", "Sam Lee") {
		t.Errorf("all active by name: %v", got)
	}
	if got := names(crm.ContactFilter{Role: crm.RoleMentor}); !eq(got, "Priya Raman") {
		t.Errorf("mentors: %v", got)
	}
	if got := names(crm.ContactFilter{Archived: true}); !eq(got, "Old Friend") {
		t.Errorf("archived: %v", got)
	}
	for q, want := range map[string]string{"fabrikam.example": "Priya Raman", "staff": "Sam Lee", "100%": "Sam Lee", "contoso": "émile Zola"} {
		if got := names(crm.ContactFilter{Search: q}); !eq(got, want) {
			t.Errorf("search %q: %v, want %s", q, got, want)
		}
	}
	if got := names(crm.ContactFilter{Search: "%"}); !eq(got, "Sam Lee") {
		t.Errorf("a literal %% must match only text holding one: %v", got)
	}
	if got := names(crm.ContactFilter{Limit: 1, Offset: 1}); !eq(got, "Priya Raman") {
		t.Errorf("page 2 of size 1: %v", got)
	}
	view(t, st, func(tx *Tx) error {
		n, err := tx.CountContacts(crm.ContactFilter{})
		if n != 3 {
			t.Errorf("count %d, want 3", n)
		}
		return err
	})
}

// Adding someone is not neglecting them: without an interaction, the first
// check-in falls a cadence after the later of the day met and the day
// added, so an import of people met long ago does not start out overdue.
// It holds wherever due dates are read: a person's row, the due list,
// Today's counts and the people list sorted by next check-in.
func TestDueNeverContactedStartsFromLaterOfMetAndAdded(t *testing.T) {
	st := openTemp(t, "2026-09-10")
	imported := addContact(t, st, crm.Contact{Name: "Imported", MetOn: crmtest.Date("2026-02-03")}, crm.RoleMentor)
	planned := addContact(t, st, crm.Contact{Name: "Planned", MetOn: crmtest.Date("2026-09-20")}, crm.RoleMentor)
	old := addContact(t, st, crm.Contact{Name: "Old", MetOn: crmtest.Date("2026-02-03"),
		AddedOn: crmtest.Date("2026-03-01")}, crm.RoleMentor)
	history := addContact(t, st, crm.Contact{Name: "History", MetOn: crmtest.Date("2026-02-03")}, crm.RoleMentor)
	logWith(t, st, "2026-03-01", history) // an interaction logged from the past: the rule is for no interaction

	for _, c := range []struct {
		id  int64
		due string
	}{
		{imported, "2026-10-22"}, // added today + 42 days, not met + 42 days (2026-03-17)
		{planned, "2026-11-01"},  // met after the day added: a cadence after meeting
		{old, "2026-04-12"},      // added 2026-03-01, after the day met
		{history, "2026-04-12"},  // last interaction 2026-03-01
	} {
		if s := dueOf(t, st, c.id); s.NextDue.String() != c.due {
			t.Errorf("%s: due %s, want %s", s.Name, s.NextDue, c.due)
		}
	}
	view(t, st, func(tx *Tx) error {
		due, err := tx.Due(tx.Today().AddDays(14))
		if err != nil {
			return err
		}
		if len(due) != 2 || due[0].ContactID != history || due[1].ContactID != old {
			t.Errorf("due within 14 days: %+v, want History and Old only", due)
		}
		counts, err := tx.DayCounts(tx.Today().AddDays(7))
		if err != nil {
			return err
		}
		if counts.Overdue != 2 || counts.Due != 2 {
			t.Errorf("Today's counts %+v, want 2 overdue and 2 due", counts)
		}
		list, err := tx.ListContacts(crm.ContactFilter{Sort: crm.SortByNextDue})
		if err != nil {
			return err
		}
		var names []string
		for _, s := range list {
			names = append(names, s.Name)
		}
		if strings.Join(names, ",") != "History,Old,Imported,Planned" {
			t.Errorf("sorted by next check-in: %v, want History,Old,Imported,Planned", names)
		}
		return nil
	})
}
