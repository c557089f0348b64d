package calendar

import (
	"fmt"
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
	return fmt.Sprintf("%d days late", n)
}

// checkInDescription tells the user what to reach out with: the last talk,
// what they promised, what the person gave them, and the goal they help with.
// Private notes appear only when r carries them (the with-notes choice).
func checkInDescription(c crm.CheckIn, r ReachOut) string {
	var lines []string
	due := "Check-in due " + c.Due.String()
	if c.DaysOverdue > 0 {
		due += " (" + daysLate(c.DaysOverdue) + ")"
	}
	if c.CadenceDays > 0 {
		due += ", every " + crm.FormatDays(c.CadenceDays)
	}
	lines = append(lines, due+".")
	switch {
	case c.LastContact.IsZero():
		lines = append(lines, "No conversation logged yet.")
	case c.LastSummary != "":
		lines = append(lines, "Last talked "+c.LastContact.String()+": "+c.LastSummary)
	default:
		lines = append(lines, "Last talked "+c.LastContact.String()+".")
	}
	for _, x := range r.Promised {
		lines = append(lines, fmt.Sprintf("You promised: %s (%s, since %s)", x.Description, x.Kind, x.Date))
	}
	for _, x := range r.TheyGave {
		lines = append(lines, fmt.Sprintf("They gave you: %s (%s, %s)", x.Description, x.Kind, x.Date))
	}
	for _, g := range r.Goals {
		lines = append(lines, "They help with your goal: "+g)
	}
	if n := strings.TrimSpace(r.Notes); n != "" {
		lines = append(lines, "Notes: "+n)
	}
	if n := strings.TrimSpace(r.LastNotes); n != "" {
		lines = append(lines, "Notes from your last talk: "+n)
	}
	return strings.Join(lines, "\n")
}
