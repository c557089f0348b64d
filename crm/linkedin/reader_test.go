package linkedin

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
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

func readFile(t *testing.T, name string) []Row {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := Read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

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
	eq(t, what+" line", r.Line, w.line)
	eq(t, what+" contact", r.Contact, want)
	checkErr(t, what, r, w.errField)
}

func checkErr(t *testing.T, what string, r Row, field string) {
	t.Helper()
	if field == "" {
		if r.Err != nil {
			t.Errorf("%s: unexpected %v", what, r.Err)
		}
		return
	}
	var re *RowError
	if !errors.As(r.Err, &re) || re.Field != field || re.Line != r.Line {
		t.Errorf("%s: got %v, want a *RowError on %s at line %d", what, r.Err, field, r.Line)
		return
	}
	if !strings.Contains(r.Err.Error(), "line ") || !strings.Contains(r.Err.Error(), field) {
		t.Errorf("%s: message %q does not name the line and the field", what, r.Err)
	}
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

func TestKithSample(t *testing.T) {
	checkRows(t, "sample", readFile(t, "linkedin-Connections.csv"), []want{
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
	})
}

func TestNetworkJobsFixture(t *testing.T) {
	in := "https://www.linkedin.com/in/"
	checkRows(t, "network-jobs", readFile(t, "linkedin-network-jobs.csv"), []want{
		{5, "Ada Lovelace", "Analytical Engines Inc", "Engineer", "2024-01-01", in + "ada", "", ""},
		{6, "Jane Doe", "Stripe", "Product Manager", "2024-02-02", in + "jane", "", ""},
		{7, "John Smith", "Stripe", "Engineer", "2024-03-03", in + "john", "", ""},
		{8, "Alice Chen", "Figma", "Designer", "2024-04-04", in + "alice", "", ""},
		{9, "Bob Lee", "Self-employed", "Consultant", "2024-05-05", in + "bob", "", ""},
		{10, "Carol Nguyen", "Figma", "PM", "2024-06-06", in + "carol", "", ""},
		{11, "Dan Park", "Justworks", "Engineer", "2024-07-07", in + "dan", "", ""},
		{12, "Eve Kim", "Stripe Inc", "Staff Engineer", "2024-08-08", in + "eve", "", ""},
		{13, "Frank Wu", "Betterment", "PM", "2024-09-09", in + "frank", "", ""},
		{14, "Grace Zhao", "University of Nowhere", "Professor", "2024-10-10", in + "grace", "", ""},
	})
}

func TestTekjobsFixture(t *testing.T) {
	in := "https://www.linkedin.com/in/"
	checkRows(t, "tekjobs", readFile(t, "linkedin-tekjobs.csv"), []want{
		{5, "Jane Doe", "Northwind Traders, Inc.", "Senior Technical Recruiter", "2026-09-22",
			in + "jane-doe-example", "jane@northwind.com", ""},
		{6, "Sam Lee", "Contoso", "Staff Engineer", "2021-03-04", in + "sam-lee-example", "", ""},
		{7, "Rafa Ortiz", "Northwind Traders", "Engineering Manager", "2024-01-15", in + "rafa-ortiz-example", "", ""},
		{8, "Mina Park", "Fabrikam", "Design Engineer", "2019-02-02", in + "mina-park-example", "", ""},
	})
}

// A BOM, CRLF, a preamble with doubled and stray quotes, columns in another
// order plus one LinkedIn never wrote, refused rows in the middle, an ISO
// date, right-to-left, CJK and emoji names, a trailing empty row.
func TestReorderedWithBadRows(t *testing.T) {
	in := "https://www.linkedin.com/in/"
	checkRows(t, "reordered", readFile(t, "linkedin-bom-crlf-reordered.csv"), []want{
		{5, "Priya Raman", "Northwind Health", "Group Product Manager", "2026-10-14",
			in + "priya-raman-pm", "priya.raman@example.com", ""},
		{6, "Marcus O'Neil", "Contoso, Ltd.", `VP Product, "Growth"`, "2019-03-02", in + "marcusoneil", "", ""},
		{7, "Chidi Okafor", "Fabrikam", "Engineer", "", in + "chidi-okafor", "", "Connected On"},
		{8, "", "Acme", "Recruiter", "", in + "unknown-123", "", "First Name/Last Name"},
		{9, "ليلى حداد", "شركة النخيل", "مديرة المنتج", "2024-01-30", in + "layla-haddad", "", ""},
		{10, "נועה כהן", "Tailspin Toys", "Product Coach", "2025-07-11",
			in + "noa-cohen-%D7%A0%D7%95%D7%A2%D7%94", "", ""},
		{11, "🦊 Sam Rivera 🚀", "Self-employed", `Interview coach | ex-PM lead, "product sense" specialist`,
			"2021-05-05", in + "sam-rivera", "sam@rivera.example", ""},
		{12, "李明", "腾讯", "产品经理", "2025-07-11", in + "li-ming-0b1a2", "", ""},
		{13, "Zoë Åkesson", "Fabrikam", "Staff Engineer", "2023-08-07", in + "zoe-akesson", "not-an-email",
			"Email Address"},
	})
}

func readString(t *testing.T, s string) []Row {
	t.Helper()
	rows, err := Read(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return rows
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
		eq(t, in, rows[0].Contact.MetOn.String(), out)
		checkErr(t, in, rows[0], "")
	}
	for _, in := range []string{"03/15/2024", "15 Mär 2024", "31 Feb 2024", "yesterday"} {
		rows := readString(t, "First Name,Last Name,Connected On\nA,B,"+in+"\n")
		checkErr(t, in, rows[0], "Connected On")
	}
}

// Next streams: BytesRead grows and ends at the file's size.
func TestStreamingProgress(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "linkedin-network-jobs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(bytes.NewReader(data))
	n := 0
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	eq(t, "rows", n, 10)
	eq(t, "bytes", r.BytesRead(), int64(len(data)))
	if _, err := r.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("Next after the end: %v, want io.EOF", err)
	}
}

type failingReader struct{ data io.Reader }

var errDisk = errors.New("disk on fire")

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if errors.Is(err, io.EOF) {
		return n, errDisk
	}
	return n, err
}

func TestReadFailure(t *testing.T) {
	_, err := Read(&failingReader{strings.NewReader("First Name,Last Name\nAda,Lovelace\nBob,")})
	if !errors.Is(err, errDisk) {
		t.Errorf("err = %v, want the disk error", err)
	}
	_, err = Read(&failingReader{strings.NewReader("Notes:\n")})
	if !errors.Is(err, errDisk) {
		t.Errorf("in the preamble: err = %v, want the disk error", err)
	}
}

// A row Kith would refuse to store is refused here already.
func TestNameLikeAnID(t *testing.T) {
	rows := readString(t, "First Name,Last Name\n#42,\n")
	checkRows(t, "hash", rows, []want{{2, "#42", "", "", "", "", "", "First Name/Last Name"}})
}
