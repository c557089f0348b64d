package cli

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "log", args: "[--with NAME]... [--circle CIRCLE [--absent NAME]...] [--kind K] [--date YYYY-MM-DD [--future]] [--minutes N] [--summary TEXT] [--note TEXT] [--gave TEXT]... [--received TEXT]... [--promise TEXT]... [--paid AMOUNT] [--goal TITLE] [--no-session] [--agenda-done ID]... [--agenda-carry ID]... [--agenda-drop ID]...",
		summary: "Log an interaction and what was given and received.", help: `

Flags:
  --with NAME       a participant (repeatable)
  --circle CIRCLE   a circle meeting: every current member takes part
  --absent NAME     with --circle, a member who was not there (repeatable)
  --kind K          meeting, call, video, message, email, event or other (default meeting)
  --date D          the day (default today)
  --future          accept a --date after today (a meeting planned ahead); without it, a
                    later day is refused as a likely typo
  --minutes N       time spent
  --summary TEXT    what it was about
  --note TEXT       private notes
  --gave TEXT       "KIND: description" of something you gave (repeatable); KIND is advice,
                    feedback, introduction, referral, opportunity, resource, help, time, money
                    or other, and a bare description is kind other. A first word followed by
                    ": " is taken as KIND and refused if it is none ("advise: ..."); write
                    "other: Re: the offsite" to keep such a colon. A colon later in the text
                    ("Intro to Sam: great chat") is part of the description
  --received TEXT   the same, for something you received
  --promise TEXT    "KIND: description" of something you promised and have yet to do
  --paid AMOUNT     money you paid (a coaching fee) to the first --with person, recorded as given money
  --goal TITLE      the goal this served
  --no-session      not a session of an agreement: by default an interaction with
                    someone you have an agreement with counts as one of its sessions
  --agenda-done ID  an agenda item (see 'kith prepare') settled in this session (repeatable)
  --agenda-carry ID an item discussed and carried to the next agenda (repeatable)
  --agenda-drop ID  an item let go (repeatable); unticked items stay open as they were
With several participants, each --gave, --received and --promise line is
recorded with each of them; a --paid fee only with the first --with person.`,
		handler: func() handler { return &logInteraction{kind: "meeting", minutes: "0"} }})
}

// logInteraction is 'kith log': its flags describe the interaction to log.
type logInteraction struct {
	with, absent, gave, received, promised           listFlag
	circle, kind, minutes, summary, note, goal, paid string
	date                                             dateFlag
	future                                           bool
	noSession                                        bool
	agenda                                           agendaFlags
}

func (f *logInteraction) flags() vars {
	return vars{"with": &f.with, "absent": &f.absent, "gave": &f.gave, "received": &f.received, "promise": &f.promised,
		"circle": &f.circle, "kind": &f.kind, "date": &f.date, "minutes": &f.minutes, "summary": &f.summary,
		"note": &f.note, "goal": &f.goal, "paid": &f.paid, "future": &f.future,
		"no-session": &f.noSession, "agenda-done": &f.agenda.done, "agenda-carry": &f.agenda.carry, "agenda-drop": &f.agenda.drop}
}

// interaction builds what the flags describe, all but the names, which
// need the database: every mistake in the flags is found before it opens.
func (f *logInteraction) interaction(today crm.Date) (*crm.Interaction, error) {
	in := &crm.Interaction{Date: f.date.d, Summary: strings.TrimSpace(f.summary), Notes: f.note}
	if in.Date.IsZero() {
		in.Date = today
	}
	// A later day is most often a slip of the keyboard (2027 for 2026), and
	// an interaction logged ahead does not count until its day: ask first.
	if in.Date.After(today) && !f.future {
		return nil, crm.Invalid("--date", fmt.Errorf("%s is after today (%s); add --future to log it ahead", in.Date, today))
	}
	k, err := crm.ParseInteractionKind(f.kind)
	if err != nil {
		return nil, crm.Invalid("--kind", err)
	}
	in.Kind = k
	if in.Minutes, err = parseCount("--minutes", f.minutes, 0); err != nil {
		return nil, err
	}
	if in.Exchanges, err = f.exchanges(); err != nil {
		return nil, err
	}
	return in, nil
}

// exchanges reads the --gave, --received and --promise lines.
func (f *logInteraction) exchanges() ([]crm.Exchange, error) {
	var out []crm.Exchange
	for _, spec := range []struct {
		flag    string
		dir     crm.Direction
		list    listFlag
		promise bool
	}{{"--gave", crm.Gave, f.gave, false}, {"--received", crm.Received, f.received, false}, {"--promise", crm.Gave, f.promised, true}} {
		for _, text := range spec.list {
			ex, err := crm.ParseExchange(spec.dir, text)
			if err != nil {
				return nil, crm.Invalid(spec.flag, err)
			}
			ex.Commitment = spec.promise
			out = append(out, ex)
		}
	}
	return out, nil
}

// fee reads --paid.
func (f *logInteraction) fee() (*crm.Exchange, error) {
	amount, err := parseMoney("--paid", f.paid)
	if err != nil {
		return nil, err
	}
	// A fee is paid to one person: the first --with, never copied to
	// every participant as other lines are.
	if len(f.with) == 0 {
		return nil, crm.Invalid("--paid", fmt.Errorf("say who was paid with --with NAME"))
	}
	return &crm.Exchange{Direction: crm.Gave, Kind: crm.ExMoney, Description: "fee", Amount: amount}, nil
}

func (f *logInteraction) run(e *env, _ []string) error {
	in, err := f.interaction(e.today())
	if err != nil {
		return err
	}
	var fee *crm.Exchange
	if f.paid != "" {
		if fee, err = f.fee(); err != nil {
			return err
		}
	}
	if len(f.absent) > 0 && f.circle == "" {
		return crm.Invalid("--absent", fmt.Errorf("only makes sense with --circle"))
	}
	ticks, err := f.agenda.ticks()
	if err != nil {
		return err
	}
	if err := e.update(func(tx *store.Tx) error { return f.record(tx, in, fee, ticks) }); err != nil {
		return err
	}
	return e.printf("%s", describe("logged", in))
}

// record looks up the names the flags give and logs the interaction.
func (f *logInteraction) record(tx *store.Tx, in *crm.Interaction, fee *crm.Exchange, ticks crm.AgendaTicks) error {
	if err := resolveParticipants(tx, in, f.with, f.circle, f.absent); err != nil {
		return err
	}
	var err error
	if fee != nil {
		if fee.ContactID, err = tx.FindContact(f.with[0]); err != nil {
			return fmt.Errorf("--with: %w", err)
		}
		in.Exchanges = append(in.Exchanges, *fee)
	}
	if f.goal != "" {
		if in.GoalID, err = tx.FindGoal(f.goal); err != nil {
			return fmt.Errorf("--goal: %w", err)
		}
	}
	if err := tx.LogInteraction(in); err != nil {
		return err
	}
	return sessionAndAgenda(tx, in.ID, f.noSession, ticks)
}

// resolveParticipants turns --with names and a --circle into participants:
// a circle meeting includes every current member but those marked absent.
func resolveParticipants(tx *store.Tx, in *crm.Interaction, with []string, circle string, absent []string) error {
	seen := map[int64]bool{}
	add := func(id int64, name string) {
		if !seen[id] {
			seen[id] = true
			in.Participants = append(in.Participants, crm.Participant{ContactID: id, Name: name})
		}
	}
	if circle != "" {
		if err := circleMeeting(tx, in, circle, absent, add); err != nil {
			return err
		}
		if len(in.Participants) == 0 && len(with) == 0 {
			return crm.Invalid("--circle", fmt.Errorf("%s has no members present; add some with 'kith circle join'", in.Circle))
		}
	}
	return forContacts(tx, "--with", with, func(id int64) error {
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		add(id, c.Name)
		return nil
	})
}

// circleMeeting makes in a meeting of the circle and adds its current
// members who were not absent.
func circleMeeting(tx *store.Tx, in *crm.Interaction, circle string, absent []string, add func(id int64, name string)) error {
	cid, err := tx.FindCircle(circle)
	if err != nil {
		return fmt.Errorf("--circle: %w", err)
	}
	c, err := tx.Circle(cid)
	if err != nil {
		return err
	}
	in.CircleID, in.Circle = c.ID, c.Name
	away := map[int64]bool{}
	if err := forContacts(tx, "--absent", absent, func(id int64) error {
		away[id] = true
		return nil
	}); err != nil {
		return err
	}
	for _, m := range c.CurrentMembers() {
		if !away[m.ContactID] {
			add(m.ContactID, m.Name)
		}
	}
	return nil
}
