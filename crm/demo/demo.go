// Package demo is Kith's sample data: a small, realistic book of people in
// every role, two circles, a few goals and half a year of interactions with
// things given and received both ways. Dates are relative to the store's
// today, so the sample always looks current: some check-ins overdue, some due
// this week, a few promises still open.
package demo

import (
	"context"
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// Counts says how much sample data was loaded.
type Counts struct {
	People       int `json:"people"`
	Circles      int `json:"circles"`
	Goals        int `json:"goals"`
	Interactions int `json:"interactions"`
	Exchanges    int `json:"exchanges"`
}

// Load fills an empty database with the sample data in one transaction. A
// database that already holds people is refused untouched.
func Load(ctx context.Context, st *store.Store) (Counts, error) {
	var n Counts
	err := st.Update(ctx, func(tx *store.Tx) error {
		var err error
		n, err = LoadTx(tx)
		return err
	})
	return n, err
}

// LoadTx loads the sample data inside an open write transaction.
func LoadTx(tx *store.Tx) (Counts, error) {
	var n Counts
	have, err := tx.CountAllContacts()
	if err != nil {
		return n, err
	}
	if have > 0 {
		return n, crm.Errorf(crm.EConflict, "the database already holds %d people; sample data loads only into an empty database", have)
	}
	l := &loader{tx: tx, today: tx.Today(), ids: map[string]int64{}, circles: map[string]int64{}, goals: map[string]int64{}}
	steps := []func() error{l.people, l.roleHistory, l.circleSet, l.goalSet, l.interactions, l.archive, l.agreements}
	for _, step := range steps {
		if err := step(); err != nil {
			return n, fmt.Errorf("load sample data: %w", err)
		}
	}
	return l.n, nil
}

// loader adds the sample data, remembering the ids it gets by name so
// later steps can refer to people, circles and goals as the data does.
type loader struct {
	tx      *store.Tx
	today   crm.Date
	ids     map[string]int64
	circles map[string]int64
	goals   map[string]int64
	n       Counts
}

// ago returns the day n days before today.
func (l *loader) ago(n int) crm.Date { return l.today.AddDays(-n) }

// id is the id of a sample person. A name the sample people lack is a
// mistake in the data: it fails the load rather than linking to nobody.
func (l *loader) id(name string) (int64, error) {
	return lookup(l.ids, "person", name)
}

func lookup(ids map[string]int64, what, name string) (int64, error) {
	id, ok := ids[name]
	if !ok {
		return 0, fmt.Errorf("sample data names no %s %q", what, name)
	}
	return id, nil
}

// participants turns sample names into participants.
func (l *loader) participants(names []string) ([]crm.Participant, error) {
	var out []crm.Participant
	for _, name := range names {
		id, err := l.id(name)
		if err != nil {
			return nil, err
		}
		out = append(out, crm.Participant{ContactID: id, Name: name})
	}
	return out, nil
}

// addEach adds the samples in order with add, counting each one added in
// count, and stops at the first error.
func addEach[S any](samples []S, count *int, add func(S) error) error {
	for _, s := range samples {
		if err := add(s); err != nil {
			return err
		}
		*count++
	}
	return nil
}

func (l *loader) people() error { return addEach(samplePeople, &l.n.People, l.person) }

// person adds a sample person, remembering their id by name.
func (l *loader) person(p person) error {
	c := &crm.Contact{
		Name: p.name, Company: p.company, Title: p.title, Location: p.location,
		Source: p.source, SourceDetail: p.how, MetOn: l.ago(p.metDaysAgo), Notes: p.notes,
	}
	if p.email != "" {
		c.Channels = append(c.Channels, crm.Channel{Kind: crm.ChannelEmail, Label: "work", Value: p.email})
	}
	if p.phone != "" {
		c.Channels = append(c.Channels, crm.Channel{Kind: crm.ChannelPhone, Label: "mobile", Value: p.phone})
	}
	if p.linkedin != "" {
		c.Channels = append(c.Channels, crm.Channel{Kind: crm.ChannelURL, Label: "linkedin", Value: "https://www.linkedin.com/in/" + p.linkedin})
	}
	for _, r := range p.roles {
		c.Roles = append(c.Roles, crm.Role{Kind: r, Since: l.ago(p.metDaysAgo)})
	}
	if p.referredBy != "" {
		var err error
		if c.ReferredBy, err = l.id(p.referredBy); err != nil {
			return err
		}
	}
	if err := l.tx.AddContact(c); err != nil {
		return err
	}
	l.ids[p.name] = c.ID
	return nil
}

// roleHistory shows how relationships grow: Elena was a hired coach before
// she became a mentor, and Ben's coaching ended.
func (l *loader) roleHistory() error {
	elena, err := l.id("Elena Rossi")
	if err != nil {
		return err
	}
	ben, err := l.id("Ben Carter")
	if err != nil {
		return err
	}
	if err := l.tx.EndRole(elena, crm.RoleCoach, l.ago(120)); err != nil {
		return err
	}
	if err := l.tx.AddRole(elena, crm.RoleMentor, l.ago(120)); err != nil {
		return err
	}
	return l.tx.EndRole(ben, crm.RoleCoach, l.ago(100))
}

func (l *loader) circleSet() error { return addEach(sampleCircles, &l.n.Circles, l.circle) }

// circle adds a sample circle with its members, remembering its id by name.
func (l *loader) circle(c circle) error {
	circle := &crm.Circle{Name: c.name, Purpose: c.purpose, CadenceDays: c.cadence}
	if err := l.tx.AddCircle(circle); err != nil {
		return err
	}
	l.circles[c.name] = circle.ID
	members, err := l.participants(c.members)
	if err != nil {
		return err
	}
	for _, m := range members {
		if err := l.tx.Join(circle.ID, m.ContactID, l.ago(200)); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) goalSet() error { return addEach(sampleGoals, &l.n.Goals, l.goal) }

// goal adds a sample goal with its helpers, remembering its id by title.
func (l *loader) goal(g goal) error {
	helpers, err := l.participants(g.helpers)
	if err != nil {
		return err
	}
	goal := &crm.Goal{Title: g.title, Horizon: g.horizon, Status: g.status, Notes: g.notes, Helpers: helpers}
	if g.targetIn != 0 {
		goal.Target = l.today.AddDays(g.targetIn)
	}
	if err := l.tx.AddGoal(goal); err != nil {
		return err
	}
	l.goals[g.title] = goal.ID
	return nil
}

func (l *loader) interactions() error {
	return addEach(sampleInteractions, &l.n.Interactions, l.logInteraction)
}

// logInteraction logs a sample interaction and counts its exchanges.
func (l *loader) logInteraction(s interaction) error {
	in, err := l.interaction(s)
	if err != nil {
		return fmt.Errorf("%s: %w", s.summary, err)
	}
	if err := l.tx.LogInteraction(in); err != nil {
		return fmt.Errorf("%s: %w", s.summary, err)
	}
	l.n.Exchanges += len(in.Exchanges)
	return nil
}

// interaction builds one sample interaction, its names turned into ids.
func (l *loader) interaction(s interaction) (*crm.Interaction, error) {
	in := &crm.Interaction{Date: l.ago(s.daysAgo), Kind: s.kind, Minutes: s.minutes, Summary: s.summary, Notes: s.notes}
	var err error
	if in.Participants, err = l.participants(s.with); err != nil {
		return nil, err
	}
	if s.circle != "" {
		if in.CircleID, err = lookup(l.circles, "circle", s.circle); err != nil {
			return nil, err
		}
	}
	if s.goal != "" {
		if in.GoalID, err = lookup(l.goals, "goal", s.goal); err != nil {
			return nil, err
		}
	}
	for _, x := range s.exchanges {
		ex := crm.Exchange{Direction: x.dir, Kind: x.kind, Description: x.desc, Commitment: x.promise}
		if x.with != "" { // with no one named, the store records it with every participant
			if ex.ContactID, err = l.id(x.with); err != nil {
				return nil, err
			}
		}
		if x.keptAfter > 0 {
			ex.DoneOn = l.ago(s.daysAgo - x.keptAfter)
		}
		in.Exchanges = append(in.Exchanges, ex)
	}
	return in, nil
}

// archive shows an archived relationship: Ben's coaching ended.
func (l *loader) archive() error {
	ben, err := l.id("Ben Carter")
	if err != nil {
		return err
	}
	return l.tx.SetArchived(ben, true)
}
