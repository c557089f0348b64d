package cli

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "event add", args: "TITLE --date YYYY-MM-DD [--place P] [--kind conference|meetup|talk|workshop|online] [--note TEXT] [--json]",
		summary: "Add an event where you meet people: a conference, meetup, talk, workshop or online community.",
		help: `People added with 'contact add --event TITLE' and prospects with 'prospect add
--event TITLE' link to it, and it becomes where they came from. The kind is a
meetup unless given.`,
		json: true, nargs: 1, what: "TITLE", handler: func() handler { return &eventAdd{} }})
	register(&command{name: "event list", args: "[--json]", summary: "List events, the latest first, with how many people you met there.",
		json: true, handler: do(runEventList)})
	register(&command{name: "event show", args: "TITLE [--json]",
		summary: "Show an event: who you met there and who you still have to follow up with.", json: true, nargs: 1, what: "TITLE",
		handler: do(runEventShow)})
}

// eventAdd is 'kith event add'.
type eventAdd struct {
	date              dateFlag
	place, kind, note string
}

func (f *eventAdd) flags() vars {
	return vars{"date": &f.date, "place": &f.place, "kind": &f.kind, "note": &f.note}
}

func (f *eventAdd) run(e *env, pos []string) error {
	ev := &crm.Event{Title: pos[0], Date: f.date.d, Place: f.place, Notes: f.note}
	if !f.date.set || f.date.d.IsZero() {
		return crm.Invalid("--date", fmt.Errorf("give the day of the event, YYYY-MM-DD"))
	}
	if e.given["kind"] {
		k, err := crm.ParseEventKind(f.kind)
		if err != nil {
			return crm.Invalid("--kind", err)
		}
		ev.Kind = k
	}
	if err := e.update(func(tx *store.Tx) error { return tx.AddEvent(ev) }); err != nil {
		return err
	}
	return e.output(ev, text(func(w io.Writer) { fmt.Fprintf(w, "added event %s (#%d)\n", ev.Title, ev.ID) }))
}

func runEventList(e *env, _ []string) error {
	list, err := viewOf(e, func(tx *store.Tx) ([]crm.EventSummary, error) { return tx.Events(0, 0) })
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tDATE\tEVENT\tKIND\tPLACE\tPEOPLE\tPROSPECTS")
		for _, ev := range list {
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%d\t%d\n", ev.ID, ev.Date, ev.Title, ev.Kind, dash(ev.Place), ev.People, ev.Prospects)
		}
	}))
}

func runEventShow(e *env, pos []string) error {
	page, err := viewOf(e, func(tx *store.Tx) (*crm.EventPage, error) {
		id, err := tx.FindEvent(pos[0])
		if err != nil {
			return nil, err
		}
		return tx.EventPage(id)
	})
	if err != nil {
		return err
	}
	return e.output(page, text(func(w io.Writer) {
		fmt.Fprintf(w, "%s (#%d): %s on %s", page.Title, page.ID, page.Kind, page.Date)
		if page.Place != "" {
			fmt.Fprintf(w, " at %s", page.Place)
		}
		fmt.Fprintln(w)
		printMet(w, "Met there", page.Met)
		printMet(w, "Still to follow up", page.FollowUp)
	}))
}

// printMet lists people and prospects met at an event under a heading.
func printMet(w io.Writer, heading string, list []crm.Met) {
	fmt.Fprintf(w, "%s: %d\n", heading, len(list))
	for _, m := range list {
		if m.ContactID != 0 {
			fmt.Fprintf(w, "  %s (#%d), last talked %s\n", m.Name, m.ContactID, orDash(m.LastContact))
			continue
		}
		fmt.Fprintf(w, "  %s (prospect #%d, %s), follow-up %s\n", m.Name, m.ProspectID, m.Stage, orDash(m.FollowUpOn))
	}
}
