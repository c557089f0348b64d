package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// personForm adds a person or edits one. Roles are saved as history: a role
// unticked ends today, a role ticked starts today.
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
	source   *widget.Select
	how      *field
	met      *dateField
	cadence  *field
	notes    *field
}

func newPersonForm(m *Main, c *crm.Contact) *personForm {
	f := &personForm{orig: c}
	f.name = m.entry("Full name")
	f.name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("a name is needed")
		}
		return nil
	}
	var roleNames []string
	for _, r := range crm.Roles {
		roleNames = append(roleNames, string(r))
	}
	f.roles = widget.NewCheckGroup(roleNames, nil)
	f.roles.Horizontal = true
	f.company, f.title, f.location = m.entry("Company"), m.entry("Job title"), m.entry("City")
	f.email, f.phone, f.url = m.entry("name@example.com"), m.entry("+44 …"), m.entry("https://www.linkedin.com/in/…")
	f.email.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s != "" && !strings.Contains(s, "@") {
			return fmt.Errorf("not an email address")
		}
		return nil
	}
	var sources []string
	for _, s := range crm.Sources {
		sources = append(sources, string(s))
	}
	f.source = widget.NewSelect(sources, nil)
	f.source.PlaceHolder = "How you met"
	f.how = m.entry("Where, through whom")
	f.met = m.dateEntry(crm.Date{}, true)
	f.cadence = m.entry("role default, or e.g. 3w, 2m")
	f.cadence.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s != "" {
			if _, err := crm.ParseSpan(s); err != nil {
				return fmt.Errorf("want Nd, Nw, Nm or Ny")
			}
		}
		return nil
	}
	f.notes = m.multiEntry("Anything worth remembering")
	title := "New person"
	if c != nil {
		title = "Edit " + c.Name
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
		widget.NewFormItem("Met through", f.source),
		widget.NewFormItem("How", f.how),
		widget.NewFormItem("Met on", f.met),
		widget.NewFormItem("Check in every", f.cadence),
		widget.NewFormItem("Notes", f.notes),
	)
	f.formDialog = newFormDialog(m, title, "Save", form, fyne.NewSize(620, 640))
	f.check = f.problem
	for _, e := range []*field{f.name, f.email, f.cadence, f.met.field} {
		e.OnChanged = func(string) { f.revalidate() }
	}
	f.onSave = f.submit
	return f
}

func (f *personForm) fill(c *crm.Contact) {
	f.name.SetText(c.Name)
	var held []string
	for _, r := range c.CurrentRoles() {
		held = append(held, string(r))
	}
	f.roles.SetSelected(held)
	f.company.SetText(c.Company)
	f.title.SetText(c.Title)
	f.email.SetText(c.PrimaryChannel(crm.ChannelEmail))
	f.phone.SetText(c.PrimaryChannel(crm.ChannelPhone))
	f.url.SetText(c.PrimaryChannel(crm.ChannelURL))
	f.location.SetText(c.Location)
	if c.Source != "" {
		f.source.SetSelected(string(c.Source))
	}
	f.how.SetText(c.SourceDetail)
	f.met.SetText(c.MetOn.String())
	if c.CadenceDays > 0 {
		f.cadence.SetText(crm.FormatDays(c.CadenceDays))
	}
	f.notes.SetText(c.Notes)
}

// problem says why the form cannot be saved, naming the field.
func (f *personForm) problem() string {
	if strings.TrimSpace(f.name.Text) == "" {
		return "Name: a name is needed"
	}
	if strings.HasPrefix(strings.TrimSpace(f.name.Text), "#") {
		return "Name: cannot start with #"
	}
	if err := f.email.Validator(f.email.Text); err != nil {
		return "Email: " + err.Error()
	}
	if _, err := f.met.date(); err != nil {
		return "Met on: " + err.Error()
	}
	if err := f.cadence.Validator(f.cadence.Text); err != nil {
		return "Check in every: " + err.Error()
	}
	return ""
}

// contact builds the record the form describes, on top of the original.
func (f *personForm) contact() *crm.Contact {
	c := &crm.Contact{}
	if f.orig != nil {
		cp := *f.orig
		c = &cp
	}
	c.Name = strings.TrimSpace(f.name.Text)
	c.Company, c.Title, c.Location = strings.TrimSpace(f.company.Text), strings.TrimSpace(f.title.Text), strings.TrimSpace(f.location.Text)
	c.Source, c.SourceDetail = crm.Source(f.source.Selected), strings.TrimSpace(f.how.Text)
	c.MetOn, _ = f.met.date()
	c.CadenceDays = 0
	if span, err := crm.ParseSpan(strings.TrimSpace(f.cadence.Text)); err == nil {
		c.CadenceDays = span.Days()
	}
	c.Notes = f.notes.Text
	for _, ch := range []struct {
		kind  crm.ChannelKind
		label string
		value string
	}{{crm.ChannelEmail, "work", f.email.Text}, {crm.ChannelPhone, "mobile", f.phone.Text}, {crm.ChannelURL, "linkedin", f.url.Text}} {
		c.Channels = setChannel(c.Channels, ch.kind, ch.label, strings.TrimSpace(ch.value))
	}
	return c
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

func (f *personForm) submit() {
	c := f.contact()
	var want []crm.RoleKind
	for _, r := range f.roles.Selected {
		want = append(want, crm.RoleKind(r))
	}
	m := f.m
	if f.orig == nil {
		for _, r := range want {
			c.Roles = append(c.Roles, crm.Role{Kind: r})
		}
		m.save(func(tx *store.Tx) error { return tx.AddContact(c) }, func() {
			f.close()
			m.bar.show("Added "+c.Name+".", func() {
				m.save(func(tx *store.Tx) error { return tx.DeleteContact(c.ID) }, nil)
			})
			m.OpenPerson(c.ID)
		})
		return
	}
	had := f.orig.CurrentRoles()
	m.save(func(tx *store.Tx) error {
		if err := tx.UpdateContact(c); err != nil {
			return err
		}
		for _, r := range want {
			if !slices.Contains(had, r) {
				if err := tx.AddRole(c.ID, r, crm.Date{}); err != nil {
					return err
				}
			}
		}
		for _, r := range had {
			if !slices.Contains(want, r) {
				if err := tx.EndRole(c.ID, r, crm.Date{}); err != nil {
					return err
				}
			}
		}
		return nil
	}, func() {
		f.close()
		m.bar.show("Saved "+c.Name+".", nil)
	})
}
