package crm

// ContactDetail is everything Kith knows about one person: the record, where
// their check-in stands, the circles and goals they are part of, the
// give-and-take of the last twelve months, and their interactions.
type ContactDetail struct {
	*Contact
	CadenceDays     int            `json:"cadence_days"`
	LastContact     Date           `json:"last_contact"`
	NextDue         Date           `json:"next_due"`
	ReferredByName  string         `json:"referred_by_name,omitempty"`
	Circles         []string       `json:"circles"`
	Goals           []*Goal        `json:"goals"`
	Gave12m         int            `json:"gave_12m"`
	Received12m     int            `json:"received_12m"`
	OpenCommitments []Exchange     `json:"open_commitments"`
	Interactions    []*Interaction `json:"interactions"`
	// Gaps are the gaps they help with, Events the events they were met
	// at (latest first), Prospect the prospect they were before becoming a
	// contact, with its history and outreach (nil for most people).
	Gaps     []*Gap          `json:"gaps"`
	Events   []Event         `json:"events"`
	Prospect *ProspectDetail `json:"prospect,omitempty"`
}
