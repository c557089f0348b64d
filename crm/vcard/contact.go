package vcard

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	govcard "github.com/emersion/go-vcard"

	"github.com/kithcrm/kith/crm"
)

// fill turns go-vcard's fields into the card's contact.
func (c *Card) fill(vc govcard.Card) {
	ct := &c.Contact
	ct.Channels = c.channels(vc)
	ct.Name = nameOf(vc, ct.Channels)
	ct.Company = firstComponent(vc[govcard.FieldOrganization])
	ct.Title = firstText(vc[govcard.FieldTitle])
	ct.Location = locationOf(vc[govcard.FieldAddress])
	ct.Notes = notesOf(vc[govcard.FieldNote])
	c.Categories = categoriesOf(vc[govcard.FieldCategories])
	c.UID = firstText(vc[govcard.FieldUID])
	bday, bad := c.birthday(vc[govcard.FieldBirthday])
	ct.Birthday = bday
	switch {
	case ct.Name == "":
		c.Err = c.refuse("name", "no name: the card has no FN, N, ORG or email address")
	case bad != "":
		c.Err = c.refuse("birthday", fmt.Sprintf("BDAY %q is not a date", bad))
	default:
		c.checkContact()
	}
}

// checkContact applies the rules every stored contact obeys (a name may
// not start with #, which is how ids are written), so that a card
// accepted here is one the store accepts.
func (c *Card) checkContact() {
	check := c.Contact
	if err := check.Validate(); err != nil {
		c.Err = c.refuse("contact", err.Error())
	}
}

// nameOf takes the name from FN, else builds it from N, else falls back to
// the organisation (a card for a shop) or the email address (Android saves
// a contact with nothing but one), so that only an empty card has no name.
// FN is the whole text: KAddressBook writes "FN:Mustermann, Heiko" with a
// bare comma, and that comma is part of the name.
func nameOf(vc govcard.Card, channels []crm.Channel) string {
	if n := firstText(vc[govcard.FieldFormattedName]); n != "" {
		return n
	}
	for _, f := range vc[govcard.FieldName] {
		if n := nameFromN(f.Value); n != "" {
			return n
		}
	}
	if org := firstComponent(vc[govcard.FieldOrganization]); org != "" {
		return org
	}
	for _, ch := range channels {
		if ch.Kind == crm.ChannelEmail {
			return ch.Value
		}
	}
	return ""
}

// nameFromN writes N's parts in reading order: prefix, given, additional,
// family, suffix. Each part may be a comma list ("Richter,James").
func nameFromN(v string) string {
	parts := strings.Split(v, ";")
	var words []string
	for _, i := range []int{3, 1, 2, 0, 4} {
		if i < len(parts) {
			words = append(words, list(parts[i])...)
		}
	}
	return oneLine(strings.Join(words, " "))
}

// oneLine trims a value, collapses its runs of white space, line breaks
// included, and drops control characters: names, titles and labels are
// one line of text.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(dropControl, s)), " ")
}

// dropControl removes control characters other than white space (a NUL
// in a name would end it early in C code, SQLite's included).
func dropControl(r rune) rune {
	if unicode.IsControl(r) && !unicode.IsSpace(r) {
		return -1
	}
	return r
}

func firstText(fields []*govcard.Field) string {
	for _, f := range fields {
		if v := oneLine(unmark(f.Value)); v != "" {
			return v
		}
	}
	return ""
}

// firstComponent returns the first non-empty organisation name: ORG's
// first component, the department after it is not kept.
func firstComponent(fields []*govcard.Field) string {
	for _, f := range fields {
		if v := oneLine(components(f.Value)[0]); v != "" {
			return v
		}
	}
	return ""
}

// locationOf makes "city, region, country" of the preferred address that
// has any of them; the street is more than a CRM needs to show.
func locationOf(fields []*govcard.Field) string {
	best, bestRank := "", noPref+1
	for _, f := range fields {
		parts := components(f.Value)
		var kept []string
		for _, i := range []int{3, 4, 6} {
			if i < len(parts) {
				if p := oneLine(parts[i]); p != "" {
					kept = append(kept, p)
				}
			}
		}
		if len(kept) > 0 && prefRank(f) < bestRank {
			best, bestRank = strings.Join(kept, ", "), prefRank(f)
		}
	}
	return best
}

func notesOf(fields []*govcard.Field) string {
	var notes []string
	for _, f := range fields {
		if n := strings.TrimSpace(unmark(f.Value)); n != "" {
			notes = append(notes, n)
		}
	}
	return strings.Join(notes, "\n\n")
}

func categoriesOf(fields []*govcard.Field) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range fields {
		for _, c := range list(f.Value) {
			if c = oneLine(c); c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// noPref ranks a field that says nothing of preference after any that does.
const noPref = 101

// prefRank is the field's preference, 1 the most preferred: vCard 4.0's
// PREF=n, or TYPE=pref (3.0, and 2.1's bare PREF) as 1.
func prefRank(f *govcard.Field) int {
	if p := f.Params.Get(govcard.ParamPreferred); p != "" {
		if n, err := strconv.Atoi(strings.TrimSpace(p)); err == nil && n >= 1 && n < noPref {
			return n
		}
		return 1
	}
	if f.Params.HasType("pref") {
		return 1
	}
	return noPref
}
