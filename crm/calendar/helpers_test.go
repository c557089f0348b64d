package calendar_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

// fixtureToday is the day every test computes from.
var fixtureToday = crmtest.Date("2026-03-10")

// Text the fixture stores as private notes: it must never reach a calendar
// unless notes are asked for.
const (
	privateContactNote     = "PRIVATE-CONTACT-NOTE about Priya"
	privateInteractionNote = "PRIVATE-TALK-NOTE from January"
)

// longUnicode is a summary long enough to fold several times, in Chinese
// and emoji, with characters of 3 and 4 octets.
const longUnicode = "讨论了产品经理的职业道路和下一步计划，包括面试准备与作品集 🚀🎯✨ 还有关于团队管理的经验分享与建议"

// fixture is a real database with a known book of people at fixtureToday.
type fixture struct {
	st      *store.Store
	ids     map[string]int64
	circles map[string]int64
	clock   time.Time
}

func (f *fixture) now() time.Time { return f.clock }

// newFixture opens a database in t.TempDir() holding:
//   - Priya Raman, mentor (42d), last talked 2026-01-01: due 2026-02-12, 26 days late;
//     a promise to her, an introduction from her, a goal she helps with, private notes;
//   - Wei Zhang, coach (14d), last talked 2026-03-01 about longUnicode: due 2026-03-15;
//   - Sam "Rock" O'Neil; Jr., \o/ with no role (90d), added 2026-01-01: due 2026-04-01;
//   - Far Away, cadence 365d, talked 2026-03-01: due 2027, beyond the horizon;
//   - Gone Person, archived, would be overdue;
//   - PM Circle meeting every 28 days, last met 2026-02-20.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{st: storetest.Open(t, fixtureToday, nil), ids: map[string]int64{}, circles: map[string]int64{},
		clock: time.Date(2026, 3, 10, 8, 30, 0, 0, time.UTC)}
	d := crmtest.Date
	f.update(t, func(tx *store.Tx) error {
		// Sam has no role: the book checks on such people every 90 days, as
		// books made before imports do (a new book checks on nobody without a role).
		if err := tx.SetRoleCadence(crm.RoleNone, 90); err != nil {
			return err
		}
		people := []crm.Contact{
			{Name: "Priya Raman", MetOn: d("2025-06-01"), Notes: privateContactNote, Roles: []crm.Role{{Kind: crm.RoleMentor}}},
			{Name: "Wei Zhang", MetOn: d("2025-09-01"), Roles: []crm.Role{{Kind: crm.RoleCoach}}},
			{Name: `Sam "Rock" O'Neil; Jr., \o/`, AddedOn: d("2026-01-01")},
			{Name: "Far Away", MetOn: d("2025-01-01"), CadenceDays: 365},
			{Name: "Gone Person", MetOn: d("2024-01-01"), Archived: true},
		}
		for i := range people {
			if err := tx.AddContact(&people[i]); err != nil {
				return err
			}
			f.ids[people[i].Name] = people[i].ID
		}
		priya := f.ids["Priya Raman"]
		if err := tx.LogInteraction(&crm.Interaction{Date: d("2026-01-01"), Kind: crm.KindCall, Summary: "Career plan review",
			Notes: privateInteractionNote, Participants: []crm.Participant{{ContactID: priya}},
			Exchanges: []crm.Exchange{
				{ContactID: priya, Direction: crm.Gave, Kind: crm.ExResource, Description: "send the PM reading list", Commitment: true},
				{ContactID: priya, Direction: crm.Received, Kind: crm.ExIntroduction, Description: "intro to Ana at Stripe"},
			}}); err != nil {
			return err
		}
		for _, name := range []string{"Wei Zhang", "Far Away"} {
			if err := tx.LogInteraction(&crm.Interaction{Date: d("2026-03-01"), Kind: crm.KindVideo, Summary: longUnicode,
				Participants: []crm.Participant{{ContactID: f.ids[name]}}}); err != nil {
				return err
			}
		}
		g := &crm.Goal{Title: "Become a PM by 2027", Helpers: []crm.Participant{{ContactID: priya}}}
		if err := tx.AddGoal(g); err != nil {
			return err
		}
		c := &crm.Circle{Name: "PM Circle", Purpose: "Aspiring PMs trade lessons", CadenceDays: 28}
		if err := tx.AddCircle(c); err != nil {
			return err
		}
		f.circles[c.Name] = c.ID
		if err := tx.Join(c.ID, f.ids["Wei Zhang"], d("2025-10-01")); err != nil {
			return err
		}
		return tx.LogInteraction(&crm.Interaction{Date: d("2026-02-20"), Kind: crm.KindMeeting, CircleID: c.ID,
			Summary: "Mock interviews", Participants: []crm.Participant{{ContactID: f.ids["Wei Zhang"]}}})
	})
	return f
}

func (f *fixture) update(t *testing.T, fn func(*store.Tx) error) {
	t.Helper()
	if err := f.st.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

// settings loads the calendar settings as they are stored.
func (f *fixture) settings(t *testing.T) calendar.Settings {
	t.Helper()
	var s calendar.Settings
	f.update(t, func(tx *store.Tx) (err error) { s, err = calendar.LoadSettings(tx); return err })
	return s
}

// export builds and encodes the calendar with the fixture's clock.
func (f *fixture) export(t *testing.T, opts calendar.Options) (string, *calendar.Export) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = f.now
	}
	data, ex, err := calendar.Encoded(context.Background(), f.st, opts)
	if err != nil {
		t.Fatal(err)
	}
	return string(data), ex
}

// unfold undoes line folding, for reading values back.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

// events splits an unfolded export into its VEVENT blocks by UID.
func events(t *testing.T, ics string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, block := range strings.Split(unfold(ics), "BEGIN:VEVENT\r\n")[1:] {
		block, _, _ = strings.Cut(block, "END:VEVENT\r\n")
		uid := prop(block, "UID")
		if uid == "" {
			t.Fatalf("event without UID:\n%s", block)
		}
		out[uid] = block
	}
	return out
}

// prop returns the value of the first property called name in an unfolded block.
func prop(block, name string) string {
	for _, line := range strings.Split(block, "\r\n") {
		n, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		n, _, _ = strings.Cut(n, ";")
		if n == name {
			return v
		}
	}
	return ""
}

// eventFor finds the event whose SUMMARY mentions who.
func eventFor(t *testing.T, evs map[string]string, who string) (string, string) {
	t.Helper()
	for uid, ev := range evs {
		if strings.Contains(prop(ev, "SUMMARY"), who) {
			return uid, ev
		}
	}
	t.Fatalf("no event for %q", who)
	return "", ""
}

func encodeString(t *testing.T, ex *calendar.Export) string {
	t.Helper()
	var buf bytes.Buffer
	if err := calendar.Encode(&buf, ex.Calendar); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
