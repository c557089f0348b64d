package review

import (
	"sort"

	"github.com/kithcrm/kith/crm"
)

// The chart data below is what both the HTML report's SVG and the window's
// native charts draw, so the two never disagree.

// RoleColors are the colours of the roles in charts, as #rrggbb.
var RoleColors = map[crm.RoleKind]string{
	crm.RoleCoach:   "#1f77b4",
	crm.RoleMentor:  "#2ca02c",
	crm.RoleCircle:  "#9467bd",
	crm.RoleCoachee: "#ff7f0e",
	crm.RoleMentee:  "#8c564b",
	crm.RoleNone:    "#7f7f7f",
}

// The colours of given and received, kept and missed. Given and received
// are the window's (its light theme's), so the report and the window
// colour them alike.
const (
	ColorGave     = "#4f46e5"
	ColorReceived = "#047857"
	ColorKept     = "#2ca02c"
	ColorMissed   = "#d62728"
)

// ChartLimit is how many people the per-person charts show.
const ChartLimit = 20

// RoleMonths returns the interactions of each month (rows, in order) by
// role (columns, in ChartRoles order).
func (r *Review) RoleMonths() (months []string, values [][]int) {
	for _, m := range r.Months {
		months = append(months, m.Month)
		row := make([]int, len(ChartRoles))
		for i, role := range ChartRoles {
			row[i] = m.ByRole[role].Interactions
		}
		values = append(values, row)
	}
	return months, values
}

// PersonBar is one person's pair of figures in a chart.
type PersonBar struct {
	ID   int64
	Name string
	A, B int // gave and received, or kept and missed
}

// BalanceBars returns what was given to and received from each person this
// quarter, the busiest limit of them, most exchanges first.
func (r *Review) BalanceBars(limit int) []PersonBar {
	return topBars(r.Contacts, limit, func(c *Relationship) (int, int) { return c.Gave, c.Received })
}

// CadenceBars returns the check-ins kept and missed per person, the limit
// people with the most check-ins judged, most missed first among equals.
func (r *Review) CadenceBars(limit int) []PersonBar {
	bars := topBars(r.Contacts, limit, func(c *Relationship) (int, int) { return c.CheckinsKept, c.CheckinsMissed })
	return bars
}

// CheckinTotals sums the check-ins kept and missed across relationships.
func (r *Review) CheckinTotals() (kept, missed int) {
	for _, c := range r.Contacts {
		kept += c.CheckinsKept
		missed += c.CheckinsMissed
	}
	return kept, missed
}

func topBars(cs []Relationship, limit int, pick func(*Relationship) (int, int)) []PersonBar {
	var out []PersonBar
	for i := range cs {
		a, b := pick(&cs[i])
		if a+b > 0 {
			out = append(out, PersonBar{ID: cs[i].ID, Name: cs[i].Name, A: a, B: b})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ti, tj := out[i].A+out[i].B, out[j].A+out[j].B; ti != tj {
			return ti > tj
		}
		return out[i].B > out[j].B
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
