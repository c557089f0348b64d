package crm

import "strings"

// DuplicateReason says why two records may be the same person.
type DuplicateReason string

// The reasons Kith suspects a duplicate, in the order they are listed.
const (
	SameEmail DuplicateReason = "email" // an email address in common, in any case
	SameURL   DuplicateReason = "url"   // a URL in common (see URLKey)
	SameName  DuplicateReason = "name"  // the same name, ignoring case and accents (see NameKey)
)

// DuplicateReasons lists the reasons in the order groups are reported.
var DuplicateReasons = []DuplicateReason{SameEmail, SameURL, SameName}

// DuplicatePerson is one person of a group of possible duplicates.
type DuplicatePerson struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Archived bool   `json:"archived"`
}

// DuplicateGroup is people who may be one person entered more than once:
// they share Value (an email address, a URL or a name, in the form they
// are compared in) for Reason. People are in the order they were added.
type DuplicateGroup struct {
	Reason DuplicateReason   `json:"reason"`
	Value  string            `json:"value"`
	People []DuplicatePerson `json:"people"`
}

// DuplicatePair is two people who may be one, with every reason to think
// so: the window lists pairs, each with a Merge action.
type DuplicatePair struct {
	A, B    DuplicatePerson
	Reasons []DuplicateGroup // the groups that hold both
}

// Why says in words what the pair shares, e.g. `same email ana@x.example
// and same name`.
func (p DuplicatePair) Why() string {
	parts := make([]string, len(p.Reasons))
	for i, g := range p.Reasons {
		parts[i] = "same " + string(g.Reason)
		if g.Reason != SameName {
			parts[i] += " " + g.Value
		}
	}
	return strings.Join(parts, " and ")
}

// Pairs turns groups into pairs to review: each person of a group paired
// with the group's first (the earliest added), so a group of n gives n-1
// pairs however large n is. A pair found for several reasons is listed once,
// with all of them, in the order of its first group.
func Pairs(groups []DuplicateGroup) []DuplicatePair {
	var out []DuplicatePair
	at := map[[2]int64]int{}
	for _, g := range groups {
		if len(g.People) < 2 {
			continue
		}
		first := g.People[0]
		for _, p := range g.People[1:] {
			a, b := first, p
			if b.ID < a.ID {
				a, b = b, a
			}
			key := [2]int64{a.ID, b.ID}
			if i, ok := at[key]; ok {
				out[i].Reasons = append(out[i].Reasons, g)
				continue
			}
			at[key] = len(out)
			out = append(out, DuplicatePair{A: a, B: b, Reasons: []DuplicateGroup{g}})
		}
	}
	return out
}
