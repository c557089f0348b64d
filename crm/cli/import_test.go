package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata names a sample of the readers' testdata.
func testdata(reader, name string) string {
	return filepath.Join("..", reader, "testdata", name)
}

// importPreview is the JSON of an import, as a script reads it.
type importPreview struct {
	Added []struct {
		ID         int64    `json:"id"`
		Name       string   `json:"name"`
		Roles      []string `json:"roles"`
		Categories []string `json:"categories"`
	} `json:"added"`
	Updated []struct {
		ID        int64  `json:"id"`
		Name      string `json:"name"`
		MatchedBy string `json:"matched_by"`
		Changes   []struct {
			Field, Old, New string
		} `json:"changes"`
	} `json:"updated"`
	Unchanged []struct {
		Name string `json:"name"`
	} `json:"unchanged"`
	Refused []struct {
		Line   int    `json:"line"`
		Field  string `json:"field"`
		Reason string `json:"reason"`
	} `json:"refused"`
	Categories []struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
		Role  string `json:"role"`
	} `json:"categories"`
	Batch  int64 `json:"batch"`
	DryRun bool  `json:"dry_run"`
}

// --dry-run prints the preview, as JSON for scripts, and writes nothing.
func TestImportDryRunWritesNothing(t *testing.T) {
	db := seed(t)
	before := dumpDB(t, db)
	var p importPreview
	kithJSON(t, db, &p, "import", "vcard", testdata("vcard", "apple-contacts.vcf"), "--dry-run", "--json",
		"--category-role", "mentors=mentor")
	if !p.DryRun || p.Batch != 0 || len(p.Added) != 2 || p.Added[0].Name != "Priya Raman" || p.Added[0].Roles[0] != "mentor" {
		t.Fatalf("preview: %+v", p)
	}
	if p.Categories[0].Name != "Mentors" || p.Categories[0].Role != "mentor" || p.Unchanged == nil || p.Updated == nil || p.Refused == nil {
		t.Errorf("categories %+v, updated %v, unchanged %v, refused %v", p.Categories, p.Updated, p.Unchanged, p.Refused)
	}
	if after := dumpDB(t, db); after != before {
		t.Error("a dry run changed the database")
	}

	db = tempDB(t)
	mustKith(t, db, "import", "vcard", testdata("vcard", "google-contacts.vcf"))
	before = dumpDB(t, db)
	out := mustKith(t, db, "import", "linkedin", testdata("linkedin", "linkedin-Connections.csv"), "--dry-run")
	for _, want := range []string{"LinkedIn connections linkedin-Connections.csv: 3 to add, 2 to update, 0 unchanged, 0 refused",
		"Priya Raman, line 5", "Marcus O'Neil (#2), matched by name, line 6", `title: "VP Product"`,
		"+ url https://www.linkedin.com/in/marcusoneil", "Dana Whitfield (#1), matched by email, line 9",
		`kept title "Interview coach" (the file says "Interview coach | ex-PM lead, \"product sense\" specialist")`,
		"People added get no role and no check-in", "Dry run: nothing was written."} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if after := dumpDB(t, db); after != before {
		t.Error("a dry run changed the database")
	}
}

// A refused row stops the import, exit status 2, nothing written; with
// --skip-bad the rest comes in, and importing again changes nothing.
func TestImportRefusesThenSkipsBad(t *testing.T) {
	db := seed(t)
	file := testdata("linkedin", "linkedin-bom-crlf-reordered.csv")
	before := dumpDB(t, db)
	out, errOut, code := kith(t, db, "import", "linkedin", file)
	if code != 2 || !strings.Contains(errOut, "3 of 9 records cannot be imported") || !strings.Contains(errOut, "--skip-bad") ||
		!strings.Contains(out, "Refused (3):") || !strings.Contains(out, "Nothing was imported.") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if dumpDB(t, db) != before {
		t.Fatal("a refused import changed the database")
	}
	var p importPreview
	kithJSON(t, db, &p, "import", "linkedin", file, "--skip-bad", "--json", "--role", "mentee")
	if p.Batch != 1 || len(p.Added) != 6 || len(p.Refused) != 3 || p.Refused[0].Line != 7 || p.Added[0].Roles[0] != "mentee" {
		t.Fatalf("import: %+v", p)
	}
	before = dumpDB(t, db)
	out = mustKith(t, db, "import", "linkedin", file, "--skip-bad")
	if !strings.Contains(out, "Nothing to import") || dumpDB(t, db) != before {
		t.Errorf("a second import changed something:\n%s", out)
	}
}

// import list shows each import; import undo takes one back, keeping a
// person edited since, and refuses to do it twice.
func TestImportListAndUndo(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "import", "vcard", testdata("vcard", "google-contacts.vcf"))
	mustKith(t, db, "import", "linkedin", testdata("linkedin", "linkedin-network-jobs.csv"), "--cadence", "6w")
	mustKith(t, db, "contact", "edit", "Ada Lovelace", "--title", "Countess")
	var batches []struct {
		ID          int64  `json:"id"`
		Format      string `json:"format"`
		File        string `json:"file"`
		Added       int    `json:"added"`
		CadenceDays int    `json:"cadence_days"`
		UndoneAt    *string
	}
	kithJSON(t, db, &batches, "import", "list", "--json")
	if len(batches) != 2 || batches[0].ID != 2 || batches[0].Format != "linkedin" || batches[0].Added != 10 ||
		batches[0].CadenceDays != 42 || batches[1].File != "google-contacts.vcf" {
		t.Fatalf("import list: %+v", batches)
	}
	out := mustKith(t, db, "import", "undo", "#2")
	if !strings.Contains(out, "removed 9 people") || !strings.Contains(out, "Ada Lovelace (#3): edited since the import") {
		t.Errorf("undo said:\n%s", out)
	}
	if list := mustKith(t, db, "import", "list"); !strings.Contains(list, "undone") {
		t.Errorf("list after undo:\n%s", list)
	}
	if _, errOut, code := kith(t, db, "import", "undo", "2"); code != 2 || !strings.Contains(errOut, "already undone") {
		t.Errorf("a second undo: exit %d, %s", code, errOut)
	}
	names := mustKith(t, db, "contact", "list")
	if !strings.Contains(names, "Ada Lovelace") || strings.Contains(names, "Grace Zhao") || !strings.Contains(names, "Dana Whitfield") {
		t.Errorf("people after undo:\n%s", names)
	}
}

// Bad choices are refused before anything is read, naming the flag.
func TestImportBadFlags(t *testing.T) {
	db := tempDB(t)
	file := testdata("vcard", "apple-contacts.vcf")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "vcard", file, "--role", "boss"}, "--role: unknown role"},
		{[]string{"import", "vcard", file, "--category-role", "Mentors"}, "want CATEGORY=ROLE"},
		{[]string{"import", "vcard", file, "--category-role", "Mentors=boss"}, "--category-role: unknown role"},
		{[]string{"import", "vcard", file, "--cadence", "often"}, `"often" is not a duration`},
		{[]string{"import", "linkedin", file, "--category-role", "A=mentor"}, "unknown flag --category-role"},
		{[]string{"import", "undo", "x"}, "not an import number"},
		{[]string{"import", "undo", "7"}, "no import #7"},
		{[]string{"import", "vcard", "missing.vcf"}, "missing.vcf"},
	} {
		_, errOut, code := kith(t, db, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want failure mentioning %q", c.args, code, errOut, c.want)
		}
	}
}

// A large file shows how far reading and writing have got on stderr.
func TestImportShowsProgressForLargeFiles(t *testing.T) {
	var b strings.Builder
	b.WriteString("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
	for i := 0; b.Len() < 1<<20+1000; i++ {
		fmt.Fprintf(&b, "Person%d,Surname%d,https://www.linkedin.com/in/person-%d,,Some Company Incorporated,Senior Engineer,01 Jan 2024\n", i, i, i)
	}
	file := filepath.Join(t.TempDir(), "Connections.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	db := tempDB(t)
	_, errOut, code := kith(t, db, "import", "linkedin", file)
	if code != 0 || !strings.Contains(errOut, "kith: reading Connections.csv: 100% (1.0 of 1.0 MB)") ||
		!strings.Contains(errOut, "kith: writing: 50%") || !strings.Contains(errOut, "kith: writing: 100%") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}
