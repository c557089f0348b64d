package crm

import (
	"fmt"
	"strings"
)

// AgendaKind is where an agenda item came from.
type AgendaKind string

// The kinds of agenda item. Preparing a session gathers what is open with
// the person: promises either way not yet kept, the goals they help with,
// what the last session was about, and the questions noted since.
const (
	AgendaPromise  AgendaKind = "promise"  // an open promise, mine or theirs (RefID: the exchange)
	AgendaGoal     AgendaKind = "goal"     // a goal they help with (RefID: the goal)
	AgendaLast     AgendaKind = "last"     // the last session's summary (RefID: the interaction)
	AgendaQuestion AgendaKind = "question" // a question noted with 'kith ask'
)

// AgendaState is where an agenda item stands.
type AgendaState string

// An item stays open, and so on every agenda prepared with the person,
// until it is done or dropped. Carried is an item discussed and kept for
// next time: still open.
const (
	AgendaOpen    AgendaState = "open"
	AgendaDone    AgendaState = "done"
	AgendaDropped AgendaState = "dropped"
)

// AgendaItem is one thing to raise at the next session with a person.
type AgendaItem struct {
	ID        int64       `json:"id"`
	ContactID int64       `json:"contact_id"`
	Kind      AgendaKind  `json:"kind"`
	Text      string      `json:"text"`
	RefID     int64       `json:"ref_id,omitempty"`
	Added     Date        `json:"added"`
	State     AgendaState `json:"state"`
	// Carried counts the sessions the item was carried forward from.
	Carried int `json:"carried"`
	// InteractionID is the session where it was last ticked (done,
	// carried or dropped); 0 until then.
	InteractionID int64 `json:"interaction_id,omitempty"`
	ClosedOn      Date  `json:"closed_on"`
}

// Agenda is what to raise at the next session with a person: the open
// items, oldest first, with the agreement's progress when there is one.
type Agenda struct {
	ContactID int64              `json:"contact_id"`
	Name      string             `json:"name"`
	Agreement *AgreementProgress `json:"agreement"`
	Items     []AgendaItem       `json:"items"`
}

// AgendaTicks is what became of an agenda's items in a session: each id
// in Done was settled, in Carried discussed and kept for next time, in
// Dropped let go. An item in none of them is left as it was.
type AgendaTicks struct {
	Done, Carried, Dropped []int64
}

// Empty reports whether no item was ticked.
func (t AgendaTicks) Empty() bool { return len(t.Done)+len(t.Carried)+len(t.Dropped) == 0 }

// Validate refuses an item ticked two ways at once.
func (t AgendaTicks) Validate() error {
	seen := map[int64]string{}
	for _, l := range []struct {
		name string
		ids  []int64
	}{{"agenda-done", t.Done}, {"agenda-carry", t.Carried}, {"agenda-drop", t.Dropped}} {
		for _, id := range l.ids {
			if other, ok := seen[id]; ok && other != l.name {
				return Invalid(l.name, fmt.Errorf("item %d is also in --%s", id, other))
			}
			seen[id] = l.name
		}
	}
	return nil
}

// CheckQuestion trims a question for next time and refuses an empty one.
func CheckQuestion(text string) (string, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return "", Invalid("question", fmt.Errorf("the question is empty"))
	}
	return t, nil
}

// Promise is a promise with its due date: one the user made (Direction
// Gave) or one the other person made to the user (Received).
type Promise struct {
	Exchange
	Due  Date `json:"due"`  // zero when none was set
	Late bool `json:"late"` // open and past its due date
}
