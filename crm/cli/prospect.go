package cli

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "prospect add",
		args:    "NAME [--found job|event|online|referral] [--detail TEXT] [--event TITLE] [--referred-by NAME] [--goal TITLE] [--gap TEXT] [--role R] [--why TEXT] [--json]",
		summary: "Add someone you want a relationship with: where found, what they could help with, the role sought, why them.",
		help: `A prospect starts at to-contact. --event links the event you met them at
(kith event add first) and makes it where they were found; --referred-by names
the contact who could introduce you. --goal or --gap names the need they could
help with; --role the relationship you seek (coach, mentor, circle, ...).`,
		json: true, nargs: 1, what: "NAME", handler: func() handler { return &prospectAdd{} }})
	register(&command{name: "prospect list", args: "[--stage S] [--json]",
		summary: "List prospects with their stage and next follow-up.", json: true, handler: func() handler { return &prospectList{} }})
	register(&command{name: "prospect show", args: "NAME [--json]",
		summary: "Show a prospect with its pipeline history and outreach.", json: true, nargs: 1, what: "NAME",
		handler: do(runProspectShow)})
	register(&command{name: "prospect move",
		args:    "NAME STAGE [--note TEXT] [--follow-up D] [--channel C] [--why T] [--admire T] [--offer T] [--ask T] [--on D] [--reason T] [--reconsider D]",
		summary: "Move a prospect through the pipeline: to-contact, reached-out, talking, active or not-now.",
		help: `Allowed moves: to-contact -> reached-out or not-now; reached-out -> talking,
active or not-now (or back to to-contact); talking -> active or not-now (or
back); not-now -> back into the pipeline. Any other move is refused (exit 2)
with the stages allowed. Every move is kept in the prospect's history.

--follow-up D sets the next follow-up (it shows in 'kith due', on Today and in
the calendar); a move without it clears the follow-up, so it disappears when
the prospect moves on.

Reaching out records the message's purpose in your own words: --why (why you
reach out), --admire (what you admire), --offer (what you can offer), --ask
(what you ask for), with --channel (email, LinkedIn, in person...). A move to
reached-out always records an outreach; on any other move these flags record
one too. --on D dates the move (today by default). Moving to not-now takes
--reason (else the note) and --reconsider D. Moving to active is 'prospect
activate'.`,
		nargs: 2, what: "NAME STAGE", handler: func() handler { return &prospectMove{} }})
	register(&command{name: "prospect activate", args: "NAME [--json]",
		summary: "Make a prospect you have reached a contact with the role sought, keeping where they came from.",
		json:    true, nargs: 1, what: "NAME", handler: do(runProspectActivate)})
}

// prospectAdd is 'kith prospect add'.
type prospectAdd struct {
	found, detail, event, referred, goal, gap, role, why string
}

func (f *prospectAdd) flags() vars {
	return vars{"found": &f.found, "detail": &f.detail, "event": &f.event, "referred-by": &f.referred,
		"goal": &f.goal, "gap": &f.gap, "role": &f.role, "why": &f.why}
}

// links resolves the names the flags give into p.
func (f *prospectAdd) links(tx *store.Tx, p *crm.Prospect, given map[string]bool) error {
	for _, l := range []struct {
		flag string
		ref  string
		find func(string) (int64, error)
		dst  *int64
	}{{"event", f.event, tx.FindEvent, &p.EventID}, {"referred-by", f.referred, tx.FindContact, &p.ReferredBy},
		{"goal", f.goal, tx.FindGoal, &p.GoalID}, {"gap", f.gap, tx.FindGap, &p.GapID}} {
		if !given[l.flag] {
			continue
		}
		id, err := l.find(l.ref)
		if err != nil {
			return fmt.Errorf("--%s: %w", l.flag, err)
		}
		*l.dst = id
	}
	return nil
}

func (f *prospectAdd) run(e *env, pos []string) error {
	p := &crm.Prospect{Name: pos[0], Detail: f.detail, Why: f.why}
	var err error
	if e.given["found"] {
		if p.Found, err = crm.ParseFound(f.found); err != nil {
			return crm.Invalid("--found", err)
		}
	}
	if e.given["role"] {
		if p.Role, err = crm.ParseRole(f.role); err != nil {
			return crm.Invalid("--role", err)
		}
	}
	if err := e.update(func(tx *store.Tx) error {
		if err := f.links(tx, p, e.given); err != nil {
			return err
		}
		if err := tx.AddProspect(p); err != nil {
			return err
		}
		*p, err = tx.Prospect(p.ID)
		return err
	}); err != nil {
		return err
	}
	return e.output(p, text(func(w io.Writer) { fmt.Fprintf(w, "added prospect %s (#%d)\n", p.Name, p.ID) }))
}

// prospectList is 'kith prospect list'.
type prospectList struct{ stage string }

func (f *prospectList) flags() vars { return vars{"stage": &f.stage} }

func (f *prospectList) run(e *env, _ []string) error {
	var filter crm.ProspectFilter
	if e.given["stage"] {
		s, err := crm.ParseStage(f.stage)
		if err != nil {
			return crm.Invalid("--stage", err)
		}
		filter.Stage = s
	}
	list, err := viewOf(e, func(tx *store.Tx) ([]crm.Prospect, error) { return tx.Prospects(filter) })
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tNAME\tSTAGE\tROLE\tFOR\tFOUND\tFOLLOW-UP")
		for _, p := range list {
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.Name, p.Stage, dash(string(p.Role)),
				dash(serves(p)), dash(found(p)), orDash(p.FollowUpOn))
		}
	}))
}

// serves is the goal or gap a prospect could help with.
func serves(p crm.Prospect) string {
	if p.Goal != "" {
		return p.Goal
	}
	return p.Gap
}

// found says where a prospect was found, with the detail or event.
func found(p crm.Prospect) string {
	s := string(p.Found)
	for _, d := range []string{p.Event, p.Detail, p.ReferredByName} {
		if d != "" {
			return s + ": " + d
		}
	}
	return s
}

func runProspectShow(e *env, pos []string) error {
	d, err := viewOf(e, func(tx *store.Tx) (*crm.ProspectDetail, error) {
		id, err := tx.FindProspect(pos[0])
		if err != nil {
			return nil, err
		}
		return tx.ProspectDetail(id)
	})
	if err != nil {
		return err
	}
	return e.output(d, text(func(w io.Writer) { printProspect(w, d) }))
}

// printProspect writes a prospect's page for a person.
func printProspect(w io.Writer, d *crm.ProspectDetail) {
	fmt.Fprintf(w, "%s (#%d): %s\n", d.Name, d.ID, d.Stage)
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %s: %s\n", label, v)
		}
	}
	line("found", found(d.Prospect))
	line("for", serves(d.Prospect))
	line("role sought", string(d.Role))
	line("why", d.Why)
	line("follow-up", d.FollowUpOn.String())
	line("not now", d.NotNowReason)
	line("reconsider", d.ReconsiderOn.String())
	if d.ContactID != 0 {
		fmt.Fprintf(w, "  contact: #%d\n", d.ContactID)
	}
	for _, c := range d.History {
		from := string(c.From)
		if from == "" {
			from = "added"
		}
		fmt.Fprintf(w, "  %s  %s -> %s  %s\n", c.On, from, c.To, c.Note)
	}
	for _, o := range d.Outreach {
		fmt.Fprintf(w, "  %s\n", o.Notes())
	}
}

// prospectMove is 'kith prospect move'.
type prospectMove struct {
	note, channel, why, admire, offer, ask, reason string
	followUp, on, reconsider                       dateFlag
}

func (f *prospectMove) flags() vars {
	return vars{"note": &f.note, "channel": &f.channel, "why": &f.why, "admire": &f.admire, "offer": &f.offer,
		"ask": &f.ask, "reason": &f.reason, "follow-up": &f.followUp, "on": &f.on, "reconsider": &f.reconsider}
}

// move is the move the flags describe, to stage.
func (f *prospectMove) move(stage crm.Stage) crm.Move {
	m := crm.Move{To: stage, On: f.on.d, Note: f.note, FollowUpOn: f.followUp.d, Reason: f.reason, ReconsiderOn: f.reconsider.d}
	if m.Reason == "" {
		m.Reason = f.note
	}
	o := &crm.Outreach{Channel: f.channel, Why: f.why, Admire: f.admire, Offer: f.offer, Ask: f.ask}
	if stage == crm.StageReachedOut || !o.IsEmpty() {
		m.Outreach = o
	}
	return m
}

func (f *prospectMove) run(e *env, pos []string) error {
	stage, err := crm.ParseStage(pos[1])
	if err != nil {
		return crm.Invalid("STAGE", err)
	}
	var p crm.Prospect
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindProspect(pos[0])
		if err != nil {
			return err
		}
		p, err = tx.MoveProspect(id, f.move(stage))
		return err
	}); err != nil {
		return err
	}
	msg := fmt.Sprintf("moved %s (#%d) to %s", p.Name, p.ID, p.Stage)
	if !p.FollowUpOn.IsZero() {
		msg += ", follow up on " + p.FollowUpOn.String()
	}
	if p.ContactID != 0 {
		msg += fmt.Sprintf(": now contact #%d", p.ContactID)
	}
	return e.printf("%s\n", msg)
}

func runProspectActivate(e *env, pos []string) error {
	var c *crm.Contact
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindProspect(pos[0])
		if err != nil {
			return err
		}
		cid, err := tx.ActivateProspect(id)
		if err != nil {
			return err
		}
		c, err = tx.Contact(cid)
		return err
	}); err != nil {
		return err
	}
	return e.output(c, text(func(w io.Writer) {
		fmt.Fprintf(w, "%s is now a contact (#%d)", c.Name, c.ID)
		if roles := c.CurrentRoles(); len(roles) > 0 {
			fmt.Fprintf(w, ", %s", crm.JoinRoles(roles, ", "))
		}
		fmt.Fprintln(w)
	}))
}

// dash is text for a table cell, "-" when empty.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// printSearch writes, on a person's page, the gaps they help with, the
// events they were met at and the pipeline that brought them in.
func printSearch(w io.Writer, d *crm.ContactDetail) {
	for _, g := range d.Gaps {
		fmt.Fprintf(w, "  helps with gap: %s\n", g.Text)
	}
	for _, ev := range d.Events {
		fmt.Fprintf(w, "  met at: %s (%s, %s)\n", ev.Title, ev.Kind, ev.Date)
	}
	if p := d.Prospect; p != nil {
		fmt.Fprintf(w, "  was prospect #%d, added %s:", p.ID, p.AddedOn)
		for _, c := range p.History {
			fmt.Fprintf(w, " %s %s;", c.On, c.To)
		}
		fmt.Fprintln(w)
	}
}
