package cli

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// contact show prints every field of a contact. The fields are read from
// crm.Contact itself, so one added there fails this test until contact show
// prints it and the test says how.
func TestContactShowPrintsEveryField(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "contact", "add", "Mina Ode", "--role", "coach", "--email", "mina@example.com",
		"--phone", "mobile:+1 555 0100", "--url", "https://mina.example", "--company", "Contoso", "--title", "Staff Engineer",
		"--location", "Lisbon", "--birthday", "1990-04-12", "--source", "referral", "--source-detail", "a dinner",
		"--referred-by", "Priya Raman", "--met", "2026-06-01", "--cadence", "5w", "--note", "likes chess")
	mustKith(t, db, "--today", today, "snooze", "Mina Ode", "--until", "2026-12-31")
	mustKith(t, db, "--today", today, "contact", "archive", "Mina Ode")
	var d crm.ContactDetail
	kithJSON(t, db, &d, "--today", today, "contact", "show", "Mina Ode", "--json")
	out := mustKith(t, db, "--today", today, "contact", "show", "Mina Ode")

	shown := map[string][]string{ // each field of crm.Contact, as the text shows it
		"ID":           {"(" + idRef(d.ID) + ")"},
		"Name":         {"Mina Ode (#"},
		"Channels":     {"  email: mina@example.com\n", "  phone (mobile): +1 555 0100\n", "  url: https://mina.example\n"},
		"Company":      {" at Contoso\n"},
		"Title":        {"  Staff Engineer at"},
		"Location":     {"  location: Lisbon\n"},
		"Birthday":     {"  birthday: 1990-04-12\n"},
		"Source":       {"  met: referral"},
		"SourceDetail": {"referral: a dinner,"},
		"ReferredBy":   {", introduced by Priya Raman "},
		"MetOn":        {" 2026-06-01\n"},
		"AddedOn":      {"  added: " + today + " "},
		"Notes":        {"  notes: likes chess\n"},
		"CadenceDays":  {"  own cadence: every 5w"},
		"SnoozedUntil": {"  snoozed until 2026-12-31\n"},
		"Archived":     {"  [archived]\n"},
		"Roles":        {"  role: coach, 2026-06-01 to now\n"},
		"CreatedAt":    {"record created " + d.CreatedAt.Local().Format(stampLayout)},
		"UpdatedAt":    {"changed " + d.UpdatedAt.Local().Format(stampLayout) + ")"},
	}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(crm.Contact{})) {
		want, ok := shown[f.Name]
		if !ok {
			t.Errorf("crm.Contact.%s is new: print it in contact show, and say here how it shows", f.Name)
			continue
		}
		if reflect.ValueOf(*d.Contact).FieldByIndex(f.Index).IsZero() {
			t.Errorf("crm.Contact.%s is not set in this test's contact, so its line is not checked", f.Name)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("contact show does not print %s as %q:\n%s", f.Name, w, out)
			}
		}
	}
}

// The day met shows without a source, and the source without a day.
func TestContactShowMetWithoutSource(t *testing.T) {
	db := seed(t)
	if out := mustKith(t, db, "contact", "show", "#4"); !strings.Contains(out, "\n  met: 2026-01-01\n") {
		t.Errorf("Alex Kim, met with no source recorded:\n%s", out)
	}
	mustKith(t, db, "contact", "add", "Noor", "--source", "online")
	if out := mustKith(t, db, "contact", "show", "Noor"); !strings.Contains(out, "\n  met: online\n") {
		t.Errorf("Noor, met online on a day not recorded:\n%s", out)
	}
}

// contact add and edit are checked by crm.Contact.Validate, the check the
// window's form gets: the message is the domain's, naming the field.
func TestContactValidationIsTheDomains(t *testing.T) {
	db := seed(t)
	for _, c := range []struct {
		args []string
		want error
	}{
		{[]string{"contact", "add", "#1 fan"}, (&crm.Contact{Name: "#1 fan"}).Validate()},
		{[]string{"contact", "edit", "Sam Lee", "--email", "sam-at-home"},
			(&crm.Contact{Name: "Sam Lee", Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: "sam-at-home"}}}).Validate()},
		{[]string{"contact", "edit", "Sam Lee", "--name", " "}, (&crm.Contact{Name: " "}).Validate()},
	} {
		_, errOut, code := kith(t, db, c.args...)
		if c.want == nil || code != 2 || errOut != "kith: "+c.want.Error()+"\n" {
			t.Errorf("kith %s: exit %d, %q; want the domain's %v", strings.Join(c.args, " "), code, errOut, c.want)
		}
	}
}
