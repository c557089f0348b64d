package vcard

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// This test hands Write's output to an independent vCard parser,
// python3-vobject from Debian ('make interop-prereqs' installs it). It
// skips when the parser is absent, unless $KITH_REQUIRE_INTEROP is 1 (as
// 'make test' sets it where it installed the tools): then a missing parser
// fails, so a broken install cannot pass as a skip.

// debianPython is the interpreter that sees Debian's python3-* packages.
const debianPython = "/usr/bin/python3"

// requireInteropEnv names the variable that turns a missing tool into a failure.
const requireInteropEnv = "KITH_REQUIRE_INTEROP"

func requireVObject(t *testing.T) {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv(requireInteropEnv) == "1" {
			t.Fatalf(format+" (and "+requireInteropEnv+"=1 requires it)", args...)
		}
		t.Skipf(format, args...)
	}
	if _, err := os.Stat(debianPython); err != nil {
		missing("%s is not installed (Debian package python3)", debianPython)
	}
	if err := exec.Command(debianPython, "-c", "import vobject").Run(); err != nil {
		missing("%s cannot import vobject (Debian package python3-vobject; run 'make interop-prereqs')", debianPython)
	}
}

// vobjectDump reads a vCard file with vobject (validating each card) and
// prints, per card, the fields Kith writes as vobject understood them.
const vobjectDump = `
import json, sys, vobject
data = open(sys.argv[1], encoding='utf-8').read()
out = []
for card in vobject.readComponents(data, validate=True):
    labels = {l.group: l.value for l in card.contents.get('x-ablabel', [])}
    def chans(name):
        return [{'value': l.value, 'types': [t.lower() for t in l.params.get('TYPE', [])],
                 'pref': l.params.get('PREF', [''])[0], 'label': labels.get(l.group, '')}
                for l in card.contents.get(name, [])]
    def one(name):
        l = card.contents.get(name)
        return l[0].value if l else ''
    org, adr = one('org'), one('adr')
    out.append({'fn': one('fn'), 'org': org[0] if org else '', 'title': one('title'), 'note': one('note'),
        'bday': one('bday'), 'uid': one('uid'), 'city': adr.city if adr else '',
        'categories': [c for l in card.contents.get('categories', []) for c in l.value],
        'email': chans('email'), 'tel': chans('tel'), 'url': chans('url')})
json.dump(out, sys.stdout)
`

type voChannel struct {
	Value string   `json:"value"`
	Types []string `json:"types"`
	Pref  string   `json:"pref"`
	Label string   `json:"label"`
}

type voCard struct {
	FN         string      `json:"fn"`
	Org        string      `json:"org"`
	Title      string      `json:"title"`
	Note       string      `json:"note"`
	BDay       string      `json:"bday"`
	UID        string      `json:"uid"`
	City       string      `json:"city"`
	Categories []string    `json:"categories"`
	Email      []voChannel `json:"email"`
	Tel        []voChannel `json:"tel"`
	URL        []voChannel `json:"url"`
}

// channels turns vobject's view back into Kith channels: the Apple label
// if there is one, else the TYPE words with "cell" read as "mobile".
func (c voCard) channels() []crm.Channel {
	var out []crm.Channel
	add := func(kind crm.ChannelKind, vs []voChannel) {
		for _, v := range vs {
			label := v.Label
			if label == "" {
				label = strings.ReplaceAll(strings.Join(v.Types, " "), "cell", "mobile")
			}
			out = append(out, crm.Channel{Kind: kind, Label: label, Value: v.Value, Primary: v.Pref == "1"})
		}
	}
	add(crm.ChannelEmail, c.Email)
	add(crm.ChannelPhone, c.Tel)
	add(crm.ChannelURL, c.URL)
	return out
}

func TestVObjectReadsWhatWriteWrites(t *testing.T) {
	requireVObject(t)
	ps := people()
	file := filepath.Join(t.TempDir(), "export.vcf")
	if err := os.WriteFile(file, []byte(write(t, ps, true)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(debianPython, "-c", vobjectDump, file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("vobject rejected the export: %v\n%s", err, stderr.String())
	}
	var got []voCard
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("vobject output: %v\n%s", err, out)
	}
	if len(got) != len(ps) {
		t.Fatalf("vobject read %d cards, want %d", len(got), len(ps))
	}
	for i, p := range ps {
		checkVObjectCard(t, got[i], p)
	}
}

func checkVObjectCard(t *testing.T, v voCard, p Person) {
	t.Helper()
	c := p.Contact
	bday := ""
	if !c.Birthday.IsZero() {
		bday = c.Birthday.Time().Format("20060102")
	}
	eq(t, c.Name+" FN", v.FN, c.Name)
	eq(t, c.Name+" ORG", v.Org, c.Company)
	eq(t, c.Name+" TITLE", v.Title, c.Title)
	eq(t, c.Name+" NOTE", v.Note, strings.TrimSpace(strings.ReplaceAll(c.Notes, "\r\n", "\n")))
	eq(t, c.Name+" BDAY", v.BDay, bday)
	eq(t, c.Name+" UID", v.UID, p.uid())
	eq(t, c.Name+" ADR city", v.City, c.Location)
	eq(t, c.Name+" CATEGORIES", v.Categories, append([]string{}, p.Categories...))
	eq(t, c.Name+" channels", v.channels(), c.Channels)
}
