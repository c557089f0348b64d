package linkedin

import (
	"errors"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/formattest"
)

// want is what one row must read as.
type want struct {
	line     int
	name     string
	company  string
	title    string
	metOn    string
	url      string
	email    string
	errField string // the refusing RowError's Field; "" for an accepted row
}

func readString(t *testing.T, s string) []Row { return formattest.ReadString(t, s, Read) }

func checkRows(t *testing.T, what string, rows []Row, wants []want) {
	t.Helper()
	if len(rows) != len(wants) {
		t.Fatalf("%s: %d rows, want %d", what, len(rows), len(wants))
	}
	for i, w := range wants {
		checkRow(t, what+" row "+w.name, rows[i], w)
	}
}

func checkRow(t *testing.T, what string, r Row, w want) {
	t.Helper()
	var chs []crm.Channel
	if w.url != "" {
		chs = append(chs, crm.Channel{Kind: crm.ChannelURL, Label: "linkedin", Value: w.url, Primary: true})
	}
	if w.email != "" {
		chs = append(chs, crm.Channel{Kind: crm.ChannelEmail, Value: w.email, Primary: true})
	}
	want := crm.Contact{Name: w.name, Company: w.company, Title: w.title, Source: crm.SourceOnline,
		SourceDetail: "LinkedIn", Channels: chs}
	if w.metOn != "" {
		want.MetOn = crmtest.Date(w.metOn)
	}
	formattest.Eq(t, what+" line", r.Line, w.line)
	formattest.Eq(t, what+" contact", r.Contact, want)
	checkErr(t, what, r, w.errField)
}

func checkErr(t *testing.T, what string, r Row, field string) {
	t.Helper()
	re, ok := formattest.CheckErr[*RowError](t, what, r.Err, field != "")
	if !ok {
		return
	}
	if re.Field != field || re.Line != r.Line {
		t.Errorf("%s: got %v, want a *RowError on %s at line %d", what, r.Err, field, r.Line)
		return
	}
	if !strings.Contains(r.Err.Error(), "line ") || !strings.Contains(r.Err.Error(), field) {
		t.Errorf("%s: message %q does not name the line and the field", what, r.Err)
	}
}

// The testdata files, every row checked field by field.
var fixtures = []struct {
	name, file string
	wants      []want
}{
	{"sample", "linkedin-Connections.csv", []want{
		{5, "Priya Raman", "Northwind Health", "Group Product Manager", "2026-10-14",
			"https://www.linkedin.com/in/priya-raman-pm", "priya.raman@example.com", ""},
		{6, "Marcus O'Neil", "Contoso, Ltd.", "VP Product", "2019-03-02",
			"https://www.linkedin.com/in/marcusoneil", "", ""},
		{7, "Zoë Åkesson", "Fabrikam", "Senior PM, Platform", "2024-01-30",
			"https://www.linkedin.com/in/zoe-akesson", "zoe@example.se", ""},
		{8, "李明", "Tailspin Toys", "Product Coach", "2025-07-11",
			"https://www.linkedin.com/in/li-ming-0b1a2", "", ""},
		{9, "Dana Whitfield", "Self-employed", `Interview coach | ex-PM lead, "product sense" specialist`, "2021-05-05",
			"https://www.linkedin.com/in/danawhitfield", "dana@whitfield.example.org", ""},
	}},
	{"network-jobs", "linkedin-network-jobs.csv", []want{
		{5, "Ada Lovelace", "Analytical Engines Inc", "Engineer", "2024-01-01", profile + "ada", "", ""},
		{6, "Jane Doe", "Stripe", "Product Manager", "2024-02-02", profile + "jane", "", ""},
		{7, "John Smith", "Stripe", "Engineer", "2024-03-03", profile + "john", "", ""},
		{8, "Alice Chen", "Figma", "Designer", "2024-04-04", profile + "alice", "", ""},
		{9, "Bob Lee", "Self-employed", "Consultant", "2024-05-05", profile + "bob", "", ""},
		{10, "Carol Nguyen", "Figma", "PM", "2024-06-06", profile + "carol", "", ""},
		{11, "Dan Park", "Justworks", "Engineer", "2024-07-07", profile + "dan", "", ""},
		{12, "Eve Kim", "Stripe Inc", "Staff Engineer", "2024-08-08", profile + "eve", "", ""},
		{13, "Frank Wu", "Betterment", "PM", "2024-09-09", profile + "frank", "", ""},
		{14, "Grace Zhao", "University of Nowhere", "Professor", "2024-10-10", profile + "grace", "", ""},
	}},
	{"tekjobs", "linkedin-tekjobs.csv", []want{
		{5, "Jane Doe", "Northwind Traders, Inc.", "Senior Technical Recruiter", "2026-09-22",
			profile + "jane-doe-example", "jane@northwind.com", ""},
		{6, "Sam Lee", "Contoso", "Staff Engineer", "2021-03-04", profile + "sam-lee-example", "", ""},
		{7, "Rafa Ortiz", "Northwind Traders", "Engineering Manager", "2024-01-15", profile + "rafa-ortiz-example", "", ""},
		{8, "Mina Park", "Fabrikam", "Design Engineer", "2019-02-02", profile + "mina-park-example", "", ""},
	}},
	// A BOM, CRLF, a preamble with doubled and stray quotes, columns in another
	// order plus one LinkedIn never wrote, refused rows in the middle, an ISO
	// date, right-to-left, CJK and emoji names, a trailing empty row.
	{"reordered", "linkedin-bom-crlf-reordered.csv", []want{
		{5, "Priya Raman", "Northwind Health", "Group Product Manager", "2026-10-14",
			profile + "priya-raman-pm", "priya.raman@example.com", ""},
		{6, "Marcus O'Neil", "Contoso, Ltd.", `VP Product, "Growth"`, "2019-03-02", profile + "marcusoneil", "", ""},
		{7, "Chidi Okafor", "Fabrikam", "Engineer", "", profile + "chidi-okafor", "", "Connected On"},
		{8, "", "Acme", "Recruiter", "", profile + "unknown-123", "", "First Name/Last Name"},
		{9, "ليلى حداد", "شركة النخيل", "مديرة المنتج", "2024-01-30", profile + "layla-haddad", "", ""},
		{10, "נועה כהן", "Tailspin Toys", "Product Coach", "2025-07-11",
			profile + "noa-cohen-%D7%A0%D7%95%D7%A2%D7%94", "", ""},
		{11, "🦊 Sam Rivera 🚀", "Self-employed", `Interview coach | ex-PM lead, "product sense" specialist`,
			"2021-05-05", profile + "sam-rivera", "sam@rivera.example", ""},
		{12, "李明", "腾讯", "产品经理", "2025-07-11", profile + "li-ming-0b1a2", "", ""},
		{13, "Zoë Åkesson", "Fabrikam", "Staff Engineer", "2023-08-07", profile + "zoe-akesson", "not-an-email",
			"Email Address"},
	}},
}

// profile starts the profile URLs of the fixtures.
const profile = "https://www.linkedin.com/in/"

func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			checkRows(t, f.name, formattest.ReadFile(t, f.file, Read), f.wants)
		})
	}
}

// Exports from before 2020 have no preamble (and no URL column).
func TestNoPreambleNoURL(t *testing.T) {
	rows := readString(t, "First Name,Last Name,Email Address,Company,Position,Connected On\nAda,Lovelace,,Engines,Engineer,1 Jan 2018\n")
	checkRows(t, "old", rows, []want{{2, "Ada Lovelace", "Engines", "Engineer", "2018-01-01", "", "", ""}})
}

// A quoted field over several lines: the row is on the line it starts on,
// and the rows after it keep their own line numbers.
func TestMultiLineField(t *testing.T) {
	rows := readString(t, "Notes:\n\"x\"\n\n\"First Name\",\"Last Name\",\"Position\"\r\nAda,Lovelace,\"Engineer\nand poet\"\r\nBob,Lee,\r\n")
	checkRows(t, "multi", rows, []want{
		{5, "Ada Lovelace", "", "Engineer and poet", "", "", "", ""},
		{7, "Bob Lee", "", "", "", "", "", ""},
	})
}

func TestNotAConnectionsFile(t *testing.T) {
	for name, s := range map[string]string{
		"empty":     "",
		"vcard":     "BEGIN:VCARD\nFN:A\nEND:VCARD\n",
		"other csv": "Name,Email\nAda,ada@example.com\n",
		"too late":  strings.Repeat("note\n", maxPreamble) + "First Name,Last Name\nAda,Lovelace\n",
	} {
		rows, err := Read(strings.NewReader(s))
		if !errors.Is(err, ErrNoHeader) || len(rows) != 0 {
			t.Errorf("%s: %d rows, %v; want ErrNoHeader", name, len(rows), err)
		}
		if crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("%s: error code %q, want %q", name, crm.ErrorCode(err), crm.EInvalid)
		}
	}
}

func TestDates(t *testing.T) {
	for in, out := range map[string]string{
		"15 Mar 2024": "2024-03-15", "5 Mar 2024": "2024-03-05", "05 March 2024": "2024-03-05",
		"2024-03-15": "2024-03-15", "": "",
	} {
		rows := readString(t, "First Name,Last Name,Connected On\nA,B,"+in+"\n")
		formattest.Eq(t, in, rows[0].Contact.MetOn.String(), out)
		checkErr(t, in, rows[0], "")
	}
	for _, in := range []string{"03/15/2024", "15 Mär 2024", "31 Feb 2024", "yesterday", "1 Jan 0001", "0001-01-01", "31 Dec 1899"} {
		rows := readString(t, "First Name,Last Name,Connected On\nA,B,"+in+"\n")
		checkErr(t, in, rows[0], "Connected On")
	}
}

// Next streams: BytesRead grows and ends at the file's size.
func TestStreamingProgress(t *testing.T) {
	formattest.CheckStreaming(t, "linkedin-network-jobs.csv", NewReader, 10)
}

// A failure to read the file is an error of Read, in the rows or in the
// preamble.
func TestReadFailure(t *testing.T) {
	formattest.ReadFailing(t, Read, "First Name,Last Name\nAda,Lovelace\nBob,")
	formattest.ReadFailing(t, Read, "Notes:\n")
}

// A row Kith would refuse to store is refused here already.
func TestNameLikeAnID(t *testing.T) {
	rows := readString(t, "First Name,Last Name\n#42,\n")
	checkRows(t, "hash", rows, []want{{2, "#42", "", "", "", "", "", "First Name/Last Name"}})
}
