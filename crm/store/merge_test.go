package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// mergeBook is a book with one person entered twice (Ana Silva, kept, and
// ana silva, the other record) and the people and records around them.
type mergeBook struct {
	st                    *Store
	keep, other, tom, zoe int64
	shared, onlyOther     int64 // interactions: both took part; only other (with Tom)
	goalBoth, goalOther   int64
	circleBoth, circleOth int64
}

func day(s string) crm.Date { return crmtest.Date(s) }

func newMergeBook(t *testing.T) *mergeBook {
	t.Helper()
	st := openTemp(t, "2026-11-25")
	b := &mergeBook{st: st}
	b.keep = addContact(t, st, crm.Contact{Name: "Ana Silva", MetOn: day("2025-01-10"), Notes: "met at ProductCon",
		Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: "ana@contoso.example", Primary: true}},
		Roles:    []crm.Role{{Kind: crm.RoleMentor, Since: day("2025-01-10")}}})
	b.other = addContact(t, st, crm.Contact{Name: "ana silva", Company: "Contoso", Title: "VP Product",
		Birthday: day("1980-04-02"), Notes: "prefers mornings", CadenceDays: 21,
		Channels: []crm.Channel{
			{Kind: crm.ChannelEmail, Label: "work", Value: "ANA@Contoso.example", Primary: true},
			{Kind: crm.ChannelEmail, Value: "ana@home.example"},
			{Kind: crm.ChannelPhone, Label: "mobile", Value: "+1 555 0100"},
			{Kind: crm.ChannelURL, Label: "linkedin", Value: "https://www.linkedin.com/in/anasilva/"},
		},
		Roles: []crm.Role{{Kind: crm.RoleCoach, Since: day("2024-01-01"), Until: day("2024-06-30")},
			{Kind: crm.RoleMentor, Since: day("2025-03-01")}}})
	b.tom = addContact(t, st, crm.Contact{Name: "Tom Ng", Source: crm.SourceReferral, ReferredBy: b.other})
	b.zoe = addContact(t, st, crm.Contact{Name: "Zoe Park"})
	logWith(t, st, "2026-09-01", b.keep)
	b.onlyOther = logWith(t, st, "2026-11-20", b.other, b.tom)
	update(t, st, func(tx *Tx) error {
		in := &crm.Interaction{Date: day("2026-10-05"), Kind: crm.KindMeeting, Summary: "both",
			Participants: []crm.Participant{{ContactID: b.keep}, {ContactID: b.other}, {ContactID: b.zoe}},
			Exchanges: []crm.Exchange{{Direction: crm.Gave, Kind: crm.ExAdvice, Description: "a reading list"},
				{Direction: crm.Received, Kind: crm.ExResource, Description: "the deck", Commitment: true}}}
		if err := tx.LogInteraction(in); err != nil {
			return err
		}
		b.shared = in.ID
		if err := tx.AddExchange(&crm.Exchange{ContactID: b.other, Direction: crm.Received, Kind: crm.ExFeedback,
			Description: "feedback on my talk", Date: day("2026-08-01")}); err != nil {
			return err
		}
		// other kept the promise of the deck, keep's copy still says open.
		if _, err := tx.exec(`UPDATE exchanges SET done_on = '2026-10-20' WHERE contact_id = ? AND commitment = 1`, b.other); err != nil {
			return err
		}
		return b.goalsAndCircles(tx)
	})
	if _, err := st.rw.Exec(`INSERT INTO reviews (quarter, saved_at) VALUES ('2026Q3', '2026-10-01T00:00:00Z');
		INSERT INTO review_decisions (quarter, contact_id, decision, decided_on) VALUES ('2026Q3', ?, 'deepen', '2026-10-01')`, b.other); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *mergeBook) goalsAndCircles(tx *Tx) error {
	both := &crm.Goal{Title: "Land a staff PM role", Helpers: []crm.Participant{{ContactID: b.keep}, {ContactID: b.other}}}
	only := &crm.Goal{Title: "Speak at a conference", Helpers: []crm.Participant{{ContactID: b.other}}}
	for _, g := range []*crm.Goal{both, only} {
		if err := tx.AddGoal(g); err != nil {
			return err
		}
	}
	b.goalBoth, b.goalOther = both.ID, only.ID
	cb, co := &crm.Circle{Name: "Aspiring PMs"}, &crm.Circle{Name: "Women in Product"}
	for _, c := range []*crm.Circle{cb, co} {
		if err := tx.AddCircle(c); err != nil {
			return err
		}
	}
	b.circleBoth, b.circleOth = cb.ID, co.ID
	for _, j := range []struct {
		circle, who int64
		on          string
	}{{cb.ID, b.keep, "2026-02-01"}, {cb.ID, b.other, "2026-01-01"}, {co.ID, b.other, "2026-03-01"}} {
		if err := tx.Join(j.circle, j.who, day(j.on)); err != nil {
			return err
		}
	}
	return nil
}

// count runs a count query on the store.
func count(t *testing.T, st *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := st.rw.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// dumpAll renders every table as sorted rows, so a test can tell that
// nothing at all changed.
func dumpAll(t *testing.T, st *Store) string {
	t.Helper()
	var tables []string
	view(t, st, func(tx *Tx) (err error) {
		tables, err = tx.strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
		return err
	})
	var b strings.Builder
	for _, name := range tables {
		view(t, st, func(tx *Tx) error {
			rows, err := tx.selectRows("SELECT * FROM " + name)
			if err != nil {
				return err
			}
			lines := make([]string, len(rows.rows))
			for i, r := range rows.rows {
				lines[i] = fmt.Sprint(r...)
			}
			sort.Strings(lines)
			fmt.Fprintf(&b, "== %s %v\n%s\n", name, rows.cols, strings.Join(lines, "\n"))
			return nil
		})
	}
	return b.String()
}

func merge(t *testing.T, st *Store, keep, other int64) (crm.MergeSummary, *MergeUndo) {
	t.Helper()
	var sum crm.MergeSummary
	var u *MergeUndo
	update(t, st, func(tx *Tx) (err error) {
		sum, u, err = tx.MergeContacts(keep, other)
		return err
	})
	return sum, u
}

func TestMergeKeepsEveryInteraction(t *testing.T) {
	b := newMergeBook(t)
	st := b.st
	interactions := count(t, st, "SELECT count(*) FROM interactions")
	participants := count(t, st, "SELECT count(*) FROM participants")
	exchanges := count(t, st, "SELECT count(*) FROM exchanges")
	var preview crm.MergeSummary
	view(t, st, func(tx *Tx) (err error) {
		preview, err = tx.MergePreview(b.keep, b.other)
		return err
	})
	sum, _ := merge(t, st, b.keep, b.other)
	if !sameSummary(preview, sum) {
		t.Errorf("the preview said %+v, the merge did %+v", preview, sum)
	}
	if sum.Interactions != 2 || sum.SharedInteractions != 1 || sum.Exchanges != 1 || sum.DuplicateExchanges != 2 {
		t.Errorf("summary %+v: want 2 interactions (1 shared), 1 exchange moved and 2 repeats dropped", sum)
	}
	if got := count(t, st, "SELECT count(*) FROM interactions"); got != interactions {
		t.Errorf("%d interactions after the merge, want all %d", got, interactions)
	}
	if got := count(t, st, "SELECT count(*) FROM participants"); got != participants-1 {
		t.Errorf("%d participant rows, want %d: one less for the interaction both took part in", got, participants-1)
	}
	if got := count(t, st, "SELECT count(*) FROM participants WHERE interaction_id = ? AND contact_id = ?", b.shared, b.keep); got != 1 {
		t.Errorf("keep has %d participant rows in the shared interaction, want 1", got)
	}
	if got := count(t, st, "SELECT count(*) FROM exchanges"); got != exchanges-2 {
		t.Errorf("%d exchanges, want %d (the two given to everyone present are kept once)", got, exchanges-2)
	}
	view(t, st, func(tx *Tx) error {
		tl, err := tx.Timeline(b.keep, 0, 0)
		if err != nil {
			return err
		}
		if len(tl) != 3 {
			t.Errorf("keep's timeline has %d interactions, want 3 (own, shared, other's)", len(tl))
		}
		if _, err := tx.Contact(b.other); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("the other record is still there: %v", err)
		}
		open, err := tx.OpenCommitments(b.keep)
		if err != nil {
			return err
		}
		if len(open) != 0 {
			t.Errorf("the deck promise other kept is still open on keep: %+v", open)
		}
		return nil
	})
}

func sameSummary(a, b crm.MergeSummary) bool {
	return fmt.Sprintf("%+v", a) == fmt.Sprintf("%+v", b)
}

func TestMergeMovesRecordsAndFillsFields(t *testing.T) {
	b := newMergeBook(t)
	sum, _ := merge(t, b.st, b.keep, b.other)
	view(t, b.st, func(tx *Tx) error {
		c, err := tx.Contact(b.keep)
		if err != nil {
			return err
		}
		checkMergedContact(t, c)
		if !slices.Equal(sum.Filled, []string{"company", "title", "birthday", "cadence"}) || !sum.NotesAdded {
			t.Errorf("filled %v, notes added %v", sum.Filled, sum.NotesAdded)
		}
		circles, err := tx.CirclesOf(b.keep)
		if err != nil {
			return err
		}
		if !slices.Equal(circles, []string{"Aspiring PMs", "Women in Product"}) {
			t.Errorf("circles %v", circles)
		}
		members, err := tx.members(&crm.Circle{ID: b.circleBoth})
		if err != nil {
			return err
		}
		if len(members) != 1 || members[0].Joined != day("2026-01-01") {
			t.Errorf("Aspiring PMs members %+v: want one membership since the earlier join", members)
		}
		goals, err := tx.GoalsOf(b.keep)
		if err != nil {
			return err
		}
		if len(goals) != 2 {
			t.Errorf("keep helps with %d goals, want 2", len(goals))
		}
		tom, err := tx.Contact(b.tom)
		if err != nil {
			return err
		}
		if tom.ReferredBy != b.keep {
			t.Errorf("Tom is introduced by #%d, want keep #%d", tom.ReferredBy, b.keep)
		}
		return nil
	})
	if got := count(t, b.st, "SELECT count(*) FROM review_decisions WHERE contact_id = ?", b.keep); got != 1 {
		t.Errorf("keep has %d review decisions, want other's 1", got)
	}
}

func checkMergedContact(t *testing.T, c *crm.Contact) {
	t.Helper()
	if c.Name != "Ana Silva" || c.Company != "Contoso" || c.Title != "VP Product" || c.Birthday != day("1980-04-02") ||
		c.MetOn != day("2025-01-10") || c.CadenceDays != 21 {
		t.Errorf("merged fields %+v", c)
	}
	if c.Notes != "met at ProductCon\n\nprefers mornings" {
		t.Errorf("notes %q: want both, keep's first", c.Notes)
	}
	want := []crm.Channel{
		{Kind: crm.ChannelEmail, Label: "work", Value: "ana@contoso.example", Primary: true},
		{Kind: crm.ChannelEmail, Value: "ana@home.example"},
		{Kind: crm.ChannelPhone, Label: "mobile", Value: "+1 555 0100", Primary: true},
		{Kind: crm.ChannelURL, Label: "linkedin", Value: "https://www.linkedin.com/in/anasilva/", Primary: true},
	}
	if !slices.Equal(c.Channels, want) {
		t.Errorf("channels\n got %+v\nwant %+v", c.Channels, want)
	}
	wantRoles := []crm.Role{{Kind: crm.RoleCoach, Since: day("2024-01-01"), Until: day("2024-06-30")},
		{Kind: crm.RoleMentor, Since: day("2025-01-10")}, {Kind: crm.RoleCircle, Since: day("2026-01-01")}}
	if !slices.Equal(c.Roles, wantRoles) {
		t.Errorf("roles %+v, want %+v", c.Roles, wantRoles)
	}
}

// Last contact and the next check-in are computed from the interactions,
// so after a merge they count both records' interactions.
func TestMergeCheckInFollowsTheMovedInteractions(t *testing.T) {
	b := newMergeBook(t)
	merge(t, b.st, b.keep, b.other)
	view(t, b.st, func(tx *Tx) error {
		s, err := tx.ContactSummary(b.keep)
		if err != nil {
			return err
		}
		if s.LastContact != day("2026-11-20") || s.CadenceDays != 21 || s.NextDue != day("2026-12-11") {
			t.Errorf("after the merge: last contact %s, cadence %d, next %s; want 2026-11-20, 21, 2026-12-11",
				s.LastContact, s.CadenceDays, s.NextDue)
		}
		due, err := tx.Due(day("2027-12-31"))
		if err != nil {
			return err
		}
		n := 0
		for _, d := range due {
			if d.ContactID == b.other {
				t.Error("the removed record still has a check-in")
			}
			if d.ContactID == b.keep {
				n++
			}
		}
		if n != 1 {
			t.Errorf("keep has %d check-ins, want 1", n)
		}
		return nil
	})
}

// A merge that fails part way, here when the other record is removed,
// leaves the whole book as it was.
func TestFailedMergeChangesNothing(t *testing.T) {
	b := newMergeBook(t)
	if _, err := b.st.rw.Exec(`CREATE TRIGGER no_delete BEFORE DELETE ON contacts
		BEGIN SELECT RAISE(ABORT, 'deleting is off in this test'); END`); err != nil {
		t.Fatal(err)
	}
	before := dumpAll(t, b.st)
	err := b.st.Update(context.Background(), func(tx *Tx) error {
		_, _, err := tx.MergeContacts(b.keep, b.other)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "deleting is off") {
		t.Fatalf("merge error %v, want the trigger's", err)
	}
	if after := dumpAll(t, b.st); after != before {
		t.Errorf("a failed merge changed the book:\n%s", diffLines(before, after))
	}
}

func TestMergeRefusesOnePersonOrNobody(t *testing.T) {
	b := newMergeBook(t)
	for _, c := range []struct {
		keep, other int64
		code        string
	}{{b.keep, b.keep, crm.EInvalid}, {b.keep, 999, crm.ENotFound}, {999, b.other, crm.ENotFound}} {
		err := b.st.Update(context.Background(), func(tx *Tx) error {
			_, _, err := tx.MergeContacts(c.keep, c.other)
			return err
		})
		if crm.ErrorCode(err) != c.code {
			t.Errorf("merge #%d into #%d: %v, want %s", c.other, c.keep, err, c.code)
		}
	}
}

// Someone introduced by their own duplicate is introduced, after the
// merge, by whoever introduced the duplicate; never by themselves.
func TestMergeNeverLeavesSomeoneIntroducingThemselves(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	kim := addContact(t, st, crm.Contact{Name: "Kim Lee"})
	other := addContact(t, st, crm.Contact{Name: "Ana (old)", ReferredBy: kim})
	keep := addContact(t, st, crm.Contact{Name: "Ana", ReferredBy: other})
	merge(t, st, keep, other)
	view(t, st, func(tx *Tx) error {
		c, err := tx.Contact(keep)
		if err != nil {
			return err
		}
		if c.ReferredBy != kim {
			t.Errorf("Ana is introduced by #%d, want Kim #%d", c.ReferredBy, kim)
		}
		return nil
	})
}

func TestUndoMergeRestoresBothRecordsExactly(t *testing.T) {
	b := newMergeBook(t)
	before := dumpAll(t, b.st)
	_, u := merge(t, b.st, b.keep, b.other)
	var name string
	update(t, b.st, func(tx *Tx) (err error) {
		name, err = tx.UndoMerge(u)
		return err
	})
	if name != "ana silva" {
		t.Errorf("undo restored %q", name)
	}
	if after := dumpAll(t, b.st); after != before {
		t.Errorf("undo did not restore the book exactly:\n%s", diffLines(before, after))
	}
}

// Undo after the merged person changed would lose the change: it is
// refused, changing nothing.
func TestUndoMergeRefusedAfterAChange(t *testing.T) {
	b := newMergeBook(t)
	_, u := merge(t, b.st, b.keep, b.other)
	logWith(t, b.st, "2026-11-24", b.keep)
	before := dumpAll(t, b.st)
	err := b.st.Update(context.Background(), func(tx *Tx) error {
		_, err := tx.UndoMerge(u)
		return err
	})
	if crm.ErrorCode(err) != crm.EConflict {
		t.Fatalf("undo after a change: %v, want a conflict", err)
	}
	if after := dumpAll(t, b.st); after != before {
		t.Errorf("a refused undo changed the book:\n%s", diffLines(before, after))
	}
}

// Every foreign key to contacts is a table the merge moves and its undo
// puts back, or contacts.referred_by, which both handle on their own. A
// migration that adds another must teach the merge about it.
func TestMergeKnowsEveryTableThatNamesAContact(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	known := map[string]bool{"contacts.referred_by": true, "prospects.contact_id": true, "prospects.referred_by": true}
	for _, tb := range contactTables {
		known[tb.name+".contact_id"] = true
	}
	var refs []string
	view(t, st, func(tx *Tx) (err error) {
		refs, err = tx.strings(`SELECT m.name || '.' || f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
			WHERE m.type = 'table' AND f."table" = 'contacts' ORDER BY 1`)
		return err
	})
	for _, r := range refs {
		if !known[r] {
			t.Errorf("%s names a contact, but a merge does not move it (add it to contactTables and mergeMoves)", r)
		}
	}
	if len(refs) != len(known) {
		t.Errorf("foreign keys to contacts %v; the merge knows %d", refs, len(known))
	}
}

// diffLines shows the lines that differ between two dumps.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	in := func(list []string) map[string]bool {
		m := map[string]bool{}
		for _, l := range list {
			m[l] = true
		}
		return m
	}
	ina, inb := in(al), in(bl)
	var out []string
	for _, l := range al {
		if !inb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range bl {
		if !ina[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
