package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "prepare", args: "NAME [--json]", summary: "Start the agenda of the next session with a person from what is open.",
		help: `The agenda gathers the promises either way not yet kept, the goals they help
with and their progress, the last session's summary and the questions noted
with 'kith ask', with the items still open from before. After the session,
tick its items with 'kith log --with NAME --agenda-done ID... --agenda-carry
ID... --agenda-drop ID...': carried and unticked items come back next time.`,
		json: true, nargs: 1, what: "NAME", handler: do(runPrepare)})
	register(&command{name: "ask", args: "NAME TEXT", summary: "Note a question to raise at the next session with a person.",
		nargs: 2, what: "NAME and TEXT", handler: do(runAsk)})
}

func runPrepare(e *env, pos []string) error {
	var ag *crm.Agenda
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		ag, err = tx.PrepareAgenda(id)
		return err
	}); err != nil {
		return err
	}
	return e.output(ag, text(func(w io.Writer) {
		fmt.Fprintf(w, "Next session with %s\n", ag.Name)
		if p := ag.Agreement; p != nil {
			fmt.Fprintf(w, "  agreement #%d: %s\n", p.ID, sessionsText(p))
		}
		if len(ag.Items) == 0 {
			fmt.Fprintln(w, "  nothing open")
		}
		for _, it := range ag.Items {
			carried := ""
			if it.Carried > 0 {
				carried = fmt.Sprintf(" (carried %d×)", it.Carried)
			}
			fmt.Fprintf(w, "  %4d  %-8s %s%s\n", it.ID, it.Kind, it.Text, carried)
		}
	}))
}

func runAsk(e *env, pos []string) error {
	var it crm.AgendaItem
	var name string
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		name = c.Name
		it, err = tx.Ask(id, pos[1])
		return err
	}); err != nil {
		return err
	}
	return e.printf("noted for the next session with %s (item %d)\n", name, it.ID)
}

// agendaFlags are the flags of 'kith log' that tick a prepared agenda.
type agendaFlags struct {
	done, carry, drop listFlag
}

// ticks reads the item ids of the flags.
func (f *agendaFlags) ticks() (crm.AgendaTicks, error) {
	var t crm.AgendaTicks
	for _, l := range []struct {
		flag string
		ids  []string
		dst  *[]int64
	}{{"--agenda-done", f.done, &t.Done}, {"--agenda-carry", f.carry, &t.Carried}, {"--agenda-drop", f.drop, &t.Dropped}} {
		for _, s := range l.ids {
			for _, part := range strings.Split(s, ",") {
				id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
				if err != nil || id <= 0 {
					return t, crm.Invalid(l.flag, fmt.Errorf("%q is not an agenda item id (see 'kith prepare NAME')", part))
				}
				*l.dst = append(*l.dst, id)
			}
		}
	}
	return t, t.Validate()
}

// sessionAndAgenda records, for an interaction just logged, that it is not
// a session when noSession, and what became of the agenda items ticked.
func sessionAndAgenda(tx *store.Tx, interactionID int64, noSession bool, ticks crm.AgendaTicks) error {
	if noSession {
		if err := tx.MarkSession(interactionID, false); err != nil {
			return err
		}
	}
	if ticks.Empty() {
		return nil
	}
	return tx.TickAgenda(interactionID, ticks)
}
