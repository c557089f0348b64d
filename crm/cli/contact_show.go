package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// contactList is 'kith contact list'.
type contactList struct {
	role, search, sort string
	archived           bool
}

func (f *contactList) flags() vars {
	return vars{"role": &f.role, "search": &f.search, "archived": &f.archived, "sort": &f.sort}
}

func (f *contactList) run(e *env, _ []string) error {
	filter, err := contactFilter(f.role, f.search, f.archived, f.sort)
	if err != nil {
		return err
	}
	list, err := viewOf(e, func(tx *store.Tx) ([]crm.ContactSummary, error) { return tx.ListContacts(filter) })
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tNAME\tROLES\tCOMPANY\tLAST CONTACT\tNEXT DUE")
		for _, c := range list {
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Name, crm.JoinRoles(c.Roles, ","), c.Company, orDash(c.LastContact), orDash(c.NextDue))
		}
	}))
}

// contactFilter checks the flags of 'contact list' before the database is opened.
func contactFilter(role, search string, archived bool, sortBy string) (crm.ContactFilter, error) {
	filter := crm.ContactFilter{Search: search, Archived: archived, Sort: crm.SortOrder(sortBy)}
	switch filter.Sort {
	case crm.SortByName, crm.SortByNextDue, crm.SortByLastContact:
	default:
		return filter, crm.Invalid("--sort", fmt.Errorf("unknown order %q (want name, next_due or last_contact)", sortBy))
	}
	if role != "" {
		r, err := crm.ParseRole(role)
		if err != nil {
			return filter, crm.Invalid("--role", err)
		}
		filter.Role = r
	}
	return filter, nil
}

func orDash(d crm.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

func runContactShow(e *env, pos []string) error {
	d, err := viewOf(e, func(tx *store.Tx) (*crm.ContactDetail, error) {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return nil, err
		}
		return tx.ContactDetail(id, 0)
	})
	if err != nil {
		return err
	}
	return e.output(d, text(func(w io.Writer) { printDetail(w, d) }))
}

// printDetail writes everything about a person for reading: every field of
// the contact (TestContactShowPrintsEveryField holds it to that) and what
// Kith derives from their history.
func printDetail(w io.Writer, d *crm.ContactDetail) {
	printIdentity(w, d.Contact)
	printOrigin(w, d)
	if len(d.Circles) > 0 {
		fmt.Fprintf(w, "  circles: %s\n", strings.Join(d.Circles, ", "))
	}
	for _, g := range d.Goals {
		fmt.Fprintf(w, "  helps with: %s\n", g.Title)
	}
	printSearch(w, d)
	printCheckIn(w, d)
	fmt.Fprintf(w, "  last 12 months: gave %d, received %d\n", d.Gave12m, d.Received12m)
	for _, x := range d.OpenCommitments {
		fmt.Fprintf(w, "  promised (#%d, %s): %s: %s\n", x.ID, x.Date, x.Kind, x.Description)
	}
	if d.Notes != "" {
		fmt.Fprintf(w, "  notes: %s\n", d.Notes)
	}
	fmt.Fprintf(w, "  added: %s (record created %s, changed %s)\n", d.AddedOn, stamp(d.CreatedAt), stamp(d.UpdatedAt))
	printTimeline(w, d)
}

// printIdentity writes who the person is and how to reach them.
func printIdentity(w io.Writer, c *crm.Contact) {
	fmt.Fprintf(w, "%s (#%d)%s\n", c.Name, c.ID, map[bool]string{true: "  [archived]"}[c.Archived])
	switch {
	case c.Title != "" && c.Company != "":
		fmt.Fprintf(w, "  %s at %s\n", c.Title, c.Company)
	case c.Title != "" || c.Company != "":
		fmt.Fprintf(w, "  %s\n", c.Title+c.Company)
	}
	if c.Location != "" {
		fmt.Fprintf(w, "  location: %s\n", c.Location)
	}
	if !c.Birthday.IsZero() {
		fmt.Fprintf(w, "  birthday: %s\n", c.Birthday)
	}
	for _, r := range c.Roles {
		until := "now"
		if !r.Until.IsZero() {
			until = r.Until.String()
		}
		fmt.Fprintf(w, "  role: %s, %s to %s\n", r.Kind, r.Since, until)
	}
	for _, ch := range c.Channels {
		label := ch.Label
		if label != "" {
			label = " (" + label + ")"
		}
		fmt.Fprintf(w, "  %s%s: %s\n", ch.Kind, label, ch.Value)
	}
}

// printOrigin says how and when they met: "met: event: ProductCon
// 2025-03-10", "met: referral, introduced by Priya Raman 2026-09-01".
func printOrigin(w io.Writer, d *crm.ContactDetail) {
	how := string(d.Source)
	if d.SourceDetail != "" {
		how += ": " + d.SourceDetail
	}
	if d.ReferredByName != "" {
		how += ", introduced by " + d.ReferredByName
	}
	// Without a source the separators lead: drop them.
	how = strings.TrimLeft(how, ":, ")
	if line := strings.TrimSpace(how + " " + d.MetOn.String()); line != "" {
		fmt.Fprintf(w, "  met: %s\n", line)
	}
}

// printCheckIn writes where their check-in stands and why.
func printCheckIn(w io.Writer, d *crm.ContactDetail) {
	fmt.Fprintf(w, "  check in %s; last contact %s; next due %s\n", crm.EveryDays(d.CadenceDays), orDash(d.LastContact), orDash(d.NextDue))
	if own := d.Contact.CadenceDays; own > 0 {
		fmt.Fprintf(w, "  own cadence: every %s, not the roles' default\n", crm.FormatDays(own))
	}
	if !d.SnoozedUntil.IsZero() {
		fmt.Fprintf(w, "  snoozed until %s\n", d.SnoozedUntil)
	}
}

// printTimeline writes their interactions, newest first, with what was
// given and received with them.
func printTimeline(w io.Writer, d *crm.ContactDetail) {
	for _, in := range d.Interactions {
		fmt.Fprintf(w, "  %s %s (%d min): %s\n", in.Date, in.Kind, in.Minutes, in.Summary)
		for _, x := range in.Exchanges {
			if x.ContactID == d.ID {
				fmt.Fprintf(w, "      %s %s: %s\n", x.Direction, x.Kind, x.Description)
			}
		}
	}
}

// stampLayout is how contact show writes when a record was created and
// changed: to the minute, in local time, as a person reads a clock.
const stampLayout = "2006-01-02 15:04"

func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format(stampLayout)
}
