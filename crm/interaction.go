package crm

import "fmt"

// InteractionKind is how an interaction happened.
type InteractionKind string

// The kinds of interaction.
const (
	KindMeeting InteractionKind = "meeting"
	KindCall    InteractionKind = "call"
	KindVideo   InteractionKind = "video"
	KindMessage InteractionKind = "message"
	KindEmail   InteractionKind = "email"
	KindEvent   InteractionKind = "event"
	KindOther   InteractionKind = "other"
)

// InteractionKinds lists every kind in display order.
var InteractionKinds = []InteractionKind{KindMeeting, KindCall, KindVideo, KindMessage, KindEmail, KindEvent, KindOther}

// ParseInteractionKind checks an interaction kind, case-insensitively.
func ParseInteractionKind(s string) (InteractionKind, error) {
	return parseEnum("kind", s, InteractionKinds)
}

// Interaction is one time the user and some contacts met, talked or wrote.
// A circle meeting is an interaction with the circle set and its attending
// members as participants.
type Interaction struct {
	ID           int64           `json:"id"`
	Date         Date            `json:"date"`
	Kind         InteractionKind `json:"kind"`
	Minutes      int             `json:"minutes"`
	Summary      string          `json:"summary"`
	Notes        string          `json:"notes"`
	CircleID     int64           `json:"circle_id,omitempty"`
	Circle       string          `json:"circle,omitempty"`
	GoalID       int64           `json:"goal_id,omitempty"`
	Goal         string          `json:"goal,omitempty"`
	Participants []Participant   `json:"participants"`
	Exchanges    []Exchange      `json:"exchanges"`
}

// Participant names a contact who took part in an interaction.
type Participant struct {
	ContactID int64  `json:"id"`
	Name      string `json:"name"`
}

// Validate checks an interaction before it is stored.
func (in *Interaction) Validate() error {
	if in.Date.IsZero() {
		return Invalid("date", fmt.Errorf("an interaction needs a date"))
	}
	if err := in.Date.InRange(); err != nil {
		return Invalid("date", err)
	}
	if _, err := ParseInteractionKind(string(in.Kind)); err != nil {
		return Invalid("kind", err)
	}
	if err := CheckMinutes(in.Minutes); err != nil {
		return Invalid("minutes", err)
	}
	if len(in.Participants) == 0 {
		return Invalid("participants", fmt.Errorf("an interaction needs at least one person (--with NAME or --circle CIRCLE)"))
	}
	for i := range in.Exchanges {
		if err := in.Exchanges[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// InteractionPage is how many interactions a list returns when its filter
// names no limit, and MaxInteractionPage the most it ever returns at once:
// a book can hold a million interactions, so a list is always a page, and a
// script that wants them all pages through with Offset.
const (
	InteractionPage    = 100
	MaxInteractionPage = 10000
)

// InteractionFilter selects a page of interactions, newest first. Zero
// fields select everything: any person, any circle, any date.
type InteractionFilter struct {
	ContactID int64 // only those this contact took part in
	CircleID  int64 // only this circle's meetings
	From, To  Date  // only those on or after From and on or before To
	Limit     int   // at most this many (InteractionPage when 0, never over MaxInteractionPage)
	Offset    int   // skip this many first, to read the next page
}
