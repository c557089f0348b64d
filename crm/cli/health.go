package cli

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "health", args: "NAME --learning N --rhythm N --follow-through N --fit N [--note TEXT] [--date D]",
		summary: "Record a health check of the agreement with a person.",
		help: `Four answers from 1 (not at all) to 5 (fully): am I learning, is the rhythm
right, are we both following through, is this still the right kind of help.
Checks fall due 30 days after an agreement starts, then 60 days after the
last one; a relationship whose score falls two checks in a row is flagged.`,
		nargs: 1, what: "NAME", handler: func() handler { return &healthCheck{} }})
	register(&command{name: "health list", args: "[--due] [--json]", summary: "List active agreements with their health, or those due a check.",
		json: true, handler: func() handler { return &healthList{} }})
	register(&command{name: "health schedule", args: "[--first DUR] [--every DUR] [--json]",
		summary: "Show or change when health checks fall due (30 days after the start, then every 60, unless changed).",
		json:    true, handler: func() handler { return &healthSchedule{} }})
}

// healthSchedule is 'kith health schedule'.
type healthSchedule struct{ first, every spanFlag }

func (f *healthSchedule) flags() vars { return vars{"first": &f.first, "every": &f.every} }

func (f *healthSchedule) run(e *env, _ []string) error {
	var s crm.HealthSchedule
	read := func(tx *store.Tx) (err error) {
		s, err = tx.HealthSchedule()
		return err
	}
	var err error
	if f.first.set || f.every.set {
		err = e.update(func(tx *store.Tx) error {
			if err := read(tx); err != nil {
				return err
			}
			if f.first.set {
				s.First = f.first.s.Days()
			}
			if f.every.set {
				s.Every = f.every.s.Days()
			}
			return tx.SetHealthSchedule(s)
		})
	} else {
		err = e.view(read)
	}
	if err != nil {
		return err
	}
	return e.output(s, text(func(w io.Writer) {
		fmt.Fprintf(w, "first check %d days after an agreement starts, then every %d days\n", s.First, s.Every)
	}))
}

// healthCheck is 'kith health'.
type healthCheck struct {
	learning, rhythm, follow, fit, note string
	on                                  dateFlag
}

func (f *healthCheck) flags() vars {
	return vars{"learning": &f.learning, "rhythm": &f.rhythm, "follow-through": &f.follow, "fit": &f.fit, "note": &f.note, "date": &f.on}
}

func (f *healthCheck) run(e *env, pos []string) error {
	h := &crm.HealthCheck{On: f.on.d, Note: f.note}
	for _, a := range []struct {
		flag, v string
		dst     *int
	}{{"--learning", f.learning, &h.Learning}, {"--rhythm", f.rhythm, &h.Rhythm}, {"--follow-through", f.follow, &h.FollowThrough}, {"--fit", f.fit, &h.Fit}} {
		if a.v == "" {
			return crm.Invalid(a.flag, fmt.Errorf("missing: answer from 1 to 5"))
		}
		n, err := parseCount(a.flag, a.v, 1)
		if err != nil {
			return err
		}
		if n > 5 {
			return crm.Invalid(a.flag, fmt.Errorf("%d is not on the 1 to 5 scale", n))
		}
		*a.dst = n
	}
	var p *crm.AgreementProgress
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		h.ContactID = id
		if err := tx.AddHealthCheck(h); err != nil {
			return err
		}
		p, err = tx.AgreementProgress(h.AgreementID)
		return err
	}); err != nil {
		return err
	}
	return e.printf("recorded health %.1f for the agreement with %s; %s\n", h.Score(), p.Contact, healthText(p))
}

// healthList is 'kith health list'.
type healthList struct{ due bool }

func (f *healthList) flags() vars { return vars{"due": &f.due} }

func (f *healthList) run(e *env, _ []string) error {
	list, err := viewOf(e, func(tx *store.Tx) ([]crm.AgreementProgress, error) { return tx.HealthList(f.due) })
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tWITH\tDUE\tTREND\tFIT\tFLAGS")
		for i := range list {
			p := &list[i]
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.Contact, p.HealthDue, dash(string(p.Trend)), dash(string(p.Fit)), flagText(p.Flags))
		}
	}))
}
