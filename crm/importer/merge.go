package importer

import (
	"strings"

	"github.com/kithcrm/kith/crm"
)

// textField is one text field of a contact an import can fill.
type textField struct {
	name string
	get  func(c *crm.Contact) *string
}

// textFields are the text fields an import fills when empty.
var textFields = []textField{
	{"company", func(c *crm.Contact) *string { return &c.Company }},
	{"title", func(c *crm.Contact) *string { return &c.Title }},
	{"location", func(c *crm.Contact) *string { return &c.Location }},
	{"notes", func(c *crm.Contact) *string { return &c.Notes }},
}

// dateField is one date field of a contact an import can fill.
type dateField struct {
	name string
	get  func(c *crm.Contact) *crm.Date
}

var dateFields = []dateField{
	{"birthday", func(c *crm.Contact) *crm.Date { return &c.Birthday }},
	{"met_on", func(c *crm.Contact) *crm.Date { return &c.MetOn }},
}

// absorb brings what a record says into the target: empty fields are
// filled, new emails, phones and URLs added, and a field the record
// disagrees on is left as it is. For a person in the book (inBook) each
// fill is a Change and each disagreement a Conflict; a person the import
// adds just takes what an earlier record of them lacked.
func (t *target) absorb(in *crm.Contact, inBook bool) {
	if inBook && crm.NameKey(in.Name) != crm.NameKey(t.after.Name) {
		t.conflict("name", t.after.Name, in.Name)
	}
	for _, f := range textFields {
		t.fillText(f.name, f.get(&t.after), *f.get(in), inBook)
	}
	for _, f := range dateFields {
		t.fillDate(f.name, f.get(&t.after), *f.get(in), inBook)
	}
	t.fillSource(in, inBook)
	t.addChannels(in.Channels, inBook)
}

func (t *target) fillText(field string, have *string, in string, inBook bool) {
	in = strings.TrimSpace(in)
	switch {
	case in == "":
	case strings.TrimSpace(*have) == "":
		t.change(field, *have, in, inBook)
		*have = in
	case !sameText(*have, in) && inBook:
		t.conflict(field, *have, in)
	}
}

func (t *target) fillDate(field string, have *crm.Date, in crm.Date, inBook bool) {
	switch {
	case in.IsZero():
	case have.IsZero():
		t.change(field, "", in.String(), inBook)
		*have = in
	case *have != in && inBook:
		t.conflict(field, have.String(), in.String())
	}
}

// fillSource fills how the person was met, source and detail together: a
// detail without its source (LinkedIn on someone met at an event) would
// say something false.
func (t *target) fillSource(in *crm.Contact, inBook bool) {
	have := &t.after
	switch {
	case in.Source == "":
	case have.Source == "" && have.SourceDetail == "":
		t.change("source", "", string(in.Source), inBook)
		have.Source = in.Source
		if in.SourceDetail != "" {
			t.change("source_detail", "", in.SourceDetail, inBook)
			have.SourceDetail = in.SourceDetail
		}
	case (have.Source != in.Source || !sameText(have.SourceDetail, in.SourceDetail)) && inBook:
		t.conflict("source", sourceText(have.Source, have.SourceDetail), sourceText(in.Source, in.SourceDetail))
	}
}

func sourceText(s crm.Source, detail string) string {
	if detail == "" || s == "" {
		return string(s)
	}
	return string(s) + " (" + detail + ")"
}

// addChannels adds the emails, phones and URLs the target lacks, compared
// by channelKey. A channel added to someone who has one of its kind is not
// their primary one.
func (t *target) addChannels(chs []crm.Channel, inBook bool) {
	for _, ch := range chs {
		if strings.TrimSpace(ch.Value) == "" || t.hasChannel(ch) {
			continue
		}
		if t.hasKind(ch.Kind) {
			ch.Primary = false
		}
		ch.Value = strings.TrimSpace(ch.Value)
		t.after.Channels = append(t.after.Channels, ch)
		t.change(string(ch.Kind), "", ch.Value, inBook)
	}
}

func (t *target) hasChannel(ch crm.Channel) bool {
	k := channelKey(ch)
	for _, have := range t.after.Channels {
		if have.Kind == ch.Kind && channelKey(have) == k {
			return true
		}
	}
	return false
}

func (t *target) hasKind(kind crm.ChannelKind) bool {
	for _, have := range t.after.Channels {
		if have.Kind == kind {
			return true
		}
	}
	return false
}

// change records a fill on a person in the book.
func (t *target) change(field, old, new string, inBook bool) {
	if inBook {
		t.changes = append(t.changes, Change{Field: field, Old: old, New: new})
	}
}

// conflict records a disagreement once, however many records repeat it.
func (t *target) conflict(field, book, file string) {
	c := Conflict{Field: field, Book: book, File: file}
	for _, have := range t.conflicts {
		if have == c {
			return
		}
	}
	t.conflicts = append(t.conflicts, c)
}

// sameText reports whether two values say the same, whatever their case
// and spacing: "Fabrikam" and "fabrikam " do not conflict.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
