package store

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// reviewMonthsQuery counts the interactions and minutes in [:start, :asof]
// by month and by the set of roles their participants held that day, the
// set as bits (roleBits): one pass over the quarter's interactions, one
// seek into each participant's roles, and a handful of rows out, which
// ReviewMonths spreads over the roles. Counting each role apart instead
// (a DISTINCT of interaction and role, then the interactions not among
// them for "none") sorted the quarter's rows twice over.
var reviewMonthsQuery = `SELECT month, held, count(*), COALESCE(sum(minutes), 0) FROM (
    SELECT substr(i.occurred_on, 1, 7) AS month, i.minutes,
        (SELECT COALESCE(sum(DISTINCT ` + roleBits("r.role") + `), 0) FROM participants p
         JOIN roles r ON r.contact_id = p.contact_id AND ` + heldOn("r", "i.occurred_on") + `
         WHERE p.interaction_id = i.id) AS held
    FROM interactions i WHERE i.occurred_on BETWEEN :start AND :asof
) GROUP BY month, held`

// roleBits is the SQL for role column col's bit: 1 << k for crm.Roles[k].
// The sum of the distinct bits of a set of roles is the set.
func roleBits(col string) string {
	var b strings.Builder
	b.WriteString("CASE " + col)
	for k, r := range crm.Roles {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", r, 1<<k)
	}
	b.WriteString(" ELSE 0 END")
	return b.String()
}

// rolesOfBits is the set of roles roleBits' bits name, crm.RoleNone for
// none.
func rolesOfBits(bits int) []crm.RoleKind {
	if bits == 0 {
		return []crm.RoleKind{crm.RoleNone}
	}
	var out []crm.RoleKind
	for k, r := range crm.Roles {
		if bits&(1<<k) != 0 {
			out = append(out, r)
		}
	}
	return out
}
