package vcard

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/formattest"
)

// people are the contacts the writer tests export: every kind of channel
// and label, structured-value separators, several scripts, long lines.
func people() []Person {
	return []Person{{
		Key: "contact-1", Categories: []string{"mentor", "coach"},
		Contact: crm.Contact{
			ID: 1, Name: "Priya Raman", Company: "Northwind Health; Platform, Inc.", Title: "Group PM, Platform",
			Location: "San Francisco, CA", Birthday: crmtest.Date("1988-04-12"),
			Notes:     "Met at ProductCon.\r\nOffered to review my promotion doc; owes me a call, \\o/",
			UpdatedAt: time.Date(2026, 11, 25, 9, 30, 0, 0, time.FixedZone("PST", -8*3600)),
			Channels: chs(mailP("work", "priya@northwind.example"), mail("personal", "priya.raman@example.com"),
				mail("", "p@example.org"), telP("mobile", "+1 (415) 555-0134"), tel("work fax", "+1 415 555 0135"),
				tel("main", "+1 415 555 0100"), webP("linkedin", "https://www.linkedin.com/in/priya-raman-pm"),
				web("work", "https://northwind.example/team/priya"), web("", "https://priya.example")),
		},
	}, {
		Key: "contact-2", Categories: []string{"circle", "R&D, Europe"},
		Contact: crm.Contact{
			ID: 2, Name: "ليلى حداد", Company: "شركة النخيل", Title: "مديرة المنتج",
			Notes:    "التقينا في دبي 🌴 " + strings.Repeat("نص طويل ", 20),
			Channels: chs(mail("home", "layla@nakheel.example"), telP("home", "+971 4 555 0101")),
		},
	}, {
		Key: "contact-3",
		Contact: crm.Contact{ID: 3, Name: "🦊 李明 " + strings.Repeat("🎉", 30),
			Channels: chs(webP("website", "https://example.cn/"+strings.Repeat("路", 40)))},
	}, {
		Key:     "contact-4",
		Contact: crm.Contact{ID: 4, Name: "Mustermann, Heiko", Location: "Dresden"},
	}}
}

func write(t *testing.T, ps []Person, withNotes bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, ps, withNotes); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Reading what Write wrote gives the same people back.
func TestRoundTrip(t *testing.T) {
	ps := people()
	cards := readString(t, write(t, ps, true))
	if len(cards) != len(ps) {
		t.Fatalf("%d cards, want %d", len(cards), len(ps))
	}
	for i, p := range ps {
		c, want := cards[i], p.Contact
		if c.Err != nil {
			t.Errorf("card %d: %v", i+1, c.Err)
		}
		eq(t, want.Name+" name", c.Contact.Name, want.Name)
		eq(t, want.Name+" channels", c.Contact.Channels, want.Channels)
		eq(t, want.Name+" company", c.Contact.Company, want.Company)
		eq(t, want.Name+" title", c.Contact.Title, want.Title)
		eq(t, want.Name+" location", c.Contact.Location, want.Location)
		eq(t, want.Name+" birthday", c.Contact.Birthday, want.Birthday)
		eq(t, want.Name+" notes", c.Contact.Notes, strings.TrimSpace(strings.ReplaceAll(want.Notes, "\r\n", "\n")))
		eq(t, want.Name+" categories", c.Categories, p.Categories)
		eq(t, want.Name+" uid", c.UID, p.uid())
		eq(t, want.Name+" skipped", c.Skipped, nil)
	}
}

// Notes are private: without withNotes no NOTE is written.
func TestNotesOnlyWhenAsked(t *testing.T) {
	out := write(t, people(), false)
	if strings.Contains(out, "NOTE") || strings.Contains(out, "promotion") {
		t.Errorf("notes written without withNotes:\n%s", out)
	}
	for _, c := range readString(t, out) {
		eq(t, c.Contact.Name+" notes", c.Contact.Notes, "")
	}
}

// Lines are folded at 75 octets, never inside a UTF-8 character, and end CRLF.
func TestFolding(t *testing.T) {
	out := write(t, people(), true)
	if !strings.HasSuffix(out, "END:VCARD\r\n") {
		t.Errorf("file does not end with END:VCARD CRLF")
	}
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > maxLine {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line splits a character: %q", line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("bare line break in %q", line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no line was folded; the test data should need it")
	}
}

// The exact text of one card, so a change of format is a decision.
func TestWriteFormat(t *testing.T) {
	p := Person{Key: "contact-42", Categories: []string{"mentor"}, Contact: crm.Contact{
		Name: "Dana Whitfield", Company: "Whitfield; Co", Title: "Coach", Location: "London, UK",
		Birthday: crmtest.Date("1979-04-15"), Notes: "Paid, 6 sessions",
		UpdatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Channels: chs(mailP("work", "dana@example.org"), telP("mobile", "+44 20 7946 0018"),
			webP("linkedin", "https://www.linkedin.com/in/danawhitfield")),
	}}
	want := strings.Join([]string{
		"BEGIN:VCARD",
		"VERSION:4.0",
		`ADR:;;;London\, UK;;;`,
		"BDAY:19790415",
		"CATEGORIES:mentor",
		"EMAIL;PREF=1;TYPE=work:dana@example.org",
		"FN:Dana Whitfield",
		"N:Whitfield;Dana;;;",
		`NOTE:Paid\, 6 sessions`,
		`ORG:Whitfield\; Co`,
		"PRODID:-//Kith//Kith CRM//EN",
		"REV:20260102T030405Z",
		"TEL;PREF=1;TYPE=cell:+44 20 7946 0018",
		"TITLE:Coach",
		"UID:urn:uuid:" + "44601d1d-d50c-5ab5-9812-98861060393d",
		"item1.URL;PREF=1:https://www.linkedin.com/in/danawhitfield",
		"item1.X-ABLABEL:linkedin",
		"END:VCARD",
		"",
	}, "\r\n")
	eq(t, "card", write(t, []Person{p}, true), want)
}

// The UID depends on the key alone: the same person exported twice keeps
// it, two people never share it.
func TestUIDIsStable(t *testing.T) {
	a := Person{Key: "contact-42", Contact: crm.Contact{Name: "A"}}
	b := Person{Key: "contact-42", Contact: crm.Contact{Name: "Renamed"}}
	c := Person{Key: "contact-43", Contact: crm.Contact{Name: "A"}}
	eq(t, "same key", a.uid(), b.uid())
	if a.uid() == c.uid() {
		t.Error("two keys gave one UID")
	}
	eq(t, "no key uses the ID", Person{Contact: crm.Contact{ID: 42}}.uid(), a.uid())
	if !strings.HasPrefix(a.uid(), "urn:uuid:") || a.uid()[9+14] != '5' {
		t.Errorf("%s is not a version 5 UUID URN", a.uid())
	}
}

func TestNewPerson(t *testing.T) {
	c := crm.Contact{ID: 7, Name: "X", Roles: []crm.Role{
		{Kind: crm.RoleMentor}, {Kind: crm.RoleCoach, Until: crmtest.Date("2025-01-01")}, {Kind: crm.RoleCircle},
	}}
	p := NewPerson(c)
	eq(t, "key", p.Key, "contact-7")
	eq(t, "categories", p.Categories, []string{"mentor", "circle"})
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, formattest.ErrDisk }

func TestWriteFailure(t *testing.T) {
	ps := people()
	for i := 0; i < 200; i++ { // more than the buffer holds
		ps = append(ps, ps[0])
	}
	if err := Write(failingWriter{}, ps, true); err == nil {
		t.Fatal("no error from a failing writer")
	}
}
