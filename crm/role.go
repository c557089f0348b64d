package crm

import (
	"fmt"
	"strings"
)

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
func ParseRole(s string) (RoleKind, error) {
	for _, r := range Roles {
		if strings.EqualFold(strings.TrimSpace(s), string(r)) {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q (want one of %s)", s, joinNames(Roles))
}

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
