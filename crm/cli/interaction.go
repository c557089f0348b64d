package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// An interaction's id is written bare, "interaction 3": a "#3" names a
// person, circle or goal on Kith's command line, and an interaction id
// printed that way after a person's name was read as theirs. The list shows
// ids bare, edit and delete take them bare, and log prints them so.

func init() {
	register(&command{name: "interaction list", args: "[--with NAME] [--circle CIRCLE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--offset N] [--json]",
		summary: "List logged interactions, newest first, a page at a time.", json: true, help: `
Flags:
  --with NAME       only those this person took part in
  --circle CIRCLE   only this circle's meetings
  --from D, --to D  only those on or after D, on or before D
  --limit N         at most N (default 100, at most 10000)
  --offset N        skip the first N, to read the next page
The first column is the interaction's id, which 'kith interaction edit' and
'kith interaction delete' take, written bare (3, never #3: #3 names a person).`,
		handler: func() handler { return &interactionList{limit: strconv.Itoa(crm.InteractionPage), offset: "0"} }})
	register(&command{name: "interaction edit", args: "ID [--date YYYY-MM-DD] [--kind K] [--minutes N] [--summary TEXT] [--note TEXT] [--goal TITLE] [--with NAME]...",
		summary: "Correct a logged interaction.", nargs: 1, what: "ID (see 'kith interaction list')", help: `
Each flag given replaces that field; the rest stay as they were.
  --goal ""        the interaction served no goal
  --with NAME      the participants, all of them (repeatable): what was given and
                   received with anyone left out is removed with them`,
		handler: func() handler { return &interactionEdit{} }})
	register(&command{name: "interaction delete", args: "ID", summary: "Delete a logged interaction with what was given and received in it.",
		nargs: 1, what: "ID (see 'kith interaction list')", handler: do(runInteractionDelete)})
}

// parseInteractionID reads an interaction id as the list prints it.
func parseInteractionID(s string) (int64, error) {
	if strings.HasPrefix(s, "#") {
		return 0, crm.Invalid("ID", fmt.Errorf("%q: an interaction id is written bare, as 'kith interaction list' shows it (%s); #N names a person", s, s[1:]))
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, crm.Invalid("ID", fmt.Errorf("%q is not an interaction id (see 'kith interaction list')", s))
	}
	return id, nil
}

// parseCount reads a whole number of at least least for flag.
func parseCount(flagName, s string, least int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < least {
		return 0, crm.Invalid(flagName, fmt.Errorf("%q is not a whole number of at least %d", s, least))
	}
	return n, nil
}

// interactionList is 'kith interaction list'.
type interactionList struct {
	with, circle, limit, offset string
	from, to                    dateFlag
}

func (f *interactionList) flags() vars {
	return vars{"with": &f.with, "circle": &f.circle, "from": &f.from, "to": &f.to, "limit": &f.limit, "offset": &f.offset}
}

// filter checks the flags that need no database.
func (f *interactionList) filter() (crm.InteractionFilter, error) {
	flt := crm.InteractionFilter{From: f.from.d, To: f.to.d}
	var err error
	if flt.Limit, err = parseCount("--limit", f.limit, 1); err != nil {
		return flt, err
	}
	if flt.Limit > crm.MaxInteractionPage {
		return flt, crm.Invalid("--limit", fmt.Errorf("%d is more than %d; page with --offset", flt.Limit, crm.MaxInteractionPage))
	}
	if flt.Offset, err = parseCount("--offset", f.offset, 0); err != nil {
		return flt, err
	}
	if !flt.From.IsZero() && !flt.To.IsZero() && flt.To.Before(flt.From) {
		return flt, crm.Invalid("--to", fmt.Errorf("%s is before --from %s", flt.To, flt.From))
	}
	return flt, nil
}

// interactionRow is one interaction as 'interaction list --json' prints it:
// participants by name for reading (with their ids beside them, since two
// people may share a name), the circle and goal by name, "" for none.
type interactionRow struct {
	ID             int64          `json:"id"`
	Date           crm.Date       `json:"date"`
	Kind           string         `json:"kind"`
	Minutes        int            `json:"minutes"`
	Summary        string         `json:"summary"`
	Notes          string         `json:"notes"`
	Participants   []string       `json:"participants"`
	ParticipantIDs []int64        `json:"participant_ids"`
	Circle         string         `json:"circle"`
	Goal           string         `json:"goal"`
	Exchanges      []crm.Exchange `json:"exchanges"`
}

func rowOf(in *crm.Interaction) interactionRow {
	r := interactionRow{ID: in.ID, Date: in.Date, Kind: string(in.Kind), Minutes: in.Minutes, Summary: in.Summary, Notes: in.Notes,
		Participants: []string{}, ParticipantIDs: []int64{}, Circle: in.Circle, Goal: in.Goal, Exchanges: in.Exchanges}
	for _, p := range in.Participants {
		r.Participants = append(r.Participants, p.Name)
		r.ParticipantIDs = append(r.ParticipantIDs, p.ContactID)
	}
	return r
}

func (f *interactionList) run(e *env, _ []string) error {
	flt, err := f.filter()
	if err != nil {
		return err
	}
	var list []*crm.Interaction
	var more bool
	if err := e.view(func(tx *store.Tx) error {
		if err := f.resolve(tx, &flt); err != nil {
			return err
		}
		list, more, err = tx.ListInteractions(flt)
		return err
	}); err != nil {
		return err
	}
	rows := make([]interactionRow, len(list))
	for i, in := range list {
		rows[i] = rowOf(in)
	}
	return e.output(rows, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tDATE\tKIND\tMIN\tWITH\tSUMMARY")
		for _, in := range list {
			fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\t%s\n", in.ID, in.Date, in.Kind, in.Minutes, cell(withWhom(in)), cell(in.Summary))
		}
		if more {
			fmt.Fprintf(w, "more follow: add --offset %d\n", flt.Offset+len(list))
		}
	}))
}

// resolve looks up the names --with and --circle give.
func (f *interactionList) resolve(tx *store.Tx, flt *crm.InteractionFilter) error {
	var err error
	if f.with != "" {
		if flt.ContactID, err = tx.FindContact(f.with); err != nil {
			return fmt.Errorf("--with: %w", err)
		}
	}
	if f.circle != "" {
		if flt.CircleID, err = tx.FindCircle(f.circle); err != nil {
			return fmt.Errorf("--circle: %w", err)
		}
	}
	return nil
}

// listedNames bounds the names a row of the text list shows.
const listedNames = 3

// withWhom names an interaction's participants for the text list, a big
// circle meeting by its circle and head count.
func withWhom(in *crm.Interaction) string {
	names := make([]string, 0, listedNames+1)
	for i, p := range in.Participants {
		if i == listedNames {
			names = append(names, fmt.Sprintf("%d more", len(in.Participants)-listedNames))
			break
		}
		names = append(names, p.Name)
	}
	s := strings.Join(names, ", ")
	if in.Circle != "" {
		s = in.Circle + ": " + s
	}
	return s
}

// describe is the line edit, delete and log print about an interaction:
// its id bare, and each person with their #id.
func describe(verb string, in *crm.Interaction) string {
	people := make([]string, len(in.Participants))
	for i, p := range in.Participants {
		people[i] = fmt.Sprintf("%s (#%d)", p.Name, p.ContactID)
	}
	return fmt.Sprintf("%s interaction %d: %s on %s with %s\n", verb, in.ID, in.Kind, in.Date, strings.Join(people, ", "))
}

// interactionEdit is 'kith interaction edit': the flags given replace.
type interactionEdit struct {
	kind, minutes, summary, note, goal string
	date                               dateFlag
	with                               listFlag
}

func (f *interactionEdit) flags() vars {
	return vars{"date": &f.date, "kind": &f.kind, "minutes": &f.minutes, "summary": &f.summary, "note": &f.note, "goal": &f.goal, "with": &f.with}
}

// apply copies the flags given that need no database onto in.
func (f *interactionEdit) apply(in *crm.Interaction, given map[string]bool) error {
	var err error
	if given["date"] {
		in.Date = f.date.d
	}
	if given["kind"] {
		if in.Kind, err = crm.ParseInteractionKind(f.kind); err != nil {
			return crm.Invalid("--kind", err)
		}
	}
	if given["minutes"] {
		if in.Minutes, err = parseMinutes("--minutes", f.minutes); err != nil {
			return err
		}
	}
	if given["summary"] {
		in.Summary = strings.TrimSpace(f.summary)
	}
	if given["note"] {
		in.Notes = f.note
	}
	return nil
}

// resolve applies --goal and --with, which name things in the database.
// New participants replace the old; the exchanges with anyone left out
// are dropped, and returned so the command can say so.
func (f *interactionEdit) resolve(tx *store.Tx, in *crm.Interaction, given map[string]bool) ([]crm.Exchange, error) {
	if given["goal"] {
		in.GoalID = 0
		if f.goal != "" {
			id, err := tx.FindGoal(f.goal)
			if err != nil {
				return nil, fmt.Errorf("--goal: %w", err)
			}
			in.GoalID = id
		}
	}
	if !given["with"] {
		return nil, nil
	}
	in.Participants = nil
	if err := resolveParticipants(tx, in, f.with, "", nil); err != nil {
		return nil, err
	}
	present := map[int64]bool{}
	for _, p := range in.Participants {
		present[p.ContactID] = true
	}
	var kept, dropped []crm.Exchange
	for _, x := range in.Exchanges {
		if present[x.ContactID] {
			kept = append(kept, x)
		} else {
			dropped = append(dropped, x)
		}
	}
	in.Exchanges = kept
	return dropped, nil
}

func (f *interactionEdit) run(e *env, pos []string) error {
	id, err := parseInteractionID(pos[0])
	if err != nil {
		return err
	}
	if len(e.given) == 0 {
		return usagef("nothing to change: give --date, --kind, --minutes, --summary, --note, --goal or --with")
	}
	var in *crm.Interaction
	var dropped []crm.Exchange
	if err := e.update(func(tx *store.Tx) error {
		if in, err = tx.Interaction(id); err != nil {
			return err
		}
		if err := f.apply(in, e.given); err != nil {
			return err
		}
		if dropped, err = f.resolve(tx, in, e.given); err != nil {
			return err
		}
		return tx.EditInteraction(in)
	}); err != nil {
		return err
	}
	for _, x := range dropped {
		if err := e.printf("removed %s %s: %s with %s (#%d), who no longer took part\n", x.Direction, x.Kind, x.Description, x.Contact, x.ContactID); err != nil {
			return err
		}
	}
	return e.printf("%s", describe("updated", in))
}

func runInteractionDelete(e *env, pos []string) error {
	id, err := parseInteractionID(pos[0])
	if err != nil {
		return err
	}
	var in *crm.Interaction
	if err := e.update(func(tx *store.Tx) error {
		if in, err = tx.Interaction(id); err != nil {
			return err
		}
		return tx.DeleteInteraction(id)
	}); err != nil {
		return err
	}
	return e.printf("%s", describe("deleted", in))
}
