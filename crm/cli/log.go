package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "log", args: "[--with NAME]... [--circle CIRCLE [--absent NAME]...] [--kind K] [--date YYYY-MM-DD] [--minutes N] [--summary TEXT] [--note TEXT] [--gave TEXT]... [--received TEXT]... [--promise TEXT]... [--paid AMOUNT] [--goal TITLE]",
		summary: "Log an interaction and what was given and received.", help: `

Flags:
  --with NAME       a participant (repeatable)
  --circle CIRCLE   a circle meeting: every current member takes part
  --absent NAME     with --circle, a member who was not there (repeatable)
  --kind K          meeting, call, video, message, email, event or other (default meeting)
  --date D          the day (default today)
  --minutes N       time spent
  --summary TEXT    what it was about
  --note TEXT       private notes
  --gave TEXT       "KIND: description" of something you gave (repeatable); KIND is advice,
                    feedback, introduction, referral, opportunity, resource, help, time, money
                    or other, and a bare description is kind other
  --received TEXT   the same, for something you received
  --promise TEXT    "KIND: description" of something you promised and have yet to do
  --paid AMOUNT     money you paid (a coaching fee) to the first --with person, recorded as given money
  --goal TITLE      the goal this served
With several participants, each --gave, --received and --promise line is
recorded with each of them; a --paid fee only with the first --with person.`, run: runLog})
}

func runLog(e *env, args []string) error {
	fs := e.newFlags()
	var with, absent, gave, received, promised listFlag
	fs.Var(&with, "with", "participant")
	fs.Var(&absent, "absent", "absent member")
	fs.Var(&gave, "gave", "given")
	fs.Var(&received, "received", "received")
	fs.Var(&promised, "promise", "promised")
	circle := fs.String("circle", "", "circle")
	kind := fs.String("kind", "meeting", "kind")
	var date dateFlag
	fs.Var(&date, "date", "date")
	minutes := fs.String("minutes", "0", "minutes")
	summary := fs.String("summary", "", "summary")
	note := fs.String("note", "", "note")
	goal := fs.String("goal", "", "goal")
	paid := fs.String("paid", "", "money paid")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	in := &crm.Interaction{Date: date.d, Summary: strings.TrimSpace(*summary), Notes: *note}
	if in.Date.IsZero() {
		in.Date = e.today()
	}
	k, err := crm.ParseInteractionKind(*kind)
	if err != nil {
		return crm.Invalid("--kind", err)
	}
	in.Kind = k
	if in.Minutes, err = strconv.Atoi(strings.TrimSpace(*minutes)); err != nil || in.Minutes < 0 {
		return crm.Invalid("--minutes", fmt.Errorf("%q is not a number of minutes", *minutes))
	}
	for _, spec := range []struct {
		flag    string
		dir     crm.Direction
		list    listFlag
		promise bool
	}{{"--gave", crm.Gave, gave, false}, {"--received", crm.Received, received, false}, {"--promise", crm.Gave, promised, true}} {
		for _, text := range spec.list {
			ex, err := crm.ParseExchange(spec.dir, text)
			if err != nil {
				return crm.Invalid(spec.flag, err)
			}
			ex.Commitment = spec.promise
			in.Exchanges = append(in.Exchanges, ex)
		}
	}
	var fee *crm.Exchange
	if *paid != "" {
		amount, err := parseMoney("--paid", *paid)
		if err != nil {
			return err
		}
		// A fee is paid to one person: the first --with, never copied to
		// every participant as other lines are.
		if len(with) == 0 {
			return crm.Invalid("--paid", fmt.Errorf("say who was paid with --with NAME"))
		}
		fee = &crm.Exchange{Direction: crm.Gave, Kind: crm.ExMoney, Description: "fee", Amount: amount}
	}
	if len(absent) > 0 && *circle == "" {
		return crm.Invalid("--absent", fmt.Errorf("only makes sense with --circle"))
	}
	err = e.update(func(tx *store.Tx) error {
		if err := resolveParticipants(tx, in, with, *circle, absent); err != nil {
			return err
		}
		if fee != nil {
			if fee.ContactID, err = tx.FindContact(with[0]); err != nil {
				return fmt.Errorf("--with: %w", err)
			}
			in.Exchanges = append(in.Exchanges, *fee)
		}
		if *goal != "" {
			if in.GoalID, err = tx.FindGoal(*goal); err != nil {
				return fmt.Errorf("--goal: %w", err)
			}
		}
		return tx.LogInteraction(in)
	})
	if err != nil {
		return err
	}
	names := make([]string, len(in.Participants))
	for i, p := range in.Participants {
		names[i] = p.Name
	}
	fmt.Fprintf(e.out, "logged %s on %s with %s (#%d)\n", in.Kind, in.Date, strings.Join(names, ", "), in.ID)
	return nil
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
		for _, ref := range absent {
			id, err := tx.FindContact(ref)
			if err != nil {
				return fmt.Errorf("--absent: %w", err)
			}
			away[id] = true
		}
		for _, m := range c.CurrentMembers() {
			if !away[m.ContactID] {
				add(m.ContactID, m.Name)
			}
		}
		if len(in.Participants) == 0 && len(with) == 0 {
			return crm.Invalid("--circle", fmt.Errorf("%s has no members present; add some with 'kith circle join'", c.Name))
		}
	}
	for _, ref := range with {
		id, err := tx.FindContact(ref)
		if err != nil {
			return fmt.Errorf("--with: %w", err)
		}
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		add(id, c.Name)
	}
	return nil
}
