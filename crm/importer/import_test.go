package importer_test

import (
	"bytes"
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

// Every sample file of the readers' testdata imports into an empty book:
// each person added holds exactly what their card or row says (a person
// the file holds twice holds what both say), and each refused record is
// in the preview. The counts are those of the files as the readers'
// tests describe them.
func TestEverySampleImportsWhatItSays(t *testing.T) {
	for _, f := range []struct {
		format         importer.Format
		name           string
		added, refused int
	}{
		{importer.VCard, "android21-bare-types.vcf", 2, 2},
		{importer.VCard, "android21-qp-cardme.vcf", 6, 0},
		{importer.VCard, "apple-groups-photo.vcf", 1, 0},
		{importer.VCard, "evolution30-cardme.vcf", 1, 0},
		{importer.VCard, "fullcontact-v40-ezvcard.vcf", 1, 0},
		{importer.VCard, "gmail-google-ezvcard.vcf", 1, 0},
		{importer.VCard, "i18n-bom-folded-utf8.vcf", 6, 0},
		{importer.VCard, "ios5-apple-crcrlf-cardme.vcf", 1, 0},
		{importer.VCard, "kaddressbook30-base64-kcontacts.vcf", 1, 0},
		{importer.VCard, "kde-bug-21-qp-softbreak-kcontacts.vcf", 5, 0},
		{importer.VCard, "macos-addressbook-photo-cardme.vcf", 1, 0},
		{importer.VCard, "netscape-lowercase-kcontacts.vcf", 1, 0},
		{importer.VCard, "outlook2007-21-qp-ezvcard.vcf", 1, 0},
		{importer.VCard, "outlook21-cp1252-qp.vcf", 2, 0},
		{importer.VCard, "owncloud-utf8-split-fold-kcontacts.vcf", 1, 0},
		{importer.VCard, "thunderbird-ext30-ezvcard.vcf", 1, 0},
		{importer.VCard, "v40-rfc6350.vcf", 3, 0},
		{importer.VCard, "xing21-nodevcf.vcf", 1, 0},
		{importer.LinkedIn, "linkedin-network-jobs.csv", 10, 0},
		{importer.LinkedIn, "linkedin-tekjobs.csv", 4, 0},
		{importer.LinkedIn, "linkedin-bom-crlf-reordered.csv", 6, 3},
	} {
		t.Run(f.name, func(t *testing.T) {
			st := openStore(t)
			data := sample(t, f.format, f.name)
			src, err := importer.Read(f.format, f.name, bytes.NewReader(data), nil)
			if err != nil {
				t.Fatal(err)
			}
			p, err := importData(t, st, f.format, f.name, data, importer.Options{SkipBad: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Added) != f.added || len(p.Refused) != f.refused || len(p.Updated)+len(p.Unchanged) != 0 {
				t.Fatalf("%d added, %d refused, %d updated, %d unchanged; want %d added, %d refused",
					len(p.Added), len(p.Refused), len(p.Updated), len(p.Unchanged), f.added, f.refused)
			}
			for _, a := range p.Added {
				if len(a.Records) != 1 {
					continue // the same person twice: what both say, checked in TestDuplicateInFileIsOnePerson
				}
				checkStored(t, st, a.ID, recordAt(t, src, a.Records[0]))
			}
		})
	}
}

func recordAt(t *testing.T, src *importer.Source, ref importer.Ref) crm.Contact {
	t.Helper()
	for _, r := range src.Records {
		if r.Ref == ref {
			return r.Contact
		}
	}
	t.Fatalf("no record at %s", ref)
	return crm.Contact{}
}

// checkStored compares a person as stored with the record they came from.
func checkStored(t *testing.T, st *store.Store, id int64, want crm.Contact) {
	t.Helper()
	var got *crm.Contact
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		var err error
		got, err = tx.Contact(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	fields := func(c *crm.Contact) []string {
		return []string{c.Name, c.Company, c.Title, c.Location, c.Birthday.String(), c.MetOn.String(),
			string(c.Source), c.SourceDetail, c.Notes}
	}
	eq(t, want.Name+" fields", fields(got), fields(&want))
	set := func(chs []crm.Channel) []string {
		var out []string
		for _, ch := range chs {
			out = append(out, string(ch.Kind)+" "+ch.Label+" "+ch.Value)
		}
		slices.Sort(out)
		return out
	}
	eq(t, want.Name+" channels", set(got.Channels), set(want.Channels))
}
