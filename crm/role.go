package crm

// RoleKind is a part someone plays in the user's growth, or, for coachee and
// mentee, a part the user plays in theirs.
type RoleKind string

// The roles. A person can hold several at once and they change over time:
// a hired coach becomes a mentor, a circle peer coaches one skill.
const (
	RoleCoach   RoleKind = "coach"   // specific skills, a near-term goal, often paid
	RoleMentor  RoleKind = "mentor"  // long-term, two-way, broad perspective
	RoleCircle  RoleKind = "circle"  // a peer in one of the user's circles
	RoleCoachee RoleKind = "coachee" // someone the user coaches
	RoleMentee  RoleKind = "mentee"  // someone the user mentors
)

// Roles lists every role in display order.
var Roles = []RoleKind{RoleCoach, RoleMentor, RoleCircle, RoleCoachee, RoleMentee}

// ParseRole checks a role name, case-insensitively.
func ParseRole(s string) (RoleKind, error) { return parseEnum("role", s, Roles) }

// JoinRoles writes role names as one string. There is one copy so that every
// table, report and calendar event names roles alike; sep is "," where a
// table cell must stay narrow and ", " in prose.
func JoinRoles(rs []RoleKind, sep string) string { return joinNames(rs, sep) }

// Role is one period in which a contact held a role. Until is zero while the
// role is current; ended roles stay, so the history shows how a relationship grew.
type Role struct {
	Kind  RoleKind `json:"role"`
	Since Date     `json:"since"`
	Until Date     `json:"until"`
}

// RoleNone keys the default cadence of contacts that hold no current role.
// The defaults a new database starts with live in the first migration.
const RoleNone RoleKind = "none"
