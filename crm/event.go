package crm

import "fmt"

// EventKind is what sort of gathering an event was.
type EventKind string

// The kinds of event where people are met.
const (
	EventConference EventKind = "conference"
	EventMeetup     EventKind = "meetup"
	EventTalk       EventKind = "talk"
	EventWorkshop   EventKind = "workshop"
	EventOnline     EventKind = "online" // an online community: a forum, a Slack, a Discord
)

// EventKinds lists the kinds in the order offered.
var EventKinds = []EventKind{EventConference, EventMeetup, EventTalk, EventWorkshop, EventOnline}

// ParseEventKind checks an event kind's name, case-insensitively.
func ParseEventKind(s string) (EventKind, error) { return parseEnum("event kind", s, EventKinds) }

// Event is a conference, meetup, talk, workshop or online community where
// the user met people. People and prospects met there link to it, and it
// becomes their source.
type Event struct {
	ID    int64     `json:"id"`
	Title string    `json:"title"`
	Kind  EventKind `json:"kind"`
	Date  Date      `json:"date"`
	Place string    `json:"place"`
	Notes string    `json:"notes"`
}

// Validate checks an event before it is stored; a missing kind is a meetup.
func (e *Event) Validate() error {
	if err := checkName(&e.Title, "title", "an event", ""); err != nil {
		return err
	}
	if e.Kind == "" {
		e.Kind = EventMeetup
	}
	if _, err := ParseEventKind(string(e.Kind)); err != nil {
		return Invalid("kind", err)
	}
	if e.Date.IsZero() {
		return Invalid("date", fmt.Errorf("an event needs a date, YYYY-MM-DD"))
	}
	return nil
}

// EventSummary is one row of the events list, with how many people and
// prospects were met there.
type EventSummary struct {
	Event
	People    int `json:"people"`
	Prospects int `json:"prospects"`
}

// EventPage is an event with who the user met there and who they still
// have to follow up with.
type EventPage struct {
	Event
	// Met lists the people (contacts) and prospects met there, by name.
	Met []Met `json:"met"`
	// FollowUp lists those still waiting for the user: prospects not yet
	// active or set aside, and people not talked to since the event.
	FollowUp []Met `json:"follow_up"`
}

// Met is someone met at an event: a contact (ContactID set) or a
// prospect (ProspectID set, with its stage and next follow-up).
type Met struct {
	ContactID   int64  `json:"contact_id,omitempty"`
	ProspectID  int64  `json:"prospect_id,omitempty"`
	Name        string `json:"name"`
	Stage       Stage  `json:"stage,omitempty"`
	FollowUpOn  Date   `json:"follow_up_on"`
	LastContact Date   `json:"last_contact"`
}
