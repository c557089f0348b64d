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
	register(&command{name: "agreement set",
		args:    "NAME [--goal TITLE]... [--sessions N] [--hours H] [--fee AMOUNT] [--per-session] [--start D] [--end D] [--revisit D] [--confidential TEXT] [--format TEXT] [--role R] [--cadence DUR] [--fit good|deciding|not] [--renew]",
		summary: "Start or change the agreement with a coach, mentor, coachee or mentee.", nargs: 1, what: "NAME",
		help: `Without an active agreement with NAME this starts one; with one, it changes
only the fields whose flags are given (--goal replaces the goals).

Flags:
  --goal TITLE         a goal the agreement serves (repeatable)
  --sessions N         sessions agreed
  --hours H            hours agreed
  --fee AMOUNT         the fee: for the whole agreement, or per session with --per-session
  --per-session        the fee is per session
  --start D            the first day (default today)
  --end D              the planned end (empty: open-ended)
  --revisit D          a day to look at the agreement again
  --confidential TEXT  what stays between you
  --format TEXT        how you meet ("video, every other Tuesday")
  --role R             what the relationship is: coach, mentor, coachee or mentee
                       (default: the person's current one)
  --cadence DUR        the rhythm of sessions (default: the person's check-in cadence)
  --fit V              the fit check after the second session: good, deciding or not
  --renew              start a new agreement (a renewed package): the active one
                       completes the day before --start, its roles unchanged

Every interaction with NAME from the start counts as a session, but those
logged with --no-session and circle meetings.`,
		handler: func() handler { return &agreementSet{} }})
	register(&command{name: "agreement show", args: "NAME [--json]", summary: "Show the agreements with a person and their progress.",
		json: true, nargs: 1, what: "NAME", handler: do(runAgreementShow)})
	register(&command{name: "agreement list", args: "[--flagged] [--json]",
		summary: "List active agreements, or those that want attention, with the late promises of others.",
		json:    true, handler: func() handler { return &agreementList{} }})
	register(&command{name: "agreement close", args: "NAME --outcome completed|ended|redefined --reason TEXT [--learned TEXT] [--new-role R] [--date D]",
		summary: "Close the active agreement with a person: end or change the role, keep in touch.", nargs: 1, what: "NAME",
		help: fmt.Sprintf(`Closing ends the role the agreement was about (kept in the role history)
and starts --new-role, which a redefined agreement needs (a coach who becomes
a mentor). A completed or ended agreement moves the person to a light
keep-in-touch cadence of %d days; a redefined one to the new role's rhythm.`, crm.KeepInTouchDays),
		handler: func() handler { return &agreementClose{} }})
}

// agreementSet is 'kith agreement set'.
type agreementSet struct {
	goals                                                 listFlag
	sessions, hours, fee, confidential, format, role, fit string
	start, end, revisit                                   dateFlag
	cadence                                               spanFlag
	perSession, renew                                     bool
}

func (f *agreementSet) flags() vars {
	return vars{"goal": &f.goals, "sessions": &f.sessions, "hours": &f.hours, "fee": &f.fee, "per-session": &f.perSession,
		"start": &f.start, "end": &f.end, "revisit": &f.revisit, "confidential": &f.confidential, "format": &f.format,
		"role": &f.role, "cadence": &f.cadence, "fit": &f.fit, "renew": &f.renew}
}

// apply copies the flags given onto a; every mistake is found before
// anything is written.
func (f *agreementSet) apply(a *crm.Agreement, given map[string]bool) error {
	var err error
	if given["sessions"] {
		if a.Sessions, err = parseCount("--sessions", f.sessions, 0); err != nil {
			return err
		}
	}
	if given["hours"] {
		if a.Hours, err = parseMoney("--hours", f.hours); err != nil {
			return crm.Invalid("--hours", fmt.Errorf("%q is not a number of hours", f.hours))
		}
	}
	if given["fee"] {
		if a.Fee, err = parseMoney("--fee", f.fee); err != nil {
			return err
		}
	}
	if given["role"] {
		if a.Role, err = crm.ParseEnum("role", f.role, crm.SessionRoles); err != nil {
			return crm.Invalid("--role", err)
		}
	}
	if given["fit"] {
		if a.Fit, err = crm.ParseFit(f.fit); err != nil {
			return crm.Invalid("--fit", err)
		}
	}
	f.applyPlain(a, given)
	return nil
}

// applyPlain copies the flags that cannot be wrong.
func (f *agreementSet) applyPlain(a *crm.Agreement, given map[string]bool) {
	if given["per-session"] {
		a.PerSession = f.perSession
	}
	for name, dst := range map[string]*crm.Date{"start": &a.Start, "end": &a.End, "revisit": &a.Revisit} {
		if given[name] {
			*dst = map[string]dateFlag{"start": f.start, "end": f.end, "revisit": f.revisit}[name].d
		}
	}
	if given["confidential"] {
		a.Confidential = f.confidential
	}
	if given["format"] {
		a.Format = strings.TrimSpace(f.format)
	}
	if given["cadence"] {
		a.CadenceDays = f.cadence.s.Days()
	}
}

func (f *agreementSet) run(e *env, pos []string) error {
	var a *crm.Agreement
	verb := "changed"
	err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		a, verb, err = f.base(tx, id)
		if err != nil {
			return err
		}
		if err := f.apply(a, e.given); err != nil {
			return err
		}
		if e.given["goal"] {
			a.Goals = a.Goals[:0]
			if err := forGoals(tx, f.goals, func(g int64) { a.Goals = append(a.Goals, crm.AgreementGoal{ID: g}) }); err != nil {
				return err
			}
		}
		if f.renew {
			return tx.RenewAgreement(a)
		}
		return tx.SetAgreement(a)
	})
	if err != nil {
		return err
	}
	return e.printf("%s agreement #%d with %s (%s since %s)\n", verb, a.ID, a.Contact, a.Role, a.Start)
}

// base is the agreement the flags apply to: the active one, or a new one
// when there is none or --renew asks for one (which keeps the old terms
// the flags do not change).
func (f *agreementSet) base(tx *store.Tx, contactID int64) (*crm.Agreement, string, error) {
	a, err := tx.ActiveAgreement(contactID)
	switch {
	case crm.ErrorCode(err) == crm.ENotFound:
		if f.renew {
			return nil, "", err
		}
		return &crm.Agreement{ContactID: contactID}, "started", nil
	case err != nil:
		return nil, "", err
	case f.renew:
		a.ID, a.Start, a.Fit = 0, crm.Date{}, ""
		return a, "renewed", nil
	}
	return a, "changed", nil
}

// forGoals resolves goal titles given with --goal.
func forGoals(tx *store.Tx, titles []string, add func(id int64)) error {
	for _, t := range titles {
		id, err := tx.FindGoal(t)
		if err != nil {
			return fmt.Errorf("--goal: %w", err)
		}
		add(id)
	}
	return nil
}

// agreementShow is what 'agreement show --json' prints.
type agreementShow struct {
	Name       string                  `json:"name"`
	Agreements []crm.AgreementProgress `json:"agreements"`
}

func runAgreementShow(e *env, pos []string) error {
	v, err := viewOf(e, func(tx *store.Tx) (agreementShow, error) {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return agreementShow{}, err
		}
		list, err := tx.AgreementsProgress(id)
		if err != nil {
			return agreementShow{}, err
		}
		for i := range list {
			if list[i].Health, err = tx.HealthChecks(list[i].ID); err != nil {
				return agreementShow{}, err
			}
		}
		c, err := tx.Contact(id)
		if err != nil {
			return agreementShow{}, err
		}
		return agreementShow{Name: c.Name, Agreements: list}, nil
	})
	if err != nil {
		return err
	}
	return e.output(v, text(func(w io.Writer) {
		if len(v.Agreements) == 0 {
			fmt.Fprintf(w, "%s has no agreement (start one with 'kith agreement set')\n", v.Name)
		}
		for i := range v.Agreements {
			printAgreement(w, &v.Agreements[i])
		}
	}))
}

// printAgreement writes one agreement and where it stands.
func printAgreement(w io.Writer, p *crm.AgreementProgress) {
	fmt.Fprintf(w, "agreement #%d with %s: %s, %s\n", p.ID, p.Contact, p.Role, p.Status)
	fmt.Fprintf(w, "  term:      %s\n", term(&p.Agreement))
	fmt.Fprintf(w, "  sessions:  %s\n", sessionsText(p))
	if p.Fee > 0 || p.FeePaid > 0 || p.FeeReceived > 0 {
		fmt.Fprintf(w, "  fee:       %s agreed, %s paid, %s received\n", money(p.AgreedFee()), money(p.FeePaid), money(p.FeeReceived))
	}
	for _, line := range []struct{ label, v string }{
		{"goals", goalTitles(p.Goals)}, {"format", p.Format}, {"private", p.Confidential}, {"revisit", p.Revisit.String()},
		{"fit", string(p.Fit)}, {"health", healthText(p)}, {"flags", flagText(p.Flags)},
		{"closed", p.ClosedOn.String()}, {"reason", p.Reason}, {"learned", p.Learned}, {"new role", string(p.NewRole)},
	} {
		if line.v != "" {
			fmt.Fprintf(w, "  %-10s %s\n", line.label+":", line.v)
		}
	}
}

// term writes "2026-01-01 to 2026-06-30 (40 days left)" or "open-ended".
func term(a *crm.Agreement) string {
	if a.End.IsZero() {
		return fmt.Sprintf("from %s, open-ended", a.Start)
	}
	return fmt.Sprintf("%s to %s", a.Start, a.End)
}

func sessionsText(p *crm.AgreementProgress) string {
	s := strconv.Itoa(p.SessionsHeld)
	if p.Sessions > 0 {
		s += fmt.Sprintf(" of %d", p.Sessions)
	}
	s += fmt.Sprintf(" held, %.1f hours", p.HoursHeld)
	if p.Hours > 0 {
		s += fmt.Sprintf(" of %g", p.Hours)
	}
	if !p.End.IsZero() && p.Active() {
		s += fmt.Sprintf(", %d days left", p.DaysLeft)
	}
	return s
}

func money(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func goalTitles(gs []crm.AgreementGoal) string {
	t := make([]string, len(gs))
	for i, g := range gs {
		t[i] = g.Title
	}
	return strings.Join(t, "; ")
}

func healthText(p *crm.AgreementProgress) string {
	if len(p.Health) == 0 && p.HealthDue.IsZero() {
		return ""
	}
	scores := make([]string, len(p.Health))
	for i := range p.Health {
		scores[i] = strconv.FormatFloat(p.Health[i].Score(), 'f', 1, 64)
	}
	s := strings.Join(scores, " → ")
	if p.Trend != crm.TrendUnknown {
		s += " (" + string(p.Trend) + ")"
	}
	if !p.HealthDue.IsZero() {
		s = strings.TrimSpace(s + " next check " + p.HealthDue.String())
	}
	return s
}

func flagText(fs []crm.AgreementFlag) string {
	t := make([]string, len(fs))
	for i, f := range fs {
		t[i] = strings.ReplaceAll(string(f), "_", " ")
	}
	return strings.Join(t, ", ")
}

// agreementList is 'kith agreement list'.
type agreementList struct{ flagged bool }

func (f *agreementList) flags() vars { return vars{"flagged": &f.flagged} }

func (f *agreementList) run(e *env, _ []string) error {
	w, err := viewOf(e, func(tx *store.Tx) (store.AgreementWatch, error) {
		if f.flagged {
			return tx.Watch(0)
		}
		all, err := tx.ActiveProgress()
		if err != nil {
			return store.AgreementWatch{}, err
		}
		late, err := tx.LatePromises(crm.Received, 0)
		return store.AgreementWatch{Agreements: all, TheirLate: late}, err
	})
	if err != nil {
		return err
	}
	return e.output(w, table(func(out io.Writer) {
		fmt.Fprintln(out, "ID\tWITH\tROLE\tSESSIONS\tEND\tFLAGS")
		for i := range w.Agreements {
			p := &w.Agreements[i]
			fmt.Fprintf(out, "#%d\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.Contact, p.Role, sessionsShort(p), dash(p.End.String()), flagText(p.Flags))
		}
		for _, x := range w.TheirLate {
			fmt.Fprintf(out, "late\t%s\tpromise #%d\tdue %s\t\t%s: %s\n", x.Contact, x.ID, x.Due, x.Kind, x.Description)
		}
	}))
}

func sessionsShort(p *crm.AgreementProgress) string {
	if p.Sessions > 0 {
		return fmt.Sprintf("%d/%d", p.SessionsHeld, p.Sessions)
	}
	return strconv.Itoa(p.SessionsHeld)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// agreementClose is 'kith agreement close'.
type agreementClose struct {
	outcome, reason, learned, newRole string
	on                                dateFlag
}

func (f *agreementClose) flags() vars {
	return vars{"outcome": &f.outcome, "reason": &f.reason, "learned": &f.learned, "new-role": &f.newRole, "date": &f.on}
}

func (f *agreementClose) run(e *env, pos []string) error {
	status, err := crm.ParseOutcome(f.outcome)
	if err != nil {
		return crm.Invalid("--outcome", err)
	}
	o := crm.Outcome{Status: status, Closing: crm.Closing{ClosedOn: f.on.d, Reason: f.reason, Learned: f.learned}}
	if f.newRole != "" {
		if o.NewRole, err = crm.ParseRole(f.newRole); err != nil {
			return crm.Invalid("--new-role", err)
		}
	}
	if err := o.Validate(); err != nil {
		return err
	}
	var name string
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		a, err := tx.ActiveAgreement(id)
		if err != nil {
			return err
		}
		name = a.Contact
		return tx.CloseAgreement(a.ID, o)
	}); err != nil {
		return err
	}
	return e.printf("closed the agreement with %s: %s\n", name, status)
}
