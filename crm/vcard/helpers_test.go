package vcard

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/internal/formattest"
)

// want is what one card must read as, field by field.
type want struct {
	line       int
	name       string
	company    string
	title      string
	location   string
	birthday   string
	notes      string
	channels   []crm.Channel
	categories []string
	uid        string
	skipped    []string
	errField   string // the refusing CardError's Field; "" for an accepted card
}

func ch(kind crm.ChannelKind, label, value string, primary bool) crm.Channel {
	return crm.Channel{Kind: kind, Label: label, Value: value, Primary: primary}
}

// Channel shorthands for email, phone and URL; the P forms are primary.
func mail(label, value string) crm.Channel  { return ch(crm.ChannelEmail, label, value, false) }
func mailP(label, value string) crm.Channel { return ch(crm.ChannelEmail, label, value, true) }
func tel(label, value string) crm.Channel   { return ch(crm.ChannelPhone, label, value, false) }
func telP(label, value string) crm.Channel  { return ch(crm.ChannelPhone, label, value, true) }
func web(label, value string) crm.Channel   { return ch(crm.ChannelURL, label, value, false) }
func webP(label, value string) crm.Channel  { return ch(crm.ChannelURL, label, value, true) }

// checkFile reads a testdata file and compares every card with wants.
func checkFile(t *testing.T, name string, wants []want) {
	t.Helper()
	cards := formattest.ReadFile(t, name, Read)
	if len(cards) != len(wants) {
		t.Fatalf("%s: %d cards, want %d", name, len(cards), len(wants))
	}
	for i, w := range wants {
		checkCard(t, name, i+1, cards[i], w)
	}
}

// fileWants is what the cards of a testdata file must read as.
type fileWants struct {
	file  string
	wants []want
}

// checkFiles checks each file in a subtest of its own.
func checkFiles(t *testing.T, files []fileWants) {
	for _, f := range files {
		t.Run(f.file, func(t *testing.T) { checkFile(t, f.file, f.wants) })
	}
}

func checkCard(t *testing.T, file string, number int, c Card, w want) {
	t.Helper()
	at := func(field string) string { return file + " card " + itoa(number) + " " + field }
	ct := c.Contact
	eq(t, at("number"), c.Number, number)
	eq(t, at("line"), c.Line, w.line)
	eq(t, at("name"), ct.Name, w.name)
	eq(t, at("company"), ct.Company, w.company)
	eq(t, at("title"), ct.Title, w.title)
	eq(t, at("location"), ct.Location, w.location)
	eq(t, at("birthday"), ct.Birthday.String(), w.birthday)
	eq(t, at("notes"), ct.Notes, w.notes)
	eq(t, at("channels"), ct.Channels, w.channels)
	eq(t, at("categories"), c.Categories, w.categories)
	eq(t, at("uid"), c.UID, w.uid)
	eq(t, at("skipped"), c.Skipped, w.skipped)
	checkErr(t, at("err"), c, w.errField)
}

func checkErr(t *testing.T, at string, c Card, field string) {
	t.Helper()
	ce, ok := formattest.CheckErr[*CardError](t, at, c.Err, field != "")
	if !ok {
		return
	}
	if ce.Field != field || ce.Number != c.Number || ce.Line != c.Line {
		t.Errorf("%s: got %+v, want field %s at card %d line %d", at, ce, field, c.Number, c.Line)
	}
	msg := c.Err.Error()
	if !strings.Contains(msg, "vCard "+itoa(c.Number)) || !strings.Contains(msg, "line "+itoa(c.Line)) {
		t.Errorf("%s: message %q does not name the card and line", at, msg)
	}
}

// eq is formattest.Eq, short for the many field-by-field checks.
func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	formattest.Eq(t, what, got, want)
}

func itoa(n int) string { return strconv.Itoa(n) }

func chs(c ...crm.Channel) []crm.Channel { return c }
