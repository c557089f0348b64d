package calendar

import (
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// checkInSummary is the line a calendar shows: "Check in with Priya Raman
// (mentor)", and how late it is when overdue.
func checkInSummary(c crm.CheckIn) string {
	s := "Check in with " + c.Name
	if len(c.Roles) > 0 {
		s += " (" + crm.JoinRoles(c.Roles, ", ") + ")"
	}
	if c.DaysOverdue > 0 {
		s += ": " + daysLate(c.DaysOverdue)
	}
	return s
}

func daysLate(n int) string {
	if n == 1 {
		return "1 day late"
	}
	return strconv.Itoa(n) + " days late"
}

// checkInDescription tells the user what to reach out with: the last talk,
// what they promised, what the person gave them, and the goal they help with.
// Private notes appear only when r carries them (the with-notes choice).
// It is written for every check-in of an export, so it builds its lines
// in one buffer.
func checkInDescription(c crm.CheckIn, r ReachOut) string {
	var b strings.Builder
	b.Grow(256)
	b.WriteString("Check-in due " + c.Due.String())
	if c.DaysOverdue > 0 {
		b.WriteString(" (" + daysLate(c.DaysOverdue) + ")")
	}
	if c.CadenceDays > 0 {
		b.WriteString(", every " + crm.FormatDays(c.CadenceDays))
	}
	b.WriteString(".")
	switch {
	case c.LastContact.IsZero():
		b.WriteString("\nNo conversation logged yet.")
	case c.LastSummary != "":
		b.WriteString("\nLast talked " + c.LastContact.String() + ": " + c.LastSummary)
	default:
		b.WriteString("\nLast talked " + c.LastContact.String() + ".")
	}
	for _, x := range r.Promised {
		b.WriteString("\nYou promised: " + x.Description + " (" + string(x.Kind) + ", since " + x.Date.String() + ")")
	}
	for _, x := range r.TheyGave {
		b.WriteString("\nThey gave you: " + x.Description + " (" + string(x.Kind) + ", " + x.Date.String() + ")")
	}
	for _, g := range r.Goals {
		b.WriteString("\nThey help with your goal: " + g)
	}
	if n := strings.TrimSpace(r.Notes); n != "" {
		b.WriteString("\nNotes: " + n)
	}
	if n := strings.TrimSpace(r.LastNotes); n != "" {
		b.WriteString("\nNotes from your last talk: " + n)
	}
	return b.String()
}
