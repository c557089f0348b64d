package review

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Source supplies a review's figures. The store's transaction (*store.Tx)
// is one: it aggregates in SQL, and every method reads a bounded slice of
// the data (a quarter or two of interactions and exchanges, one row per
// contact), never the whole history. Days are inclusive.
type Source interface {
	Today() crm.Date
	Profile() (crm.Profile, error)
	// ReviewQuarter returns the activity of each month of the quarter
	// before start and of [start, asOf] that has any (interactions,
	// minutes, by role, and money spent), and the people of the quarter (see
	// Review.Contacts) in name order, with their activity in [start, asOf],
	// all from one read. A person is in the book from the day met when it
	// is known, else the day added.
	ReviewQuarter(start, asOf crm.Date) ([]Month, []ContactFacts, error)
	// ReviewExchanges returns the things given and received in [start,
	// asOf], promises not yet kept left out, oldest first. Their Contact
	// may be left empty: the review names them from its people.
	ReviewExchanges(start, asOf crm.Date) ([]crm.Exchange, error)
	// ReviewOpenCommitments returns the promises made by asOf and not kept
	// by then, their Contact, as ReviewExchanges', perhaps empty.
	ReviewOpenCommitments(asOf crm.Date) ([]crm.Exchange, error)
	ReviewNewPeople(start, asOf crm.Date) ([]NewPerson, error)
	ReviewRoleChanges(start, asOf crm.Date) ([]RoleChange, error)
	ReviewCircles(start, asOf crm.Date) ([]CircleActivity, error)
	// ReviewGoals returns the active goals with their active helpers and
	// the interactions in [start, asOf] that served them.
	ReviewGoals(start, asOf crm.Date) ([]GoalProgress, error)
	// ReviewGapCoverage returns the active coaches and mentors (roles held
	// on asOf) whose title or notes mention gap, or who help with an active
	// goal whose title does.
	ReviewGapCoverage(gap string, asOf crm.Date) ([]crm.Participant, error)
	Reflection(q Quarter) (Reflection, error)
}

// ContactFacts is what the store knows of one person for a review.
type ContactFacts struct {
	ID       int64
	Name     string
	Roles    []crm.RoleKind // held on asOf
	Archived bool
	MetOn    crm.Date
	AddedOn  crm.Date
	// CheckinsFrom is the day check-ins run from before any interaction:
	// the later of the day met and the day added, as on the check-in list
	// (adding someone met long ago is not neglecting them).
	CheckinsFrom crm.Date
	SnoozedUntil crm.Date
	CadenceDays  int      // their own, else the shortest of the roles held on asOf, else the default; 0 for no check-ins
	LastBefore   crm.Date // the last interaction before the quarter; zero when none
	LastContact  crm.Date // the last interaction up to asOf
	Interactions int
	Minutes      int
	// GavePrev and ReceivedPrev count the things given and received in the
	// quarter before, open promises left out: with the quarter's own they
	// make Relationship.Gave2Q and Received2Q.
	GavePrev, ReceivedPrev int
	// CheckinsKept and CheckinsMissed judge the quarter's check-ins as
	// CountCheckins does; zero for archived people and those without a
	// cadence.
	CheckinsKept, CheckinsMissed int
}

// since is the day the person is in the book from, for the review: the
// day met when it is known, else the day added. It makes them part of a
// quarter, new in it, and neglected for not being met in a whole quarter;
// their check-ins start later, from CheckinsFrom.
func (f *ContactFacts) since() crm.Date {
	if !f.MetOn.IsZero() {
		return f.MetOn
	}
	return f.AddedOn
}

// Compute builds the review of quarter q from the data, as of the source's
// today: a quarter still running is counted up to today; one not yet begun
// is refused.
func Compute(src Source, q Quarter) (*Review, error) {
	today := src.Today()
	if q.IsZero() {
		return nil, crm.Invalid("quarter", fmt.Errorf("no quarter chosen"))
	}
	if today.Before(q.Start()) {
		return nil, crm.Invalid("quarter", fmt.Errorf("%s has not begun yet (today is %s)", q, today))
	}
	r := &Review{AsOf: q.End()}
	if today.Before(r.AsOf) {
		r.AsOf = today
	}
	months, facts, err := src.ReviewQuarter(q.Start(), r.AsOf)
	if err != nil {
		return nil, err
	}
	r.Totals, r.Previous = totals(q, months), totals(q.Prev(), months)
	profile, err := src.Profile()
	if err != nil {
		return nil, err
	}
	r.Budget = Budget{HoursPerMonth: profile.BudgetHours, MoneyPerMonth: profile.BudgetMoney,
		MinutesQuarter: int(profile.BudgetHours*60*3 + 0.5), MoneyQuarter: profile.BudgetMoney * 3}
	// While the quarter runs (AsOf is today), today is not over: what falls
	// due today is not late, and "no contact all quarter" is not known yet.
	running := !r.AsOf.Before(today)
	if err := r.relationships(src, q, facts, running); err != nil {
		return nil, err
	}
	if err := r.network(src, q); err != nil {
		return nil, err
	}
	if err := r.goals(src, q, profile); err != nil {
		return nil, err
	}
	if r.Reflection, err = src.Reflection(q); err != nil {
		return nil, err
	}
	if err := r.agreements(src, q); err != nil {
		return nil, err
	}
	r.Prompts = prompts(profile, r)
	return r, nil
}

// totals sums a quarter's months (others in months are left out),
// listing all three (empty ones too) and every role, so charts and
// scripts never meet a missing key.
func totals(q Quarter, months []Month) Totals {
	t := Totals{Quarter: q, Start: q.Start(), End: q.End(), ByRole: roleCounts()}
	byKey := map[string]Month{}
	for _, m := range months {
		byKey[m.Month] = m
	}
	for i := range 3 {
		key := q.Month(i).String()[:7]
		m := byKey[key]
		m.Month = key
		rc := roleCounts()
		for role, c := range m.ByRole {
			rc[role] = c
			t.ByRole[role] = Count{t.ByRole[role].Interactions + c.Interactions, t.ByRole[role].Minutes + c.Minutes}
		}
		m.ByRole = rc
		t.Interactions += m.Interactions
		t.Minutes += m.Minutes
		t.MoneySpent += m.MoneySpent
		t.Months = append(t.Months, m)
	}
	return t
}

// ChartRoles are the keys of every by-role figure: the five roles, then
// crm.RoleNone for interactions with nobody in a role.
var ChartRoles = append(append([]crm.RoleKind{}, crm.Roles...), crm.RoleNone)

func roleCounts() map[crm.RoleKind]Count {
	m := make(map[crm.RoleKind]Count, len(ChartRoles))
	for _, r := range ChartRoles {
		m[r] = Count{}
	}
	return m
}

// relationships fills Contacts, Neglected and TakingMore from the facts of
// the quarter's people; running says the quarter is still running (AsOf
// is today).
func (r *Review) relationships(src Source, q Quarter, facts []ContactFacts, running bool) error {
	// The quarter's own exchanges, for their lists; "taking more than
	// giving" is judged over two quarters, counted by the source.
	exchanges, err := src.ReviewExchanges(q.Start(), r.AsOf)
	if err != nil {
		return err
	}
	open, err := src.ReviewOpenCommitments(r.AsOf)
	if err != nil {
		return err
	}
	index := make(map[int64]int, len(facts))
	r.Contacts = make([]Relationship, len(facts))
	for i := range facts {
		index[facts[i].ID] = i
		r.Contacts[i] = newRelationship(&facts[i])
	}
	for _, x := range exchanges {
		if i, ok := index[x.ContactID]; ok { // else an archived person the quarter did not touch
			x.Contact = r.Contacts[i].Name
			r.Contacts[i].count(x)
		}
	}
	for _, x := range open {
		if i, ok := index[x.ContactID]; ok {
			x.Contact = r.Contacts[i].Name
			r.Contacts[i].OpenCommitments = append(r.Contacts[i].OpenCommitments, x)
		}
	}
	r.flag(facts, q.Start(), running)
	return nil
}

// newRelationship starts a person's quarter from what the store knows and
// judged (check-ins, the exchanges of the quarter before); the quarter's
// exchanges and the flags come after. Its lists are empty rather than nil so the JSON
// report always has them.
func newRelationship(f *ContactFacts) Relationship {
	rel := Relationship{ID: f.ID, Name: f.Name, Roles: f.Roles, Archived: f.Archived, CadenceDays: f.CadenceDays,
		Interactions: f.Interactions, Minutes: f.Minutes, LastContact: f.LastContact,
		CheckinsKept: f.CheckinsKept, CheckinsMissed: f.CheckinsMissed, Gave2Q: f.GavePrev, Received2Q: f.ReceivedPrev,
		GaveItems: []crm.Exchange{}, ReceivedItems: []crm.Exchange{}, OpenCommitments: []crm.Exchange{}, Flags: []Flag{}}
	if rel.Roles == nil {
		rel.Roles = []crm.RoleKind{}
	}
	return rel
}

// count adds an exchange of the quarter to its direction's counts (of the
// quarter, and of it and the one before) and list.
func (r *Relationship) count(x crm.Exchange) {
	n, n2q, items := &r.Received, &r.Received2Q, &r.ReceivedItems
	if x.Direction == crm.Gave {
		n, n2q, items = &r.Gave, &r.Gave2Q, &r.GaveItems
	}
	*n++
	*n2q++
	*items = append(*items, x)
}

// flag sets each relationship's balance and flags, and names the flagged
// people in Neglected and TakingMore. facts are in the order of Contacts.
// Archived people are never flagged: the user already let them go.
func (r *Review) flag(facts []ContactFacts, start crm.Date, running bool) {
	r.Neglected, r.TakingMore = []string{}, []string{}
	for i := range r.Contacts {
		c, f := &r.Contacts[i], &facts[i]
		c.Balance = c.Gave - c.Received
		if c.Archived {
			continue
		}
		if s := f.since(); !s.Before(start) && !s.After(r.AsOf) {
			c.Flags = append(c.Flags, FlagNew)
		}
		if c.takingMore() {
			c.Flags = append(c.Flags, FlagTakingMore)
			r.TakingMore = append(r.TakingMore, c.Name)
		}
		if neglected(f, start, r.AsOf, running) {
			c.Flags = append(c.Flags, FlagNeglected)
			r.Neglected = append(r.Neglected, c.Name)
		}
	}
}

// takingMore is the test behind FlagTakingMore, judged over this quarter and
// the one before so one busy quarter alone does not decide it.
func (r *Relationship) takingMore() bool {
	return r.Received2Q >= r.Gave2Q+TakingMoreMargin && r.Received2Q >= 2*r.Gave2Q
}

// neglected: overdue by more than one cadence on asOf, or in the book (see
// since) the whole quarter and never met in it; a snooze past asOf (a
// pause) excuses, and so does having no check-ins at all (no role and no
// cadence where those have none, such as people imported from an address
// book). While the quarter is running only the first counts: "never met
// all quarter" cannot be known before it ends.
func neglected(f *ContactFacts, start, asOf crm.Date, running bool) bool {
	if f.SnoozedUntil.After(asOf) || f.CadenceDays <= 0 {
		return false
	}
	last := f.LastContact
	if last.IsZero() {
		last = f.CheckinsFrom
	}
	overdue := last.AddDays(f.CadenceDays).DaysUntil(asOf)
	if f.CadenceDays > 0 && overdue > f.CadenceDays {
		return true
	}
	return !running && f.Interactions == 0 && !f.since().After(start)
}

// network fills the new people, their sources, role changes and circles.
func (r *Review) network(src Source, q Quarter) error {
	var err error
	n := &r.Network
	if n.NewPeople, err = src.ReviewNewPeople(q.Start(), r.AsOf); err != nil {
		return err
	}
	n.Sources = map[string]int{}
	for _, p := range n.NewPeople {
		n.Sources[sourceName(p.Source)]++
	}
	if n.RoleChanges, err = src.ReviewRoleChanges(q.Start(), r.AsOf); err != nil {
		return err
	}
	n.Circles, err = src.ReviewCircles(q.Start(), r.AsOf)
	return err
}

// sourceName keys the sources of new people; an unrecorded source is "unknown".
func sourceName(s crm.Source) string {
	if s == crm.SourceNone {
		return "unknown"
	}
	return string(s)
}

// goals fills the goals, those nobody helps with, and the profile's gaps.
func (r *Review) goals(src Source, q Quarter, p crm.Profile) error {
	var err error
	if r.Goals, err = src.ReviewGoals(q.Start(), r.AsOf); err != nil {
		return err
	}
	r.GoalsWithoutHelp = []string{}
	for _, g := range r.Goals {
		if len(g.Helpers) == 0 {
			r.GoalsWithoutHelp = append(r.GoalsWithoutHelp, g.Title)
		}
	}
	r.Gaps, r.UncoveredGaps = []Gap{}, []string{}
	// The list as stored: its text form splits a gap with a comma in it.
	gaps := p.GapList
	if len(gaps) == 0 {
		gaps = SplitGaps(p.Gaps)
	}
	for _, gap := range gaps {
		who, err := src.ReviewGapCoverage(gap, r.AsOf)
		if err != nil {
			return err
		}
		r.Gaps = append(r.Gaps, Gap{Gap: gap, CoveredBy: who})
		if len(who) == 0 {
			r.UncoveredGaps = append(r.UncoveredGaps, gap)
		}
	}
	return nil
}

// SplitGaps reads the profile's gaps as a list: one per line, or separated
// by commas or semicolons ("public speaking, negotiation"), each matched on
// its own against coaches' and mentors' titles and notes.
func SplitGaps(text string) []string {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' })
	seen := map[string]bool{}
	var out []string
	for _, f := range fields {
		f = strings.Join(strings.Fields(f), " ")
		if f == "" || seen[crm.NameKey(f)] {
			continue
		}
		seen[crm.NameKey(f)] = true
		out = append(out, f)
	}
	return out
}

// Relationship returns the relationship with a contact id, or nil.
func (r *Review) Relationship(id int64) *Relationship {
	for k := range r.Contacts {
		if r.Contacts[k].ID == id {
			return &r.Contacts[k]
		}
	}
	return nil
}
