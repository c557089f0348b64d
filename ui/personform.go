package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// personForm adds a person or edits one: every field of crm.Contact a person
// types. Roles are saved as history: a role unticked ends today, a role
// ticked starts today. What a contact must have is crm.Contact.Validate's
// to say; the form only reads its fields (dates, spans) and names the field
// at fault.
type personForm struct {
	*formDialog
	orig     *crm.Contact // nil when adding
	name     *field
	roles    *widget.CheckGroup
	company  *field
	title    *field
	email    *field
	phone    *field
	url      *field
	location *field
	birthday *dateField
	source   *widget.Select
	how      *field
	referrer *peoplePicker // who introduced them: one person at most
	event    *eventPicker  // a new person only: the event they were met at
	met      *dateField
	cadence  *field
	snoozed  *dateField
	notes    *field
}

// personFields names the form's field for each field crm.Contact.Validate
// and the store name in their errors.
var personFields = map[string]string{
	"name": "Name", "email": "Email", "phone": "Phone", "url": "LinkedIn / URL",
	"cadence": "Check in every", "referred-by": "Introduced by",
}

func newPersonForm(m *Main, c *crm.Contact) *personForm {
	f := &personForm{orig: c}
	f.makeFields(m)
	title := "New person"
	if c != nil {
		title = "Edit " + shorten(c.Name, titleRunes)
		f.fill(c)
	}
	form := widget.NewForm(
		widget.NewFormItem("Name", f.name),
		widget.NewFormItem("Roles", f.roles),
		widget.NewFormItem("Company", f.company),
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Email", f.email),
		widget.NewFormItem("Phone", f.phone),
		widget.NewFormItem("LinkedIn / URL", f.url),
		widget.NewFormItem("Location", f.location),
		widget.NewFormItem("Birthday", f.birthday),
		widget.NewFormItem("Met through", f.source),
		widget.NewFormItem("How", f.how),
		widget.NewFormItem("Introduced by", f.referrer.box),
		widget.NewFormItem("Met on", f.met),
		widget.NewFormItem("Check in every", f.cadence),
		widget.NewFormItem("Snoozed until", f.snoozed),
		widget.NewFormItem("Notes", f.notes),
	)
	if c == nil {
		f.event = newEventPicker(m)
		form.Items = slices.Insert(form.Items, 11, widget.NewFormItem("At an event", f.event.sel))
	}
	f.formDialog = newFormDialog(m, title, "Save", form, fyne.NewSize(620, 700))
	f.first = f.name
	f.saveWhen(f.problem, f.submit, f.name, f.email, f.cadence, f.birthday.field, f.met.field, f.snoozed.field)
	return f
}

// makeFields makes the form's fields, empty. The name and email turn red as
// they are typed on what Validate refuses; the cadence and dates on what
// does not read.
func (f *personForm) makeFields(m *Main) {
	f.name = m.entry("Full name")
	f.name.Validator = contactCheck(func(c *crm.Contact, s string) { c.Name = s })
	f.roles = widget.NewCheckGroup(stringsOf(crm.Roles), nil)
	f.roles.Horizontal = true
	f.company, f.title, f.location = m.entry("Company"), m.entry("Job title"), m.entry("City")
	f.email, f.phone, f.url = m.entry("name@example.com"), m.entry("+44 …"), m.entry("https://www.linkedin.com/in/…")
	f.email.Validator = contactCheck(func(c *crm.Contact, s string) {
		c.Channels = setChannel(nil, crm.ChannelEmail, "work", s)
	})
	f.birthday = m.dateEntry(crm.Date{}, true)
	f.source = widget.NewSelect(stringsOf(crm.Sources), nil)
	f.source.PlaceHolder = "How you met"
	f.how = m.entry("Where, through whom")
	f.referrer = newPeoplePicker(m, nil, func() {
		if f.formDialog != nil { // not while the form is being built
			f.revalidate()
		}
	})
	f.referrer.one = true
	f.referrer.find.PlaceHolder = "Type the name of who introduced you"
	f.met = m.dateEntry(crm.Date{}, true)
	f.cadence = m.entry("role default, or e.g. 3w, 2m")
	f.cadence.Validator = func(s string) error {
		_, err := optionalSpanDays(s)
		return err
	}
	f.snoozed = m.dateEntry(crm.Date{}, true)
	f.notes = m.multiEntry("Anything worth remembering")
}

// contactCheck validates one field's text as crm.Contact.Validate does, on
// a contact that is otherwise valid, so a field turns red on exactly what
// saving refuses. The error leaves out the field's name, which the form
// shows beside it.
func contactCheck(set func(c *crm.Contact, s string)) func(string) error {
	return func(s string) error {
		c := crm.Contact{Name: "valid"}
		set(&c, strings.TrimSpace(s))
		if err := c.Validate(); err != nil {
			_, why := splitField(err)
			// The form shows the error on one line under the field, which
			// already shows the text: quote only the start of a long one.
			s = strings.TrimSpace(s)
			return errors.New(strings.ReplaceAll(why, strconv.Quote(s), strconv.Quote(shorten(s, titleRunes))))
		}
		return nil
	}
}

func (f *personForm) fill(c *crm.Contact) {
	f.name.SetText(c.Name)
	f.roles.SetSelected(stringsOf(c.CurrentRoles()))
	f.company.SetText(c.Company)
	f.title.SetText(c.Title)
	f.email.SetText(c.PrimaryChannel(crm.ChannelEmail))
	f.phone.SetText(c.PrimaryChannel(crm.ChannelPhone))
	f.url.SetText(c.PrimaryChannel(crm.ChannelURL))
	f.location.SetText(c.Location)
	f.birthday.SetText(c.Birthday.String())
	if c.Source != "" {
		f.source.SetSelected(string(c.Source))
	}
	f.how.SetText(c.SourceDetail)
	f.met.SetText(c.MetOn.String())
	if c.CadenceDays > 0 {
		f.cadence.SetText(crm.FormatDays(c.CadenceDays))
	}
	f.snoozed.SetText(c.SnoozedUntil.String())
	f.notes.SetText(c.Notes)
	if c.ReferredBy != 0 {
		f.loadReferrer(c.ReferredBy)
	}
}

// loadReferrer shows who introduced the person; the contact holds only
// their id.
func (f *personForm) loadReferrer(id int64) {
	var who *crm.Contact
	f.referrer.m.load(func(tx *store.Tx) (err error) {
		who, err = tx.Contact(id)
		if crm.ErrorCode(err) == crm.ENotFound {
			return nil // they are gone: the field shows nobody
		}
		return err
	}, func() {
		f.settle(func() {
			if who != nil {
				f.referrer.add(who.ID, who.Name)
			}
		})
	})
}

// problem says why the form cannot be saved, naming the field.
func (f *personForm) problem() string {
	c, unreadable := f.contact()
	return formProblem(c.Validate(), personFields, unreadable)
}

// contact builds the record the form describes, on top of the original. A
// field that does not read is left empty, and named in the second result.
func (f *personForm) contact() (*crm.Contact, string) {
	c := &crm.Contact{}
	if f.orig != nil {
		cp := *f.orig
		c = &cp
	}
	c.Name = strings.TrimSpace(f.name.Text)
	c.Company, c.Title, c.Location = strings.TrimSpace(f.company.Text), strings.TrimSpace(f.title.Text), strings.TrimSpace(f.location.Text)
	c.Source, c.SourceDetail = crm.Source(f.source.Selected), strings.TrimSpace(f.how.Text)
	c.ReferredBy = 0
	if len(f.referrer.people) > 0 {
		c.ReferredBy = f.referrer.people[0].ContactID
	}
	c.Notes = f.notes.Text
	for _, ch := range []struct {
		kind  crm.ChannelKind
		label string
		value string
	}{{crm.ChannelEmail, "work", f.email.Text}, {crm.ChannelPhone, "mobile", f.phone.Text}, {crm.ChannelURL, "linkedin", f.url.Text}} {
		c.Channels = setChannel(c.Channels, ch.kind, ch.label, strings.TrimSpace(ch.value))
	}
	var unreadable string
	note := func(label string, err error) {
		if err != nil && unreadable == "" {
			unreadable = label + ": " + err.Error()
		}
	}
	var err error
	c.CadenceDays, err = optionalSpanDays(f.cadence.Text)
	note("Check in every", err)
	for _, d := range []struct {
		label string
		field *dateField
		day   *crm.Date
	}{{"Birthday", f.birthday, &c.Birthday}, {"Met on", f.met, &c.MetOn}, {"Snoozed until", f.snoozed, &c.SnoozedUntil}} {
		*d.day, err = d.field.date()
		note(d.label, err)
	}
	return c, unreadable
}

// setChannel applies what the form shows for one kind: the primary channel
// (or the first one) of that kind. A value left alone keeps its label, an
// edited one keeps its label too, an emptied one is removed, and only a
// channel the person did not have gets the default label. The other
// channels of the kind, such as a second email added headless, stay.
func setChannel(chs []crm.Channel, kind crm.ChannelKind, label, value string) []crm.Channel {
	out := slices.Clone(chs)
	shown := -1
	for i, ch := range out {
		if ch.Kind == kind && (shown < 0 || ch.Primary && !out[shown].Primary) {
			shown = i
		}
	}
	switch {
	case shown < 0 && value != "":
		out = append([]crm.Channel{{Kind: kind, Label: label, Value: value, Primary: true}}, out...)
	case shown >= 0 && value == "":
		out = slices.Delete(out, shown, shown+1)
	case shown >= 0:
		out[shown].Value = value
	}
	return out
}

// submit saves the person. A field that does not read would be saved
// empty, so nothing is saved then; the store validates the rest.
func (f *personForm) submit() {
	c, unreadable := f.contact()
	if unreadable != "" {
		return
	}
	var want []crm.RoleKind
	for _, r := range f.roles.Selected {
		want = append(want, crm.RoleKind(r))
	}
	if f.orig == nil {
		f.add(c, want)
		return
	}
	f.update(c, want)
}

// add stores a new person with the roles ticked, and opens their page. The
// bar that confirms it names anyone already in the book by that name, with
// their #id: two people may share a name, but the user should know.
func (f *personForm) add(c *crm.Contact, roles []crm.RoleKind) {
	m := f.m
	for _, r := range roles {
		c.Roles = append(c.Roles, crm.Role{Kind: r})
	}
	var namesakes []crm.Participant
	event := f.event.chosen()
	m.save(func(tx *store.Tx) error {
		if err := tx.AddContact(c); err != nil {
			return err
		}
		if event != 0 {
			if err := tx.MetAt(event, c.ID); err != nil {
				return err
			}
		}
		var err error
		namesakes, err = tx.Namesakes(c.ID)
		return err
	}, func() {
		f.close()
		msg := "Added " + c.Name + "."
		if note := crm.NamesakeNote(crm.Participant{ContactID: c.ID, Name: c.Name}, namesakes); note != "" {
			msg = note + "."
		}
		m.bar.show(msg, func() {
			m.save(func(tx *store.Tx) error { return tx.DeleteContact(c.ID) }, nil)
		})
		m.OpenPerson(c.ID)
	})
}

// update saves an edited person, starting the roles newly ticked and
// ending those unticked, in one transaction. Undo puts the person back as
// that transaction found them: their fields, channels and whole role
// history, so a role ticked by mistake leaves no trace.
func (f *personForm) update(c *crm.Contact, want []crm.RoleKind) {
	had := f.orig.CurrentRoles()
	var before *crm.Contact
	var standing *store.Standing
	f.m.save(func(tx *store.Tx) (err error) {
		if before, err = tx.Contact(c.ID); err != nil {
			return err
		}
		if standing, err = tx.Standing(c.ID); err != nil {
			return err
		}
		if err := tx.UpdateContact(c); err != nil {
			return err
		}
		return changeRoles(tx, c.ID, had, want)
	}, func() {
		f.close()
		f.m.bar.show("Saved "+c.Name+".", func() {
			f.m.save(func(tx *store.Tx) error {
				if err := tx.UpdateContact(before); err != nil {
					return err
				}
				return tx.RestoreStanding(standing)
			}, nil)
		})
	})
}

// changeRoles starts the roles in want but not had, today, and ends those
// in had but not want.
func changeRoles(tx *store.Tx, id int64, had, want []crm.RoleKind) error {
	for _, r := range want {
		if !slices.Contains(had, r) {
			if err := tx.AddRole(id, r, crm.Date{}); err != nil {
				return err
			}
		}
	}
	for _, r := range had {
		if !slices.Contains(want, r) {
			if err := tx.EndRole(id, r, crm.Date{}); err != nil {
				return err
			}
		}
	}
	return nil
}
