package crm

// CheckIn is a derived reminder to reach out to someone: never stored, always
// computed from the last interaction, the cadence and any snooze.
type CheckIn struct {
	ContactID   int64      `json:"id"`
	Name        string     `json:"name"`
	Roles       []RoleKind `json:"roles"`
	Due         Date       `json:"due"`
	DaysOverdue int        `json:"days_overdue"` // positive when late, negative when ahead
	LastContact Date       `json:"last_contact"`
	CadenceDays int        `json:"cadence_days"`
	// LastSummary is what the last interaction was about.
	LastSummary string `json:"last_summary"`
	// Kind is DueCheckIn for a contact's check-in and DueFollowUp for a
	// prospect's follow-up, which carries ProspectID (and id 0) instead.
	Kind       DueKind `json:"kind"`
	ProspectID int64   `json:"prospect_id,omitempty"`
}

// ContactSummary is one row of the people list: who, in what roles, and
// where their check-in stands.
type ContactSummary struct {
	ID          int64      `json:"id"`
	Name        string     `json:"name"`
	Roles       []RoleKind `json:"roles"`
	Email       string     `json:"email"`
	Company     string     `json:"company"`
	Title       string     `json:"title"`
	CadenceDays int        `json:"cadence_days"`
	LastContact Date       `json:"last_contact"`
	NextDue     Date       `json:"next_due"` // null for archived contacts, who have no check-ins
	Archived    bool       `json:"archived"`
}

// SortOrder says how a people list is ordered.
type SortOrder string

// The orders of a people list.
const (
	SortByName        SortOrder = "name"
	SortByNextDue     SortOrder = "next_due"     // soonest first
	SortByLastContact SortOrder = "last_contact" // most recent first, never-contacted last
)

// ContactFilter selects and orders contacts for a list. The zero value lists
// every active contact by name.
type ContactFilter struct {
	Role     RoleKind // only current holders of this role; "" for all
	Search   string   // text in name, company, title, email or notes
	Archived bool     // list archived contacts instead of active ones
	Sort     SortOrder
	Limit    int // 0 for no limit
	Offset   int
}
