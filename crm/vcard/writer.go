package vcard

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	govcard "github.com/emersion/go-vcard"

	"github.com/kithcrm/kith/crm"
)

// Person is one contact to export, with what a vCard holds that
// crm.Contact does not say by itself.
type Person struct {
	Contact crm.Contact
	// Key names the person for good, for example "contact-42": the card's
	// UID is derived from it, so exporting again gives the same UID and
	// the receiving address book updates the person instead of adding a
	// twin. When empty, the contact's ID is used.
	Key string
	// Categories are written as CATEGORIES, for Kith the person's current
	// roles ("mentor", "coach"), which address books show as groups.
	Categories []string
}

// NewPerson returns the export of c: keyed by its database ID, with its
// current roles as categories.
func NewPerson(c crm.Contact) Person {
	p := Person{Contact: c, Key: "contact-" + strconv.FormatInt(c.ID, 10)}
	for _, r := range c.CurrentRoles() {
		p.Categories = append(p.Categories, string(r))
	}
	return p
}

// ProductID names Kith as the writer of its vCards.
const ProductID = "-//Kith//Kith CRM//EN"

// Write writes people as vCard 4.0. Notes are private: they are written
// only when withNotes is true, for a backup rather than a card to share.
// Reading the file back with Read gives the same names, channels (labels
// lower case), company, title, location, birthday, categories and notes.
func Write(w io.Writer, people []Person, withNotes bool) error {
	bw := bufio.NewWriter(w)
	fw := &foldingWriter{w: bw}
	enc := govcard.NewEncoder(fw)
	for i, p := range people {
		if err := enc.Encode(p.card(withNotes)); err != nil {
			return fmt.Errorf("write vCard %d (%s): %w", i+1, p.Contact.Name, err)
		}
	}
	if err := fw.Flush(); err != nil {
		return fmt.Errorf("write vCard file: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write vCard file: %w", err)
	}
	return nil
}

func (p Person) card(withNotes bool) govcard.Card {
	ct := p.Contact
	c := govcard.Card{}
	c.SetValue(govcard.FieldVersion, "4.0")
	c.SetValue(govcard.FieldProductID, ProductID)
	c.SetValue(govcard.FieldUID, p.uid())
	name := oneLine(ct.Name)
	c.SetValue(govcard.FieldFormattedName, name)
	c.SetName(nameParts(name))
	if t := ct.UpdatedAt; !t.IsZero() {
		c.SetRevision(t.UTC())
	}
	addChannels(c, ct.Channels)
	setText(c, govcard.FieldOrganization, component(ct.Company))
	setText(c, govcard.FieldTitle, oneLine(ct.Title))
	if !ct.Birthday.IsZero() {
		c.SetValue(govcard.FieldBirthday, ct.Birthday.Time().Format("20060102"))
	}
	if loc := oneLine(ct.Location); loc != "" {
		// Kith's location is free text ("Portland, OR"): it goes whole into
		// the city, where every address book shows it; splitting it into
		// region and country would be a guess.
		c.AddAddress(&govcard.Address{Locality: component(loc)})
	}
	for _, cat := range p.Categories {
		// One CATEGORIES each: go-vcard would escape the commas of a list.
		setTextAdd(c, govcard.FieldCategories, oneLine(cat))
	}
	if withNotes {
		setText(c, govcard.FieldNote, text(ct.Notes))
	}
	return c
}

func setText(c govcard.Card, key, v string) {
	if v != "" {
		c.SetValue(key, v)
	}
}

func setTextAdd(c govcard.Card, key, v string) {
	if v != "" {
		c.AddValue(key, v)
	}
}

// nameParts guesses N from the full name for programs that sort by it:
// "Family, Given" when written so, else the last word as the family name.
// FN stays the name Kith reads back.
func nameParts(name string) *govcard.Name {
	if family, given, ok := strings.Cut(name, ","); ok {
		return &govcard.Name{FamilyName: component(family), GivenName: component(given)}
	}
	words := strings.Fields(name)
	if len(words) < 2 {
		return &govcard.Name{GivenName: component(name)}
	}
	last := len(words) - 1
	return &govcard.Name{FamilyName: component(words[last]), GivenName: component(strings.Join(words[:last], " "))}
}

// component prepares one part of a structured value (N, ORG, ADR): its
// semicolons must be written "\;", which go-vcard does not do, so they
// travel as escSemicolon and foldingWriter writes the escape.
func component(s string) string {
	return strings.ReplaceAll(oneLine(dropMarkers(s)), ";", string(escSemicolon))
}

// text keeps a multi-line value's lines, with LF line ends: a bare CR
// would end the vCard line in the middle of the value.
func text(s string) string {
	s = strings.ReplaceAll(dropMarkers(s), "\r\n", "\n")
	return strings.TrimSpace(strings.ReplaceAll(s, "\r", "\n"))
}

func dropMarkers(s string) string {
	if !strings.ContainsAny(s, "\uFDD0\uFDD1") {
		return s
	}
	return strings.NewReplacer("\uFDD0", "", "\uFDD1", "").Replace(s)
}

// vcardTypes are the labels that vCard has TYPE words for, and the word.
// Other labels ("linkedin", "personal") are written the way Apple and
// Google write theirs: the value in a group, with an X-ABLabel beside it.
var vcardTypes = map[crm.ChannelKind]map[string]string{
	crm.ChannelEmail: {"home": "home", "work": "work"},
	crm.ChannelPhone: {"home": "home", "work": "work", "mobile": "cell", "fax": "fax", "pager": "pager",
		"text": "text", "video": "video", "textphone": "textphone"},
	crm.ChannelURL: {"home": "home", "work": "work"},
}

func addChannels(c govcard.Card, channels []crm.Channel) {
	groups := 0
	for _, ch := range channels {
		value := oneLine(dropMarkers(ch.Value))
		key := channelProperty[ch.Kind]
		if value == "" || key == "" {
			continue
		}
		f := &govcard.Field{Value: value, Params: govcard.Params{}}
		if ch.Primary {
			f.Params.Set(govcard.ParamPreferred, "1")
		}
		label := strings.ToLower(oneLine(dropMarkers(ch.Label)))
		if types, ok := labelTypes(ch.Kind, label); ok {
			if len(types) > 0 {
				f.Params[govcard.ParamType] = types
			}
		} else {
			groups++
			f.Group = "item" + strconv.Itoa(groups)
			c.Add("X-ABLABEL", &govcard.Field{Group: f.Group, Value: label})
		}
		c.Add(key, f)
	}
}

// labelTypes returns the TYPE words for a label made only of words vCard
// knows ("work fax"), and false for any other label.
func labelTypes(kind crm.ChannelKind, label string) ([]string, bool) {
	var types []string
	for _, w := range strings.Fields(label) {
		t, ok := vcardTypes[kind][w]
		if !ok || contains(types, t) {
			return nil, false
		}
		types = append(types, t)
	}
	return types, true
}
