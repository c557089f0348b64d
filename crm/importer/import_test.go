package importer_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/store"
)

// wantPerson is a contact as an import must leave it.
type wantPerson struct {
	name, company, title, location, birthday, metOn, source, notes string
	channels                                                       string // as channels() writes them
}

func checkPerson(t *testing.T, st *store.Store, w wantPerson) {
	t.Helper()
	c := person(t, st, w.name)
	got := wantPerson{c.Name, c.Company, c.Title, c.Location, c.Birthday.String(), c.MetOn.String(),
		strings.TrimSpace(string(c.Source) + " " + c.SourceDetail), c.Notes, channels(c)}
	if got != w {
		t.Errorf("%s:\n got %+v\nwant %+v", w.name, got, w)
	}
	if len(c.Roles) != 0 || c.CadenceDays != 0 {
		t.Errorf("%s: roles %v, cadence %d; an import gives neither unless asked", w.name, c.Roles, c.CadenceDays)
	}
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// The Kith samples of testdata, an Apple and a Google export, come in
// whole: every field, every channel with its label, and the categories
// offered for mapping.
func TestImportVCardSamples(t *testing.T) {
	st := openStore(t)
	p := mustImport(t, st, importer.VCard, "apple-contacts.vcf", importer.Options{})
	eq(t, "added", []string{p.Added[0].Name, p.Added[1].Name}, []string{"Priya Raman", "Zoë Åkesson"})
	eq(t, "records", p.Added[1].Records, []importer.Ref{{Card: 2, Line: 19}})
	eq(t, "categories", p.Categories, []importer.Category{{Name: "Mentors", Count: 1}, {Name: "Work", Count: 1}})
	p = mustImport(t, st, importer.VCard, "google-contacts.vcf", importer.Options{})
	if len(p.Added) != 2 || p.Batch == 0 {
		t.Fatalf("google: %+v", p)
	}
	eq(t, "book", names(t, st), []string{"Dana Whitfield", "Marcus O'Neil", "Priya Raman", "Zoë Åkesson"})
	checkPerson(t, st, wantPerson{name: "Priya Raman", company: "Northwind Health", title: "Group Product Manager",
		birthday: "1988-04-12", notes: "Met at ProductCon 2026 (SF), talked about platform PM roles.\nOffered to review my promotion doc.",
		channels: "email other priya.raman@example.com* | email work p.raman@northwind.example | phone mobile +1 (415) 555-0134* | " +
			"url linkedin https://www.linkedin.com/in/priya-raman-pm*"})
	checkPerson(t, st, wantPerson{name: "Zoë Åkesson", company: "Fabrikam", location: "Stockholm, Sweden",
		channels: "email home zoe@example.se*"})
	checkPerson(t, st, wantPerson{name: "Dana Whitfield", company: "Self-employed", title: "Interview coach",
		notes:    "Booked 6 sessions for PM interview prep; fee agreed.",
		channels: "email work dana@whitfield.example.org* | phone mobile +44 20 7946 0018* | url  https://www.linkedin.com/in/danawhitfield*"})
	checkPerson(t, st, wantPerson{name: "Marcus O'Neil", company: "Contoso, Ltd.", channels: "email  marcus.oneil@contoso.example.com*"})
}

// LinkedIn connections come in met online through LinkedIn on the day they
// connected, the profile labelled linkedin.
func TestImportLinkedInSample(t *testing.T) {
	st := openStore(t)
	p := mustImport(t, st, importer.LinkedIn, "linkedin-Connections.csv", importer.Options{})
	if len(p.Added) != 5 || len(p.Refused) != 0 || p.Added[0].Records[0] != (importer.Ref{Line: 5}) {
		t.Fatalf("plan: %+v", p)
	}
	li := "LinkedIn"
	for _, w := range []wantPerson{
		{name: "Priya Raman", company: "Northwind Health", title: "Group Product Manager", metOn: "2026-10-14", source: "online " + li,
			channels: "email  priya.raman@example.com* | url linkedin https://www.linkedin.com/in/priya-raman-pm*"},
		{name: "Marcus O'Neil", company: "Contoso, Ltd.", title: "VP Product", metOn: "2019-03-02", source: "online " + li,
			channels: "url linkedin https://www.linkedin.com/in/marcusoneil*"},
		{name: "Zoë Åkesson", company: "Fabrikam", title: "Senior PM, Platform", metOn: "2024-01-30", source: "online " + li,
			channels: "email  zoe@example.se* | url linkedin https://www.linkedin.com/in/zoe-akesson*"},
		{name: "李明", company: "Tailspin Toys", title: "Product Coach", metOn: "2025-07-11", source: "online " + li,
			channels: "url linkedin https://www.linkedin.com/in/li-ming-0b1a2*"},
		{name: "Dana Whitfield", company: "Self-employed", title: `Interview coach | ex-PM lead, "product sense" specialist`,
			metOn: "2021-05-05", source: "online " + li,
			channels: "email  dana@whitfield.example.org* | url linkedin https://www.linkedin.com/in/danawhitfield*"},
	} {
		checkPerson(t, st, w)
	}
}

// Importing a file again finds everyone unchanged and writes nothing, not
// even a batch; so does a file whose people are all in the book already.
func TestReimportChangesNothing(t *testing.T) {
	st := openStore(t)
	files := []struct {
		format importer.Format
		name   string
	}{{importer.VCard, "apple-contacts.vcf"}, {importer.VCard, "google-contacts.vcf"}, {importer.LinkedIn, "linkedin-Connections.csv"},
		{importer.LinkedIn, "linkedin-network-jobs.csv"}, {importer.VCard, "android21-qp-cardme.vcf"},
		{importer.VCard, "outlook2007-21-qp-ezvcard.vcf"}, {importer.VCard, "ios5-apple-crcrlf-cardme.vcf"}}
	for _, f := range files {
		mustImport(t, st, f.format, f.name, importer.Options{})
	}
	before := dump(t, st)
	for _, f := range files {
		p := mustImport(t, st, f.format, f.name, importer.Options{})
		if len(p.Added)+len(p.Updated) != 0 || p.Batch != 0 || len(p.Unchanged) == 0 {
			t.Errorf("%s again: %d added, %d updated, %d unchanged, batch %d; want only unchanged",
				f.name, len(p.Added), len(p.Updated), len(p.Unchanged), p.Batch)
		}
	}
	if after := dump(t, st); after != before {
		t.Error("importing the same files again changed the database")
	}
}

// A refused row in the middle of the file stops the whole import: the
// database is as it was. With SkipBad the rest comes in.
func TestRefusedRecordImportsNothing(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, importer.VCard, "apple-contacts.vcf", importer.Options{})
	before := dump(t, st)
	name := "linkedin-bom-crlf-reordered.csv"
	_, err := importData(t, st, importer.LinkedIn, name, sample(t, importer.LinkedIn, name), importer.Options{})
	if !errors.Is(err, importer.ErrRefused) || crm.ErrorCode(err) != crm.EInvalid {
		t.Fatalf("err = %v, want a refusal the user must fix", err)
	}
	if !strings.Contains(err.Error(), "3 of 9 records") || !strings.Contains(err.Error(), "line 7: Connected On") {
		t.Errorf("message %q does not count the refused and name the first", err)
	}
	if dump(t, st) != before {
		t.Fatal("a refused row left part of the import written")
	}
	p := mustImport(t, st, importer.LinkedIn, name, importer.Options{SkipBad: true})
	var refused []string
	for _, r := range p.Refused {
		refused = append(refused, r.Ref.String()+" "+r.Field)
	}
	eq(t, "refused", refused, []string{"line 7 Connected On", "line 8 First Name/Last Name", "line 13 Email Address"})
	eq(t, "added", len(p.Added), 5)
	if len(p.Updated) != 1 || p.Updated[0].Name != "Priya Raman" || p.Updated[0].MatchedBy != "email" {
		t.Errorf("updated: %+v", p.Updated)
	}
	eq(t, "book", names(t, st), []string{"Marcus O'Neil", "Priya Raman", "Zoë Åkesson", "נועה כהן", "ليلى حداد", "李明", "🦊 Sam Rivera 🚀"})
}

// Someone already in the book is matched by any email in any case, then by
// a profile URL whatever its scheme, www or trailing slash, then by their
// whole name without regard to accents or case; their empty fields are
// filled, a conflicting field kept and listed.
func TestMatchByEmailURLAndName(t *testing.T) {
	st := openStore(t)
	var ana, bo, emile int64
	update(t, st, func(tx *store.Tx) error {
		a := &crm.Contact{Name: "Ana Silva", Company: "Contoso", Channels: []crm.Channel{
			{Kind: crm.ChannelEmail, Value: "home@ana.example"}, {Kind: crm.ChannelEmail, Value: "Ana.Silva@Contoso.example"}}}
		b := &crm.Contact{Name: "Bo Berg", Channels: []crm.Channel{{Kind: crm.ChannelURL, Value: "http://linkedin.com/in/Bo-Berg/"}}}
		e := &crm.Contact{Name: "Émile Durand", Title: "CTO"}
		for _, c := range []*crm.Contact{a, b, e} {
			if err := tx.AddContact(c); err != nil {
				return err
			}
		}
		ana, bo, emile = a.ID, b.ID, e.ID
		return nil
	})
	csv := "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
		"Ana,S.,https://www.linkedin.com/in/ana-s,ana.silva@contoso.EXAMPLE,Fabrikam,PM,01 Feb 2024\n" +
		"Bo,B,https://www.linkedin.com/in/bo-berg,,Northwind,Engineer,\n" +
		"emile,DURAND,,,Tailspin,VP,\n" +
		"Cy,New,https://www.linkedin.com/in/cy,,,,\n"
	p, err := importData(t, st, importer.LinkedIn, "c.csv", []byte(csv), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	by := map[int64]importer.Updated{}
	for _, u := range p.Updated {
		by[u.ID] = u
	}
	eq(t, "ana matched by", by[ana].MatchedBy, "email")
	eq(t, "ana's conflicts", by[ana].Conflicts, []importer.Conflict{{Field: "name", Book: "Ana Silva", File: "Ana S."},
		{Field: "company", Book: "Contoso", File: "Fabrikam"}})
	eq(t, "ana's changes", by[ana].Changes, []importer.Change{{Field: "title", New: "PM"}, {Field: "met_on", New: "2024-02-01"},
		{Field: "source", New: "online"}, {Field: "source_detail", New: "LinkedIn"}, {Field: "url", New: "https://www.linkedin.com/in/ana-s"}})
	eq(t, "bo matched by", by[bo].MatchedBy, "url")
	eq(t, "émile matched by", by[emile].MatchedBy, "name")
	eq(t, "émile's conflicts", by[emile].Conflicts, []importer.Conflict{{Field: "title", Book: "CTO", File: "VP"}})
	if len(p.Added) != 1 || p.Added[0].Name != "Cy New" {
		t.Errorf("added %+v, want Cy New alone", p.Added)
	}
	c := person(t, st, "Ana Silva")
	if c.Company != "Contoso" || c.Title != "PM" || len(c.Channels) != 3 || c.PrimaryChannel(crm.ChannelEmail) != "home@ana.example" {
		t.Errorf("Ana after the import: %+v", c)
	}
	if c := person(t, st, "Émile Durand"); c.Company != "Tailspin" || c.Title != "CTO" {
		t.Errorf("Émile after the import: %+v", c)
	}
}

// Namesakes: two John Smiths with two LinkedIn pages are two people, in the
// file or in the book; a name several people share matches none of them.
func TestNamesakesAreNotMerged(t *testing.T) {
	st := openStore(t)
	update(t, st, func(tx *store.Tx) error {
		for _, c := range []*crm.Contact{
			{Name: "John Smith", Channels: []crm.Channel{{Kind: crm.ChannelURL, Value: "https://www.linkedin.com/in/john-1"}}},
			{Name: "Alex Kim"}, {Name: "Alex Kim"},
		} {
			if err := tx.AddContact(c); err != nil {
				return err
			}
		}
		return nil
	})
	csv := "First Name,Last Name,URL\n" +
		"John,Smith,https://www.linkedin.com/in/john-2\n" +
		"John,Smith,https://www.linkedin.com/in/john-3\n" +
		"John,Smith,https://linkedin.com/in/john-1/\n" +
		"Alex,Kim,\n"
	p, err := importData(t, st, importer.LinkedIn, "c.csv", []byte(csv), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var added []string
	for _, a := range p.Added {
		added = append(added, a.Name+" "+a.Note)
	}
	eq(t, "added", added, []string{"John Smith another John Smith has another profile URL: added as another person",
		"John Smith 2 others named John Smith have other profile URLs: added as another person",
		"Alex Kim 2 people are named Alex Kim: added as another person"})
	if len(p.Updated) != 1 || p.Updated[0].MatchedBy != "url" {
		t.Errorf("updated %+v, want the first John Smith by his URL", p.Updated)
	}
}

// The same person twice in one file is one person, added once with what
// both records say.
func TestDuplicateInFileIsOnePerson(t *testing.T) {
	st := openStore(t)
	vcf := "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nEMAIL:ana@x.example\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nEMAIL:ANA@x.example\nTEL:+1 555 0100\nORG:Contoso\nEND:VCARD\n"
	p, err := importData(t, st, importer.VCard, "a.vcf", []byte(vcf), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Added) != 1 || len(p.Added[0].Records) != 2 {
		t.Fatalf("added %+v, want Ana once from both cards", p.Added)
	}
	if c := person(t, st, "Ana Silva"); c.Company != "Contoso" || channels(c) != "email  ana@x.example* | phone  +1 555 0100*" {
		t.Errorf("Ana: %s, %s", c.Company, channels(c))
	}
}

// People an import adds have no check-in, even in a book that checks on
// people without a role, unless the import gives them a role or a cadence;
// a category can be mapped to a role.
func TestImportedPeopleHaveNoCheckInUnlessAsked(t *testing.T) {
	st := openStore(t)
	update(t, st, func(tx *store.Tx) error {
		if err := tx.SetRoleCadence(crm.RoleNone, 90); err != nil { // a book from before imports
			return err
		}
		return tx.AddContact(&crm.Contact{Name: "Old Friend", MetOn: crmtest.Date("2020-01-01")})
	})
	mustImport(t, st, importer.LinkedIn, "linkedin-network-jobs.csv", importer.Options{})
	mustImport(t, st, importer.VCard, "google-contacts.vcf", importer.Options{CategoryRoles: map[string]crm.RoleKind{"coaches": crm.RoleCoach}})
	mustImport(t, st, importer.LinkedIn, "linkedin-tekjobs.csv", importer.Options{CadenceDays: 60})
	mustImport(t, st, importer.VCard, "apple-contacts.vcf", importer.Options{Role: crm.RoleMentor})
	var due []string
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		list, err := tx.Due(crmtest.Date("2030-01-01"))
		for _, c := range list {
			due = append(due, c.Name)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(due)
	eq(t, "check-ins", due, []string{"Dana Whitfield", "Jane Doe", "Mina Park", "Old Friend", "Priya Raman", "Rafa Ortiz", "Sam Lee", "Zoë Åkesson"})
	if r := person(t, st, "Dana Whitfield").CurrentRoles(); !slices.Equal(r, []crm.RoleKind{crm.RoleCoach}) {
		t.Errorf("Dana (category Coaches) has roles %v, want coach", r)
	}
	if r := person(t, st, "Marcus O'Neil").CurrentRoles(); len(r) != 0 {
		t.Errorf("Marcus has roles %v, want none", r)
	}
	if c := person(t, st, "Mina Park"); c.CadenceDays != 60 {
		t.Errorf("Mina's cadence %d, want the 60 days chosen", c.CadenceDays)
	}
}
