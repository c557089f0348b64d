package cli

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	fields := `
Flags:
  --role R            coach, mentor, circle, coachee or mentee (repeatable)
  --email E           an email address, optionally LABEL:address (repeatable; the first is primary)
  --phone P           a phone number, optionally LABEL:number (repeatable)
  --url U             a URL such as a LinkedIn profile (repeatable)
  --company C, --title T, --location L
  --birthday YYYY-MM-DD
  --source S          how you met: job, event, online, referral or other
  --source-detail T   the event, forum or team
  --referred-by NAME  who introduced you (for a referral)
  --met YYYY-MM-DD    the day you met
  --cadence DUR       check in every DUR (e.g. 3w), overriding the role's default
  --note TEXT         private notes (never exported unless you ask)`
	register(&command{name: "contact add", args: "NAME [flags]", summary: "Add a person.", help: fields, run: runContactAdd})
	register(&command{name: "contact edit", args: "NAME [flags]", summary: "Change a person's details or roles.", help: fields + `
  --name NEW          rename
  --add-role R        start a role today (repeatable)
  --end-role R        end a current role today, keeping it in the history (repeatable)
  --email, --phone and --url replace that kind's list; --cadence 0d is refused, use --cadence-default
  --cadence-default   drop the cadence override and follow the roles again
  --unsnooze          clear a snooze`, run: runContactEdit})
	register(&command{name: "contact list", args: "[--role R] [--search TEXT] [--archived] [--sort name|next_due|last_contact] [--json]",
		summary: "List people, with their next check-in.", run: runContactList})
	register(&command{name: "contact show", args: "NAME [--json]", summary: "Show everything about a person.", run: runContactShow})
	register(&command{name: "contact archive", args: "NAME", summary: "Archive a person: kept, but out of lists and check-ins.",
		run: func(e *env, args []string) error { return runArchive(e, args, true) }})
	register(&command{name: "contact unarchive", args: "NAME", summary: "Bring an archived person back.",
		run: func(e *env, args []string) error { return runArchive(e, args, false) }})
}

// contactFlags are the fields add and edit share.
type contactFlags struct {
	roles, emails, phones, urls                        listFlag
	company, title, location, source, detail, referred string
	note                                               string
	met, birthday                                      dateFlag
	cadence                                            spanFlag
}

func (f *contactFlags) define(fs *flag.FlagSet) {
	fs.Var(&f.roles, "role", "role")
	fs.Var(&f.emails, "email", "email")
	fs.Var(&f.phones, "phone", "phone")
	fs.Var(&f.urls, "url", "url")
	fs.StringVar(&f.company, "company", "", "company")
	fs.StringVar(&f.title, "title", "", "title")
	fs.StringVar(&f.location, "location", "", "location")
	fs.StringVar(&f.source, "source", "", "source")
	fs.StringVar(&f.detail, "source-detail", "", "source detail")
	fs.StringVar(&f.referred, "referred-by", "", "referred by")
	fs.StringVar(&f.note, "note", "", "note")
	fs.Var(&f.met, "met", "met")
	fs.Var(&f.birthday, "birthday", "birthday")
	fs.Var(&f.cadence, "cadence", "cadence")
}

// apply copies the flags the user gave onto c.
func (f *contactFlags) apply(tx *store.Tx, c *crm.Contact, given map[string]bool) error {
	set := func(name string, dst *string, v string) {
		if given[name] {
			*dst = strings.TrimSpace(v)
		}
	}
	set("company", &c.Company, f.company)
	set("title", &c.Title, f.title)
	set("location", &c.Location, f.location)
	set("source-detail", &c.SourceDetail, f.detail)
	set("note", &c.Notes, f.note)
	if given["source"] {
		src, err := crm.ParseSource(f.source)
		if err != nil {
			return crm.Invalid("--source", err)
		}
		c.Source = src
	}
	if given["referred-by"] {
		id, err := tx.FindContact(f.referred)
		if err != nil {
			return fmt.Errorf("--referred-by: %w", err)
		}
		c.ReferredBy = id
		if c.Source == crm.SourceNone {
			c.Source = crm.SourceReferral
		}
	}
	if given["met"] {
		c.MetOn = f.met.d
	}
	if given["birthday"] {
		c.Birthday = f.birthday.d
	}
	if given["cadence"] {
		c.CadenceDays = f.cadence.s.Days()
	}
	for kind, list := range map[crm.ChannelKind]listFlag{crm.ChannelEmail: f.emails, crm.ChannelPhone: f.phones, crm.ChannelURL: f.urls} {
		if !given[string(kind)] {
			continue
		}
		kept := c.Channels[:0:0]
		for _, ch := range c.Channels {
			if ch.Kind != kind {
				kept = append(kept, ch)
			}
		}
		for i, v := range list {
			kept = append(kept, parseChannel(kind, v, i == 0))
		}
		c.Channels = kept
	}
	return nil
}

// parseChannel reads "LABEL:value" or a bare value. URLs keep their colon:
// a label is only split off when what precedes the colon is a plain word
// and what follows is not "//".
func parseChannel(kind crm.ChannelKind, v string, primary bool) crm.Channel {
	ch := crm.Channel{Kind: kind, Value: strings.TrimSpace(v), Primary: primary}
	if label, rest, ok := strings.Cut(v, ":"); ok && !strings.HasPrefix(rest, "//") && isWord(label) &&
		!(kind == crm.ChannelURL && (label == "http" || label == "https")) {
		ch.Label, ch.Value = strings.ToLower(label), strings.TrimSpace(rest)
	}
	if kind == crm.ChannelURL && ch.Label == "" && strings.Contains(strings.ToLower(ch.Value), "linkedin.com/") {
		ch.Label = "linkedin"
	}
	return ch
}

func isWord(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func runContactAdd(e *env, args []string) error {
	fs := e.newFlags()
	var f contactFlags
	f.define(fs)
	asJSON := fs.Bool("json", false, "print the new contact as JSON")
	pos, err := parseExact(fs, args, 1, "NAME (kith contact add NAME)")
	if err != nil {
		return err
	}
	roles, err := parseRoles(f.roles, "--role")
	if err != nil {
		return err
	}
	c := &crm.Contact{Name: pos[0]}
	for _, r := range roles {
		c.Roles = append(c.Roles, crm.Role{Kind: r})
	}
	err = e.update(func(tx *store.Tx) error {
		if err := f.apply(tx, c, setFlags(fs)); err != nil {
			return err
		}
		return tx.AddContact(c)
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(c)
	}
	fmt.Fprintf(e.out, "added %s (#%d)\n", c.Name, c.ID)
	return nil
}

func runContactEdit(e *env, args []string) error {
	fs := e.newFlags()
	var f contactFlags
	f.define(fs)
	var addRoles, endRoles listFlag
	fs.Var(&addRoles, "add-role", "add role")
	fs.Var(&endRoles, "end-role", "end role")
	name := fs.String("name", "", "new name")
	cadenceDefault := fs.Bool("cadence-default", false, "follow the roles' cadence")
	unsnooze := fs.Bool("unsnooze", false, "clear the snooze")
	pos, err := parseExact(fs, args, 1, "NAME (kith contact edit NAME)")
	if err != nil {
		return err
	}
	adds, err := parseRoles(f.roles, "--role")
	if err != nil {
		return err
	}
	more, err := parseRoles(addRoles, "--add-role")
	if err != nil {
		return err
	}
	adds = append(adds, more...)
	ends, err := parseRoles(endRoles, "--end-role")
	if err != nil {
		return err
	}
	given := setFlags(fs)
	var c *crm.Contact
	err = e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		if c, err = tx.Contact(id); err != nil {
			return err
		}
		if err := f.apply(tx, c, given); err != nil {
			return err
		}
		if given["name"] {
			c.Name = *name
		}
		if *cadenceDefault {
			c.CadenceDays = 0
		}
		if *unsnooze {
			c.SnoozedUntil = crm.Date{}
		}
		if err := tx.UpdateContact(c); err != nil {
			return err
		}
		for _, r := range ends {
			if err := tx.EndRole(id, r, crm.Date{}); err != nil {
				return fmt.Errorf("--end-role: %w", err)
			}
		}
		for _, r := range adds {
			if err := tx.AddRole(id, r, crm.Date{}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "updated %s (#%d)\n", c.Name, c.ID)
	return nil
}

func runContactList(e *env, args []string) error {
	fs := e.newFlags()
	role := fs.String("role", "", "only this role")
	search := fs.String("search", "", "text to look for")
	archived := fs.Bool("archived", false, "list archived people")
	sortBy := fs.String("sort", "name", "name, next_due or last_contact")
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	filter := crm.ContactFilter{Search: *search, Archived: *archived, Sort: crm.SortOrder(*sortBy)}
	switch filter.Sort {
	case crm.SortByName, crm.SortByNextDue, crm.SortByLastContact:
	default:
		return crm.Invalid("--sort", fmt.Errorf("unknown order %q (want name, next_due or last_contact)", *sortBy))
	}
	if *role != "" {
		r, err := crm.ParseRole(*role)
		if err != nil {
			return crm.Invalid("--role", err)
		}
		filter.Role = r
	}
	var list []crm.ContactSummary
	if err := e.view(func(tx *store.Tx) error {
		list, err = tx.ListContacts(filter)
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(list)
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tROLES\tCOMPANY\tLAST CONTACT\tNEXT DUE")
	for _, c := range list {
		fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Name, joinRoles(c.Roles), c.Company, orDash(c.LastContact), orDash(c.NextDue))
	}
	return w.Flush()
}

func runArchive(e *env, args []string, archive bool) error {
	fs := e.newFlags()
	pos, err := parseExact(fs, args, 1, "NAME")
	if err != nil {
		return err
	}
	var name string
	err = e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		name = fmt.Sprintf("%s (#%d)", c.Name, c.ID)
		return tx.SetArchived(id, archive)
	})
	if err != nil {
		return err
	}
	if archive {
		fmt.Fprintf(e.out, "archived %s\n", name)
	} else {
		fmt.Fprintf(e.out, "restored %s\n", name)
	}
	return nil
}

func joinRoles(rs []crm.RoleKind) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

func orDash(d crm.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

func runContactShow(e *env, args []string) error {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseExact(fs, args, 1, "NAME")
	if err != nil {
		return err
	}
	var d *crm.ContactDetail
	if err := e.view(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		d, err = tx.ContactDetail(id, 0)
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(d)
	}
	printDetail(e, d)
	return nil
}

func printDetail(e *env, d *crm.ContactDetail) {
	w := e.out
	fmt.Fprintf(w, "%s (#%d)%s\n", d.Name, d.ID, map[bool]string{true: "  [archived]"}[d.Archived])
	switch {
	case d.Title != "" && d.Company != "":
		fmt.Fprintf(w, "  %s at %s\n", d.Title, d.Company)
	case d.Title != "" || d.Company != "":
		fmt.Fprintf(w, "  %s\n", d.Title+d.Company)
	}
	for _, r := range d.Roles {
		until := "now"
		if !r.Until.IsZero() {
			until = r.Until.String()
		}
		fmt.Fprintf(w, "  role: %s, %s to %s\n", r.Kind, r.Since, until)
	}
	for _, ch := range d.Channels {
		label := ch.Label
		if label != "" {
			label = " (" + label + ")"
		}
		fmt.Fprintf(w, "  %s%s: %s\n", ch.Kind, label, ch.Value)
	}
	if d.Source != "" {
		how := string(d.Source)
		if d.SourceDetail != "" {
			how += ": " + d.SourceDetail
		}
		if d.ReferredByName != "" {
			how += ", introduced by " + d.ReferredByName
		}
		fmt.Fprintf(w, "  met: %s %s\n", how, d.MetOn)
	}
	if len(d.Circles) > 0 {
		fmt.Fprintf(w, "  circles: %s\n", strings.Join(d.Circles, ", "))
	}
	for _, g := range d.Goals {
		fmt.Fprintf(w, "  helps with: %s\n", g.Title)
	}
	fmt.Fprintf(w, "  check in every %s; last contact %s; next due %s\n", crm.FormatDays(d.CadenceDays), orDash(d.LastContact), orDash(d.NextDue))
	fmt.Fprintf(w, "  last 12 months: gave %d, received %d\n", d.Gave12m, d.Received12m)
	for _, x := range d.OpenCommitments {
		fmt.Fprintf(w, "  promised (#%d, %s): %s: %s\n", x.ID, x.Date, x.Kind, x.Description)
	}
	if d.Notes != "" {
		fmt.Fprintf(w, "  notes: %s\n", d.Notes)
	}
	for _, in := range d.Interactions {
		fmt.Fprintf(w, "  %s %s (%d min): %s\n", in.Date, in.Kind, in.Minutes, in.Summary)
		for _, x := range in.Exchanges {
			if x.ContactID == d.ID {
				fmt.Fprintf(w, "      %s %s: %s\n", x.Direction, x.Kind, x.Description)
			}
		}
	}
}
