package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/vcard"
)

func TestExportVCardToAFile(t *testing.T) {
	db := seed(t)
	out := filepath.Join(t.TempDir(), "contacts.vcf")
	msg := mustKith(t, db, "export", "vcard", "--out", out)
	if msg != "wrote 5 contacts to "+out+"\n" {
		t.Errorf("message %q", msg)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the export is mode %v, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(out)
	if strings.Contains(string(data), "prefers mornings") {
		t.Error("private notes exported without --with-notes")
	}
	cards, err := vcard.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cards {
		names = append(names, c.Contact.Name)
	}
	if !slices.Equal(names, []string{"Alex Kim", "Alex Kim", "Jo Park", "Priya Raman", "Sam Lee"}) {
		t.Errorf("cards %v, want everyone in name order", names)
	}
	priya := cards[3]
	if priya.Contact.Company != "Fabrikam" || len(priya.Contact.Channels) != 2 || !slices.Equal(priya.Categories, []string{"mentor"}) {
		t.Errorf("Priya's card %+v, categories %v", priya.Contact, priya.Categories)
	}
}

func TestExportVCardByRoleWithNotesToStdout(t *testing.T) {
	db := seed(t)
	out := mustKith(t, db, "export", "vcard", "--role", "Mentor", "--with-notes")
	if strings.Count(out, "BEGIN:VCARD") != 1 || !strings.Contains(out, "FN:Priya Raman") || !strings.Contains(out, "NOTE:prefers mornings") {
		t.Errorf("mentors with notes:\n%s", out)
	}
	_, errOut, code := kith(t, db, "export", "vcard", "--role", "guru")
	if code != 2 || !strings.Contains(errOut, "--role") {
		t.Errorf("--role guru: exit %d, %q", code, errOut)
	}
}

// debianPython is the interpreter that sees Debian's python3-* packages.
const debianPython = "/usr/bin/python3"

// requireVObject skips when python3-vobject is missing, unless
// KITH_REQUIRE_INTEROP=1 (as 'make test' sets it where it installed the
// tools): then a missing parser fails, so a broken install cannot pass as
// a skip. See crm/vcard's interop test, which checks the writer itself.
func requireVObject(t *testing.T) {
	t.Helper()
	missing := func(why string) {
		t.Helper()
		if os.Getenv("KITH_REQUIRE_INTEROP") == "1" {
			t.Fatalf("%s (and KITH_REQUIRE_INTEROP=1 requires it)", why)
		}
		t.Skip(why)
	}
	if _, err := os.Stat(debianPython); err != nil {
		missing(debianPython + " is not installed (Debian package python3)")
	}
	if err := exec.Command(debianPython, "-c", "import vobject").Run(); err != nil {
		missing(debianPython + " cannot import vobject (Debian package python3-vobject; run 'make interop-prereqs')")
	}
}

// vobjectCards reads a vCard file with vobject, validating each card, and
// prints what it understood of the fields an export writes.
const vobjectCards = `
import json, sys, vobject
out = []
for card in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read(), validate=True):
    def one(name):
        l = card.contents.get(name)
        return l[0].value if l else ''
    org = one('org')
    out.append({'version': one('version'), 'fn': one('fn'), 'org': org[0] if org else '', 'note': one('note'),
        'categories': [c for l in card.contents.get('categories', []) for c in l.value],
        'email': [l.value for l in card.contents.get('email', [])],
        'url': [l.value for l in card.contents.get('url', [])]})
json.dump(out, sys.stdout)
`

// An independent parser reads 'kith export vcard' whole.
func TestExportVCardReadsInVObject(t *testing.T) {
	requireVObject(t)
	db := seed(t)
	out := filepath.Join(t.TempDir(), "contacts.vcf")
	mustKith(t, db, "export", "vcard", "--out", out, "--with-notes")
	cmd := exec.Command(debianPython, "-c", vobjectCards, out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("vobject rejected the export: %v\n%s", err, stderr.String())
	}
	var cards []struct {
		Version, FN, Org, Note string
		Categories, Email, URL []string
	}
	if err := json.Unmarshal(data, &cards); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(cards) != 5 {
		t.Fatalf("vobject read %d cards, want 5", len(cards))
	}
	p := cards[3]
	if p.Version != "4.0" || p.FN != "Priya Raman" || p.Org != "Fabrikam" || p.Note != "prefers mornings" ||
		!slices.Equal(p.Categories, []string{"mentor"}) || !slices.Equal(p.Email, []string{"priya@fabrikam.example"}) ||
		!slices.Equal(p.URL, []string{"https://www.linkedin.com/in/priyaraman"}) {
		t.Errorf("vobject read Priya as %+v", p)
	}
	if jo := cards[2]; jo.FN != "Jo Park" || !slices.Equal(jo.Categories, []string{"mentee", "circle"}) {
		t.Errorf("vobject read Jo as %+v", jo)
	}
}
