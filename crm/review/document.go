package review

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// doc is a review laid out for reading: sections of paragraphs, lists,
// tables and charts. The text, Markdown and HTML reports all render this
// one layout, so they always say the same things in the same order.
type doc struct {
	Title    string
	Subtitle string
	Sections []section
}

type section struct {
	Title  string
	Blocks []any // para, subhead, list, table or chart
}

type (
	para    string
	subhead string
	list    []string
	table   struct {
		Head []string
		Rows [][]string
	}
	chart int
)

// The charts a report draws.
const (
	chartRoleMonths chart = iota // interactions per month by role
	chartBalance                 // given and received per person
	chartCadence                 // check-ins kept and missed per person
)

func (s *section) add(b ...any) { s.Blocks = append(s.Blocks, b...) }

// listUnder adds items under a subhead, or nothing when there are none: a
// heading over nothing would only lengthen the report.
func (s *section) listUnder(head string, items list) {
	if len(items) > 0 {
		s.add(subhead(head), items)
	}
}

// layout lays the review out.
func (r *Review) layout() doc {
	d := doc{
		Title: "Quarterly review " + r.Quarter.String(),
		Subtitle: fmt.Sprintf("%s to %s, compared with %s (%s to %s)", r.Start, r.End,
			r.Previous.Quarter, r.Previous.Start, r.Previous.End),
	}
	if r.AsOf.Before(r.End) {
		d.Subtitle += fmt.Sprintf("; counted up to %s, the quarter is still running", r.AsOf)
	}
	d.Sections = []section{r.activitySection(), r.relationshipSection(), r.networkSection(), r.goalSection(), r.reflectionSection()}
	if s, ok := r.agreementSection(); ok {
		d.Sections = append(d.Sections[:4:4], s, d.Sections[4])
	}
	return d
}

func (r *Review) activitySection() section {
	s := section{Title: "Activity"}
	p := r.Previous
	s.add(list{
		fmt.Sprintf("Interactions: %d (previous quarter %d)", r.Interactions, p.Interactions),
		fmt.Sprintf("Time: %s of %s budgeted (previous quarter %s)", hours(r.Minutes), hours(r.Budget.MinutesQuarter), hours(p.Minutes)),
		fmt.Sprintf("Money spent: %s of %s budgeted (previous quarter %s)", money(r.MoneySpent), money(r.Budget.MoneyQuarter), money(p.MoneySpent)),
	})
	months := table{Head: []string{"Month", "Interactions", "Time", "Time budget", "Money spent", "Money budget"}}
	for _, m := range r.Months {
		months.Rows = append(months.Rows, []string{m.Month, strconv.Itoa(m.Interactions), hours(m.Minutes),
			hours(r.Budget.MinutesQuarter / 3), money(m.MoneySpent), money(r.Budget.MoneyPerMonth)})
	}
	s.add(months, chart(chartRoleMonths))
	roles := table{Head: []string{"Role", "Interactions", "Time", "Previous interactions", "Previous time"}}
	for _, role := range ChartRoles {
		c, pc := r.ByRole[role], p.ByRole[role]
		roles.Rows = append(roles.Rows, []string{string(role), strconv.Itoa(c.Interactions), hours(c.Minutes),
			strconv.Itoa(pc.Interactions), hours(pc.Minutes)})
	}
	s.add(para("By role (an interaction counts for each role held that day by someone who took part):"), roles)
	return s
}

func (r *Review) relationshipSection() section {
	s := section{Title: "Relationships"}
	t := table{Head: []string{"Name", "Roles", "Interactions", "Time", "Last contact", "Gave", "Received", "Balance", "Kept", "Missed", "Flags"}}
	for _, c := range r.Contacts {
		name := c.Name
		if c.Archived {
			name += " (archived)"
		}
		t.Rows = append(t.Rows, []string{name, crm.JoinRoles(c.Roles, ", "), strconv.Itoa(c.Interactions), hours(c.Minutes),
			dash(c.LastContact.String()), strconv.Itoa(c.Gave), strconv.Itoa(c.Received), signed(c.Balance),
			strconv.Itoa(c.CheckinsKept), strconv.Itoa(c.CheckinsMissed), joinFlags(c.Flags)})
	}
	s.add(t, chart(chartBalance), chart(chartCadence))
	s.add(para("Neglected: "+dash(strings.Join(r.Neglected, ", "))),
		para("Taking more than giving: "+dash(strings.Join(r.TakingMore, ", "))))
	for _, c := range r.Contacts {
		var items list
		for _, x := range c.GaveItems {
			items = append(items, "gave "+exchangeText(x))
		}
		for _, x := range c.ReceivedItems {
			items = append(items, "received "+exchangeText(x))
		}
		for _, x := range c.OpenCommitments {
			items = append(items, fmt.Sprintf("open promise (%s) #%d %s", x.Direction, x.ID, exchangeText(x)))
		}
		s.listUnder(c.Name, items)
	}
	return s
}

func (r *Review) networkSection() section {
	s := section{Title: "Network"}
	people := table{Head: []string{"New person", "Since", "Source", "Detail", "Referred by", "Roles"}}
	for _, p := range r.Network.NewPeople {
		people.Rows = append(people.Rows, []string{p.Name, p.Since.String(), dash(sourceName(p.Source)),
			p.SourceDetail, p.ReferredBy, crm.JoinRoles(p.Roles, ", ")})
	}
	if len(people.Rows) == 0 {
		s.add(para("No new people this quarter."))
	} else {
		var sources []string
		for _, src := range append(append([]crm.Source{}, crm.Sources...), crm.SourceNone) {
			if n := r.Network.Sources[sourceName(src)]; n > 0 {
				sources = append(sources, fmt.Sprintf("%s %d", sourceName(src), n))
			}
		}
		s.add(people, para("Where they came from: "+strings.Join(sources, ", ")))
	}
	s.listUnder("Role changes", each(r.Network.RoleChanges, func(c RoleChange) string {
		return fmt.Sprintf("%s: %s → %s (%s)", c.Name, dash(crm.JoinRoles(c.Ended, ", ")), dash(crm.JoinRoles(c.Started, ", ")), c.On)
	}))
	circles := table{Head: []string{"Circle", "Meetings", "Cadence", "Attendance"}}
	for _, c := range r.Network.Circles {
		who := joinEach(c.Attendance, func(a Attendee) string { return fmt.Sprintf("%s %d", a.Name, a.Meetings) })
		cadence := ""
		if c.CadenceDays > 0 {
			cadence = "every " + crm.FormatDays(c.CadenceDays)
		}
		circles.Rows = append(circles.Rows, []string{c.Name, strconv.Itoa(c.Meetings), cadence, who})
	}
	if len(circles.Rows) > 0 {
		s.add(subhead("Circles"), circles)
	}
	return s
}

func (r *Review) goalSection() section {
	s := section{Title: "Goals"}
	t := table{Head: []string{"Goal", "Horizon", "Target", "Helpers", "Interactions"}}
	for _, g := range r.Goals {
		t.Rows = append(t.Rows, []string{g.Title, string(g.Horizon), g.Target.String(), dash(joinNames(g.Helpers)), strconv.Itoa(g.Served)})
	}
	if len(t.Rows) == 0 {
		s.add(para("No active goals."))
	} else {
		s.add(t)
	}
	s.add(para("Goals with nobody helping: " + dash(strings.Join(r.GoalsWithoutHelp, ", "))))
	for _, g := range r.Goals {
		s.listUnder("Served "+g.Title, each(g.Interactions, func(in GoalInteraction) string {
			return fmt.Sprintf("%s %s (with %s)", in.Date, dash(in.Summary), strings.Join(in.With, ", "))
		}))
	}
	s.listUnder("Profile gaps", each(r.Gaps, func(g Gap) string {
		if len(g.CoveredBy) == 0 {
			return g.Gap + ": no coach or mentor"
		}
		return g.Gap + ": " + joinNames(g.CoveredBy)
	}))
	return s
}

func (r *Review) reflectionSection() section {
	s := section{Title: "Reflection"}
	if r.Reflection.SavedAt != "" {
		s.add(para("Saved " + r.Reflection.SavedAt + "."))
	}
	for _, p := range r.Prompts {
		s.add(subhead(p.Question), para(p.Context), para("Answer: "+dash(r.Reflection.Answer(p.Key))))
	}
	t := table{Head: []string{"Name", "Decision", "Note", "Decided", "Carried out"}}
	for _, d := range r.Reflection.Decisions {
		applied := d.AppliedOn.String()
		if d.Decision == End && applied == "" {
			applied = "awaiting confirmation"
		}
		t.Rows = append(t.Rows, []string{d.Name, string(d.Decision), d.Note, d.DecidedOn.String(), applied})
	}
	if len(t.Rows) > 0 {
		s.add(subhead("Decisions"), t)
	} else {
		s.add(para("No decisions recorded yet."))
	}
	return s
}

// hours writes minutes as "2h 30m", "45m" or "0m".
func hours(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh %dm", h, m)
}

// money writes an amount with two decimals, in the user's own currency.
func money(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// each writes each of xs with f: most of the report is a list of things
// written one way.
func each[T any](xs []T, f func(T) string) list {
	s := make(list, len(xs))
	for i, x := range xs {
		s[i] = f(x)
	}
	return s
}

// joinEach is each joined with commas, the way every list inside a table
// cell or a line of the report reads.
func joinEach[T any](xs []T, f func(T) string) string { return strings.Join(each(xs, f), ", ") }

// joinFlags writes flags as words, "taking more than giving", for reading.
func joinFlags(fs []Flag) string {
	return joinEach(fs, func(f Flag) string { return strings.ReplaceAll(string(f), "_", " ") })
}

func joinNames(ps []crm.Participant) string {
	return joinEach(ps, func(p crm.Participant) string { return p.Name })
}

func exchangeText(x crm.Exchange) string {
	s := fmt.Sprintf("%s %s: %s", x.Date, x.Kind, x.Description)
	if x.Amount > 0 {
		s += " (" + money(x.Amount) + ")"
	}
	return s
}
