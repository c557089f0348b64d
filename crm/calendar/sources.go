package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// source is one kind of event in the calendar. Its events function reads
// what it needs from the builder's snapshot (b.tx) and hands each event to
// emit as soon as it is built; emit stamps it and writes it out, so a
// source never holds its events. An event's UID must be stable from one
// export to the next: make it with uid(b.salt, kind, id), with a kind of
// its own.
type source struct {
	name   string // in errors: "calendar check-ins: ..."
	events func(b *builder, emit func(*event) error) error
}

// sources are the kinds of event an export holds, in the order it writes
// them. A new kind of event (a follow-up, a date to revisit an agreement)
// is one more source: a method of builder that reads its rows and emits an
// event for each, added here.
var sources = []source{
	{name: "review", events: (*builder).review},
	{name: "circles", events: (*builder).circles},
	{name: "check-ins", events: (*builder).checkIns},
	{name: "follow-ups", events: (*builder).followUps},
	{name: "agreements", events: func(b *builder, emit func(*event) error) error { return b.agreementEvents(b.until, emit) }},
}

// builder makes the events of one export from one snapshot.
type builder struct {
	tx    Reader
	s     Settings
	salt  string
	today crm.Date
	until crm.Date // the end of the horizon: events after it are left out
	alarm string   // the TRIGGER of every event's alarm, "" for none
}

// newBuilder reads the saved settings, as opts adjust them, for an export from tx.
func newBuilder(tx Reader, opts Options, salt string) (*builder, error) {
	s, err := LoadSettings(tx)
	if err != nil {
		return nil, err
	}
	if opts.Horizon.N > 0 {
		s.Horizon = opts.Horizon
	}
	s.WithNotes = s.WithNotes || opts.WithNotes
	today := tx.Today()
	return &builder{tx: tx, s: s, salt: salt, today: today, until: s.Horizon.After(today), alarm: alarmTrigger(s.AlarmTime)}, nil
}

// uid makes the stable UID of one kind of event about one record.
func uid(salt, kind string, id int64) string {
	sum := sha256.Sum256([]byte(salt + "/" + kind + "/" + strconv.FormatInt(id, 10)))
	return "kith-" + kind + "-" + hex.EncodeToString(sum[:10]) + uidDomain
}

// checkIns are the check-ins due within the horizon, soonest first, each
// with what helps to reach out: read for ReachOutChunk contacts at a time
// (one statement instead of several per person), a chunk ahead of the
// events being written (see readAhead), written, then let go.
func (b *builder) checkIns(emit func(*event) error) error {
	due, err := b.tx.Due(b.until)
	if err != nil {
		return err
	}
	chunks, stop := b.readAhead(due)
	defer stop()
	for c := range chunks {
		if c.err != nil {
			return c.err
		}
		for i, ci := range c.due {
			if err := emit(b.checkIn(ci, c.reach[ci.ContactID])); err != nil {
				return err
			}
			c.due[i] = crm.CheckIn{} // written: let its strings go
		}
	}
	return nil
}

// isoDuration writes a non-negative offset of whole minutes as PT9H30M.
func isoDuration(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	s := "PT"
	if h > 0 {
		s += strconv.Itoa(h) + "H"
	}
	if m > 0 || h == 0 {
		s += strconv.Itoa(m) + "M"
	}
	return s
}

// checkIn is one contact's check-in. An overdue one is placed on today and
// says how late it is, since a calendar shows what is on a day, not what
// was missed. r is what the check-in says (see checkInDescription).
func (b *builder) checkIn(c crm.CheckIn, r ReachOut) *event {
	day := c.Due
	if day.Before(b.today) {
		day = b.today
	}
	ev := b.allDay(uid(b.salt, "checkin", c.ContactID), day, checkInSummary(c), checkInDescription(c, r))
	if len(c.Roles) > 0 {
		ev.categories = make([]string, len(c.Roles))
		for i, role := range c.Roles {
			ev.categories[i] = string(role)
		}
	}
	return ev
}

// review is the recurring quarterly relationship review. A rule that no
// longer yields a day falls back to the default, so the calendar always
// holds at least this event and stays a valid file.
func (b *builder) review(emit func(*event) error) error {
	rule := b.s.ReviewRule
	start, err := reviewStart(rule, b.today)
	if err != nil {
		rule = DefaultReviewRule
		if start, err = reviewStart(rule, b.today); err != nil {
			return err
		}
	}
	ev := b.allDay(uid(b.salt, "review", 0), start, "Quarterly relationship review",
		"Look back at the quarter with Kith: who helped you, whom you helped, which relationships "+
			"went quiet, and whether your coaches, mentors and circles still fit your goals.")
	ev.rule = rule
	return emit(ev)
}

// circles are the meeting rhythms of circles that have a cadence: a series
// from the next expected meeting (today when it is overdue or the circle
// never met).
func (b *builder) circles(emit func(*event) error) error {
	list, err := b.tx.Circles()
	if err != nil {
		return err
	}
	for _, c := range list {
		if c.CadenceDays == 0 {
			continue
		}
		start := c.NextMeeting()
		if start.IsZero() || start.Before(b.today) {
			start = b.today
		}
		ev := b.allDay(uid(b.salt, "circle", c.ID), start, "Circle meeting: "+c.Name, circleDescription(c))
		ev.rule = cadenceRule(c.CadenceDays)
		ev.categories = []string{string(crm.RoleCircle)}
		if err := emit(ev); err != nil {
			return err
		}
	}
	return nil
}

// cadenceRule writes a cadence in days as an RRULE, in weeks when it is whole weeks.
func cadenceRule(days int) string {
	if days%7 == 0 {
		return "FREQ=WEEKLY;INTERVAL=" + strconv.Itoa(days/7)
	}
	return "FREQ=DAILY;INTERVAL=" + strconv.Itoa(days)
}

func circleDescription(c *crm.Circle) string {
	var lines []string
	if c.Purpose != "" {
		lines = append(lines, c.Purpose)
	}
	lines = append(lines, "Meets every "+crm.FormatDays(c.CadenceDays)+".")
	if !c.LastMet.IsZero() {
		lines = append(lines, "Last met "+c.LastMet.String()+".")
	}
	members := c.CurrentMembers()
	if len(members) > 0 {
		names := make([]string, 0, len(members))
		for i, m := range members {
			if i == 12 {
				names = append(names, fmt.Sprintf("and %d more", len(members)-i))
				break
			}
			names = append(names, m.Name)
		}
		lines = append(lines, "Members: "+strings.Join(names, ", ")+".")
	}
	return strings.Join(lines, "\n")
}
