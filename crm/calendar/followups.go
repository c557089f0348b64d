package calendar

import (
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Follow-ups with prospects are a source of their own: one all-day event
// per prospect still pursued whose follow-up falls within the horizon, on
// its day (today when late, saying how late). The event keeps its UID from
// one export to the next while the day moves, and leaves the calendar when
// the prospect moves on without a new follow-up.

// followUps emits the follow-up events due within the horizon.
func (b *builder) followUps(emit func(*event) error) error {
	list, err := b.tx.FollowUpsDue(b.until)
	if err != nil {
		return err
	}
	for _, f := range list {
		if err := emit(b.followUp(f)); err != nil {
			return err
		}
	}
	return nil
}

// followUp is one prospect's follow-up event.
func (b *builder) followUp(f crm.FollowUp) *event {
	day := f.Due
	if day.Before(b.today) {
		day = b.today
	}
	ev := b.allDay(uid(b.salt, "followup", f.ProspectID), day, followUpSummary(f), followUpDescription(f))
	cats := []string{"prospect"}
	if f.Role != "" {
		cats = append(cats, string(f.Role))
	}
	ev.categories = cats
	return ev
}

// followUpSummary is the line a calendar shows: "Follow up with Dana
// Whitfield (mentor sought)", and how late when overdue.
func followUpSummary(f crm.FollowUp) string {
	s := "Follow up with " + f.Name
	if f.Role != "" {
		s += " (" + string(f.Role) + " sought)"
	}
	if f.DaysOverdue > 0 {
		s += ": " + daysLate(f.DaysOverdue)
	}
	return s
}

// followUpDescription says where the pursuit stands and what was asked,
// so the follow-up can pick up the thread.
func followUpDescription(f crm.FollowUp) string {
	lines := []string{"Follow-up due " + f.Due.String() + "; stage: " + string(f.Stage) + "."}
	if f.Serves != "" {
		lines = append(lines, "For: "+f.Serves)
	}
	if !f.LastOutreach.IsZero() {
		last := "Last reached out " + f.LastOutreach.String()
		if f.Channel != "" {
			last += " by " + f.Channel
		}
		lines = append(lines, last+".")
	}
	if f.Ask != "" {
		lines = append(lines, "You asked: "+f.Ask)
	}
	return strings.Join(lines, "\n")
}
