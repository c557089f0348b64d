package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// editInteraction opens a logged interaction in the log form, filled in, to
// correct or delete it, and hands the form to opened. The interaction is
// read afresh: the copy a screen shows may predate the last change.
func editInteraction(m *Main, id int64, opened func(*logForm)) {
	var in *crm.Interaction
	m.load(func(tx *store.Tx) (err error) {
		in, err = tx.Interaction(id)
		return err
	}, func() {
		f := buildLogForm(m, nil, 0, in)
		f.show()
		if opened != nil {
			opened(f)
		}
	})
}

// fill shows in on the form: every field, the people, and a line for each
// thing given or received.
func (f *logForm) fill(in *crm.Interaction) {
	f.fillPeople(in)
	f.kind.SetSelected(string(in.Kind))
	f.date.SetText(in.Date.String())
	if in.Minutes > 0 {
		f.minutes.SetText(strconv.Itoa(in.Minutes))
	}
	f.summary.SetText(in.Summary)
	f.notes.SetText(in.Notes)
	for i, g := range f.goals {
		if g.ID == in.GoalID {
			f.goal.SetSelectedIndex(i + 1)
		}
	}
	for _, orig := range exchangeLines(in) {
		f.fillLine(orig, len(orig) > 1)
	}
	f.refreshWith()
	f.revalidate()
}

// fillPeople picks the circle and ticks the members who came; whoever else
// took part (a guest, or a member who has left the circle since) is picked
// by name.
func (f *logForm) fillPeople(in *crm.Interaction) {
	for i, c := range f.circles {
		if c.ID == in.CircleID {
			f.circle.SetSelectedIndex(i + 1) // ticks every current member
		}
	}
	took := map[int64]bool{}
	for _, p := range in.Participants {
		took[p.ContactID] = true
	}
	ticked, member := []string{}, map[int64]bool{}
	for _, label := range f.members.Options {
		if id := f.memberID[label]; took[id] {
			ticked, member[id] = append(ticked, label), true
		}
	}
	f.members.SetSelected(ticked)
	f.picker.people = nil
	for _, p := range in.Participants {
		if !member[p.ContactID] {
			f.picker.people = append(f.picker.people, p)
		}
	}
	f.picker.show()
}

// fillLine adds a line for the stored exchanges orig (by contact): with
// everyone when they were, else with the one person.
func (f *logForm) fillLine(orig map[int64]crm.Exchange, withEveryone bool) {
	var x crm.Exchange
	for _, x = range orig {
		break // the fields the form shows are the same in each
	}
	l := f.addLine(f.m, x.Direction)
	l.orig = orig
	if !withEveryone {
		l.withID = x.ContactID
	}
	l.kind.SetSelected(string(x.Kind))
	l.desc.SetText(x.Description)
	l.promise.SetChecked(x.Commitment)
	if !x.DoneOn.IsZero() {
		l.promise.Text = "promise, kept " + shortDate(x.DoneOn, f.m.st.Today())
		l.promise.Refresh()
	}
}

// exchangeLines groups an interaction's exchanges into the form's lines,
// each the stored exchanges it stands for by contact. A thing given to a
// whole meeting is stored once per participant; when every participant has
// exactly one copy it is one line with everyone again, and otherwise each
// copy is a line of its own.
func exchangeLines(in *crm.Interaction) []map[int64]crm.Exchange {
	type group struct {
		byContact map[int64]crm.Exchange
		list      []crm.Exchange
		twice     bool // someone has two copies
	}
	var order []*group
	groups := map[string]*group{}
	for _, x := range in.Exchanges {
		key := fmt.Sprint(x.Direction, "\x00", x.Kind, "\x00", x.Description, "\x00", x.Commitment, x.DoneOn, x.Amount, x.Minutes, x.Date)
		g := groups[key]
		if g == nil {
			g = &group{byContact: map[int64]crm.Exchange{}}
			groups[key] = g
			order = append(order, g)
		}
		if _, seen := g.byContact[x.ContactID]; seen {
			g.twice = true
		}
		g.byContact[x.ContactID] = x
		g.list = append(g.list, x)
	}
	var out []map[int64]crm.Exchange
	for _, g := range order {
		if len(in.Participants) > 1 && !g.twice && len(g.list) == len(in.Participants) {
			out = append(out, g.byContact)
			continue
		}
		for _, x := range g.list {
			out = append(out, map[int64]crm.Exchange{x.ContactID: x})
		}
	}
	return out
}

// about names an interaction in a message: "the call with Priya Raman on
// 20 Nov".
func about(in *crm.Interaction, today crm.Date) string {
	names := make([]string, 0, withNames+1)
	for i, p := range in.Participants {
		if i == withNames {
			names = append(names, fmt.Sprintf("%d others", len(in.Participants)-withNames))
			break
		}
		names = append(names, p.Name)
	}
	return fmt.Sprintf("the %s with %s on %s", in.Kind, strings.Join(names, ", "), shortDate(in.Date, today))
}

// submitEdit saves the corrected interaction in one transaction, and
// offers to undo it: the version saved over, read in that transaction,
// goes back whole.
func (f *logForm) submitEdit() {
	in := f.interaction()
	in.ID = f.editing.ID
	f.changeEdited(func(tx *store.Tx) error { return tx.EditInteraction(in) },
		func(*crm.Interaction) string { return "Saved " + about(in, f.m.st.Today()) + "." },
		(*store.Tx).EditInteraction)
}

// confirmDelete asks before deleting the interaction being edited.
func (f *logForm) confirmDelete() {
	f.m.ask("Delete this interaction?",
		capitalize(about(f.editing, f.m.st.Today()))+" goes, with everything given and received in it.\nYou can undo this from the bar at the bottom.",
		"Delete", "Cancel", f.deleteEdited)
}

// deleteEdited deletes the interaction, and offers to undo it: the
// interaction as read in the deleting transaction comes back under its own
// ids, with its participants and exchanges.
func (f *logForm) deleteEdited() {
	id := f.editing.ID
	f.changeEdited(func(tx *store.Tx) error { return tx.DeleteInteraction(id) },
		func(gone *crm.Interaction) string { return "Deleted " + about(gone, f.m.st.Today()) + "." },
		(*store.Tx).RestoreInteraction)
}

// changeEdited changes the interaction being edited in one transaction
// that first reads it as it stands, then closes the form and says what
// happened (said gets the interaction as read), offering to undo: undo
// puts the version read back.
func (f *logForm) changeEdited(change func(*store.Tx) error, said func(before *crm.Interaction) string,
	undo func(*store.Tx, *crm.Interaction) error) {
	id, m := f.editing.ID, f.m
	var before *crm.Interaction
	m.save(func(tx *store.Tx) (err error) {
		if before, err = tx.Interaction(id); err != nil {
			return err
		}
		return change(tx)
	}, func() {
		f.close()
		m.bar.show(said(before), func() {
			m.save(func(tx *store.Tx) error { return undo(tx, before) }, nil)
		})
	})
}
