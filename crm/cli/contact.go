package cli

import (
	"fmt"
	"io"
	"strings"

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
  --event TITLE       the event you met them at (kith event add first); it becomes their source
  --met YYYY-MM-DD    the day you met
  --cadence DUR       check in every DUR (e.g. 3w), overriding the role's default
  --note TEXT         private notes (never exported unless you ask)`
	register(&command{name: "contact add", args: "NAME [flags]", summary: "Add a person.", help: fields,
		json: true, nargs: 1, what: "NAME (kith contact add NAME)", handler: func() handler { return &contactAdd{} }})
	register(&command{name: "contact edit", args: "NAME [flags]", summary: "Change a person's details or roles.", help: fields + `
  --name NEW          rename
  --add-role R        start a role today (repeatable)
  --end-role R        end a current role today, keeping it in the history (repeatable)
  --email, --phone and --url replace that kind's list; --cadence 0d is refused, use --cadence-default
  --cadence-default   drop the cadence override and follow the roles again
  --unsnooze          clear a snooze`, nargs: 1, what: "NAME (kith contact edit NAME)", handler: func() handler { return &contactEdit{} }})
	register(&command{name: "contact list", args: "[--role R] [--search TEXT] [--archived] [--sort name|next_due|last_contact] [--json]",
		summary: "List people, with their next check-in.", json: true, handler: func() handler { return &contactList{sort: "name"} }})
	register(&command{name: "contact show", args: "NAME [--json]", summary: "Show everything about a person.",
		json: true, nargs: 1, what: "NAME", handler: do(runContactShow)})
	register(&command{name: "contact archive", args: "NAME", summary: "Archive a person: kept, but out of lists and check-ins.",
		nargs: 1, what: "NAME", handler: do(func(e *env, pos []string) error { return archive(e, pos[0], true) })})
	register(&command{name: "contact unarchive", args: "NAME", summary: "Bring an archived person back.",
		nargs: 1, what: "NAME", handler: do(func(e *env, pos []string) error { return archive(e, pos[0], false) })})
}

// contactFlags are the fields add and edit share.
type contactFlags struct {
	roles, emails, phones, urls                        listFlag
	company, title, location, source, detail, referred string
	note                                               string
	met, birthday                                      dateFlag
	cadence                                            spanFlag
	// event is --event; eventID the event it names, linked once the
	// contact is saved (see metAt).
	event   string
	eventID int64
}

func (f *contactFlags) flags() vars {
	return vars{"role": &f.roles, "email": &f.emails, "phone": &f.phones, "url": &f.urls,
		"company": &f.company, "title": &f.title, "location": &f.location, "source": &f.source, "source-detail": &f.detail,
		"referred-by": &f.referred, "note": &f.note, "met": &f.met, "birthday": &f.birthday, "cadence": &f.cadence,
		"event": &f.event}
}

// apply copies the flags the user gave onto c. It checks only what needs
// the command line or the database to check (a source name, who referred);
// the contact as a whole is checked by crm.Contact.Validate when the store
// saves it, the same check the window's form gets.
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
	if err := f.applyOrigin(tx, c, given); err != nil {
		return err
	}
	if given["birthday"] {
		c.Birthday = f.birthday.d
	}
	if given["cadence"] {
		c.CadenceDays = f.cadence.s.Days()
	}
	f.applyChannels(c, given)
	return nil
}

// applyOrigin sets how and when the user met c.
func (f *contactFlags) applyOrigin(tx *store.Tx, c *crm.Contact, given map[string]bool) error {
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
	if given["event"] {
		return f.applyEvent(tx, c, given)
	}
	return nil
}

// applyEvent makes the --event the contact's source, unless --source and
// --source-detail say otherwise; metAt links the two once c is saved.
func (f *contactFlags) applyEvent(tx *store.Tx, c *crm.Contact, given map[string]bool) error {
	id, err := tx.FindEvent(f.event)
	if err != nil {
		return fmt.Errorf("--event: %w", err)
	}
	ev, err := tx.Event(id)
	if err != nil {
		return err
	}
	f.eventID = id
	if !given["source"] {
		c.Source = crm.SourceEvent
	}
	if !given["source-detail"] {
		c.SourceDetail = ev.Title
	}
	return nil
}

// metAt links a saved contact to the --event given, if any.
func (f *contactFlags) metAt(tx *store.Tx, contactID int64) error {
	if f.eventID == 0 {
		return nil
	}
	return tx.MetAt(f.eventID, contactID)
}

// applyChannels replaces the list of each channel kind given: the first
// value given is the primary one. Kinds go in a fixed order (a map's would
// vary), so 'contact add --json' lists the channels the same way every time.
func (f *contactFlags) applyChannels(c *crm.Contact, given map[string]bool) {
	for _, kl := range []struct {
		kind crm.ChannelKind
		list listFlag
	}{{crm.ChannelEmail, f.emails}, {crm.ChannelPhone, f.phones}, {crm.ChannelURL, f.urls}} {
		kind, list := kl.kind, kl.list
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

// contactAdd is 'kith contact add'.
type contactAdd struct{ contactFlags }

func (f *contactAdd) run(e *env, pos []string) error {
	roles, err := parseRoles(f.roles, "--role")
	if err != nil {
		return err
	}
	c := &crm.Contact{Name: pos[0]}
	for _, r := range roles {
		c.Roles = append(c.Roles, crm.Role{Kind: r})
	}
	var namesakes []crm.Participant
	if err := e.update(func(tx *store.Tx) error {
		if err := f.apply(tx, c, e.given); err != nil {
			return err
		}
		if err := tx.AddContact(c); err != nil { // validates c
			return err
		}
		if err := f.metAt(tx, c.ID); err != nil {
			return err
		}
		var err error
		namesakes, err = tx.Namesakes(c.ID)
		return err
	}); err != nil {
		return err
	}
	// On stderr, so what scripts read on stdout stays the same.
	if note := crm.NamesakeNote(crm.Participant{ContactID: c.ID, Name: c.Name}, namesakes); note != "" {
		fmt.Fprintln(e.errOut, "note:", note)
	}
	return e.output(c, text(func(w io.Writer) { fmt.Fprintf(w, "added %s (#%d)\n", c.Name, c.ID) }))
}

// contactEdit is what 'contact edit' can change beyond the fields add sets.
type contactEdit struct {
	contactFlags
	addRoles, endRoles       listFlag
	name                     string
	cadenceDefault, unsnooze bool
}

func (f *contactEdit) flags() vars {
	v := f.contactFlags.flags()
	v["add-role"], v["end-role"], v["name"] = &f.addRoles, &f.endRoles, &f.name
	v["cadence-default"], v["unsnooze"] = &f.cadenceDefault, &f.unsnooze
	return v
}

// roleChanges checks the roles to start (--role and --add-role alike) and
// to end, before the database is touched.
func (f *contactEdit) roleChanges() (adds, ends []crm.RoleKind, err error) {
	if adds, err = parseRoles(f.roles, "--role"); err != nil {
		return nil, nil, err
	}
	more, err := parseRoles(f.addRoles, "--add-role")
	if err != nil {
		return nil, nil, err
	}
	if ends, err = parseRoles(f.endRoles, "--end-role"); err != nil {
		return nil, nil, err
	}
	return append(adds, more...), ends, nil
}

// apply copies the edit onto c.
func (f *contactEdit) apply(tx *store.Tx, c *crm.Contact, given map[string]bool) error {
	if err := f.contactFlags.apply(tx, c, given); err != nil {
		return err
	}
	if given["name"] {
		c.Name = f.name
	}
	if f.cadenceDefault {
		c.CadenceDays = 0
	}
	if f.unsnooze {
		c.SnoozedUntil = crm.Date{}
	}
	return nil
}

func (f *contactEdit) run(e *env, pos []string) error {
	adds, ends, err := f.roleChanges()
	if err != nil {
		return err
	}
	var c *crm.Contact
	if err := e.update(func(tx *store.Tx) error {
		var err error
		if c, err = contactNamed(tx, pos[0]); err != nil {
			return err
		}
		if err := f.apply(tx, c, e.given); err != nil {
			return err
		}
		if err := tx.UpdateContact(c); err != nil { // validates c
			return err
		}
		if err := f.metAt(tx, c.ID); err != nil {
			return err
		}
		return changeRoles(tx, c.ID, adds, ends)
	}); err != nil {
		return err
	}
	return e.printf("updated %s (#%d)\n", c.Name, c.ID)
}

// changeRoles ends roles, then starts roles, today.
func changeRoles(tx *store.Tx, id int64, adds, ends []crm.RoleKind) error {
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
}

// archive archives the contact ref names, or brings them back.
func archive(e *env, ref string, archived bool) error {
	var c *crm.Contact
	if err := e.update(func(tx *store.Tx) error {
		var err error
		if c, err = contactNamed(tx, ref); err != nil {
			return err
		}
		return tx.SetArchived(c.ID, archived)
	}); err != nil {
		return err
	}
	verb := "restored"
	if archived {
		verb = "archived"
	}
	return e.printf("%s %s (#%d)\n", verb, c.Name, c.ID)
}

// contactNamed finds the contact a NAME or #ID argument names, and loads it.
func contactNamed(tx *store.Tx, ref string) (*crm.Contact, error) {
	id, err := tx.FindContact(ref)
	if err != nil {
		return nil, err
	}
	return tx.Contact(id)
}

// forContacts calls do with the id of each contact a repeatable flag names,
// in order; flagName starts the message when one matches nobody, or
// several people.
func forContacts(tx *store.Tx, flagName string, refs []string, do func(id int64) error) error {
	for _, ref := range refs {
		id, err := tx.FindContact(ref)
		if err != nil {
			return fmt.Errorf("%s: %w", flagName, err)
		}
		if err := do(id); err != nil {
			return err
		}
	}
	return nil
}
