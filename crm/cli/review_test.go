package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/review/reviewtest"
)

// reviewDB is the review's fixed book (see package reviewtest), whose
// 2026Q3 figures the review package checks in full.
func reviewDB(t *testing.T) string {
	t.Helper()
	_, path := reviewtest.Open(t)
	return path
}

func TestReviewCommand(t *testing.T) {
	db := reviewDB(t)
	// The default quarter on 2026-10-05 is the one just ended.
	var r reviewJSON
	kithJSON(t, db, &r, "--today", "2026-10-05", "review", "--format", "json")
	checkQ3Review(t, r)
	// --quarter picks another; --today moves the default into the running quarter's last two weeks.
	kithJSON(t, db, &r, "--today", "2026-10-05", "review", "--quarter", "2026q2", "--format", "json")
	if r.Quarter != "2026Q2" || r.Interactions != 3 {
		t.Errorf("--quarter 2026q2: %s with %d interactions", r.Quarter, r.Interactions)
	}
	kithJSON(t, db, &r, "--today", "2026-09-20", "review", "--format", "json")
	if r.Quarter != "2026Q3" || r.Interactions != 12 {
		t.Errorf("on 2026-09-20: %s with %d interactions, want 2026Q3 up to that day: 12", r.Quarter, r.Interactions)
	}
	checkReviewFormats(t, db)
}

// reviewJSON is the part of 'review --format json' the test reads.
type reviewJSON struct {
	Quarter      string                    `json:"quarter"`
	Start        string                    `json:"start"`
	End          string                    `json:"end"`
	Interactions int                       `json:"interactions"`
	Minutes      int                       `json:"minutes"`
	ByRole       map[string]map[string]int `json:"by_role"`
	Neglected    []string                  `json:"neglected"`
	Goals        []string                  `json:"goals_without_help"`
	Contacts     []map[string]any          `json:"contacts"`
	Previous     struct {
		Quarter      string `json:"quarter"`
		Interactions int    `json:"interactions"`
		Minutes      int    `json:"minutes"`
	} `json:"previous"`
}

// checkQ3Review checks the 2026Q3 figures of the fixed book.
func checkQ3Review(t *testing.T, r reviewJSON) {
	t.Helper()
	if r.Quarter != "2026Q3" || r.Start != "2026-07-01" || r.End != "2026-09-30" || r.Interactions != 13 || r.Minutes != 665 ||
		r.ByRole["coach"]["interactions"] != 5 || r.Previous.Quarter != "2026Q2" || r.Previous.Interactions != 3 || r.Previous.Minutes != 150 ||
		strings.Join(r.Neglected, ",") != "Cal Coachee,Sid Silent" || strings.Join(r.Goals, ",") != "Learn public speaking" || len(r.Contacts) != 9 {
		t.Errorf("kith review --format json: %+v", r)
	}
	for _, key := range []string{"id", "name", "roles", "interactions", "minutes", "gave", "received", "balance",
		"checkins_kept", "checkins_missed", "last_contact", "flags"} {
		if _, ok := r.Contacts[0][key]; !ok {
			t.Errorf("contacts lack %q", key)
		}
	}
}

// checkReviewFormats checks the text, Markdown and HTML reports, and --out.
func checkReviewFormats(t *testing.T, db string) {
	t.Helper()
	text := mustKith(t, db, "--today", "2026-10-05", "review")
	if !strings.Contains(text, "QUARTERLY REVIEW 2026Q3") || !strings.Contains(text, "Neglected: Cal Coachee, Sid Silent") {
		t.Errorf("text report:\n%s", text)
	}
	md := mustKith(t, db, "--today", "2026-10-05", "review", "--format", "md")
	if !strings.HasPrefix(md, "# Quarterly review 2026Q3\n") || !strings.Contains(md, "| Name | Roles |") {
		t.Errorf("markdown report starts %q", md[:min(80, len(md))])
	}
	out := filepath.Join(t.TempDir(), "q3.html")
	msg := mustKith(t, db, "--today", "2026-10-05", "review", "--format", "html", "--out", out)
	page, err := os.ReadFile(out)
	if err != nil || !strings.Contains(msg, out) || !strings.HasPrefix(string(page), "<!DOCTYPE html>") || strings.Count(string(page), "<svg") != 3 {
		t.Errorf("--out %s: %q, %d bytes, %v", out, msg, len(page), err)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("report file mode %v (%v), want 0600", info.Mode(), err)
	}
}

func TestReviewBadInput(t *testing.T) {
	db := reviewDB(t)
	out := filepath.Join(t.TempDir(), "never.html")
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"review", "--quarter", "2026Q5"}, `"2026Q5" is not a quarter`},
		{[]string{"review", "--quarter", "Q3", "--out", out}, `"Q3" is not a quarter`},
		{[]string{"review", "--quarter", "2027Q1", "--out", out}, "2027Q1 has not begun"},
		{[]string{"review", "--format", "pdf", "--out", out}, `unknown format "pdf"`},
		{[]string{"review", "2026Q3"}, "too many arguments"},
		{[]string{"review", "decide", "Ghost", "--decision", "keep"}, `no contact named "Ghost"`},
		{[]string{"review", "decide", "Cal Coachee", "--decision", "drop"}, `unknown decision "drop"`},
		{[]string{"review", "decide", "Cal Coachee"}, "missing --decision"},
		{[]string{"review", "decide", "Cal Coachee", "--decision", "pause", "--quarter", "2027Q2"}, "2027Q2 has not begun"},
		{[]string{"review", "answer", "mood", "fine"}, `unknown prompt "mood"`},
		{[]string{"review", "answer", "goals"}, "missing PROMPT and TEXT"},
	}
	before := dumpDB(t, db)
	for _, c := range cases {
		_, errOut, code := kith(t, db, append([]string{"--today", "2026-10-05"}, c.args...)...)
		if code != 2 {
			t.Errorf("kith %s: exit %d, want 2 (%s)", strings.Join(c.args, " "), code, errOut)
		}
		if !strings.Contains(errOut, c.msg) {
			t.Errorf("kith %s: message %q does not mention %q", strings.Join(c.args, " "), strings.TrimSpace(errOut), c.msg)
		}
		if dumpDB(t, db) != before {
			t.Fatalf("kith %s changed the database", strings.Join(c.args, " "))
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed review wrote its --out file")
	}
}

func TestReviewReflectionCommands(t *testing.T) {
	db := reviewDB(t)
	k := func(args ...string) string {
		return mustKith(t, db, append([]string{"--today", "2026-10-05"}, args...)...)
	}
	k("review", "answer", "goals", "Promotion moved forward.")
	if msg := k("review", "decide", "Cal Coachee", "--decision", "pause", "--note", "busy season"); !strings.Contains(msg, "snoozed until 2027-04-05") {
		t.Errorf("pause said %q", msg)
	}
	if msg := k("review", "decide", "Sid Silent", "--decision", "end"); !strings.Contains(msg, "--confirm") {
		t.Errorf("an unconfirmed end said %q", msg)
	}
	var sid struct {
		Archived bool `json:"archived"`
	}
	kithJSON(t, db, &sid, "contact", "show", "Sid Silent", "--json")
	if sid.Archived {
		t.Fatal("an unconfirmed end archived Sid")
	}
	if msg := k("review", "decide", "Sid Silent", "--decision", "end", "--confirm"); !strings.Contains(msg, "archived") {
		t.Errorf("a confirmed end said %q", msg)
	}
	kithJSON(t, db, &sid, "contact", "show", "Sid Silent", "--json")
	if !sid.Archived {
		t.Error("a confirmed end did not archive Sid")
	}
	var r struct {
		Reflection struct {
			Answers []struct {
				Key  string `json:"key"`
				Text string `json:"text"`
			} `json:"answers"`
			Decisions []struct {
				Name     string `json:"name"`
				Decision string `json:"decision"`
				Note     string `json:"note"`
			} `json:"decisions"`
		} `json:"reflection"`
		Neglected []string `json:"neglected"`
	}
	kithJSON(t, db, &r, "--today", "2026-10-05", "review", "--format", "json")
	a, d := r.Reflection.Answers, r.Reflection.Decisions
	if len(a) != 1 || a[0].Key != "goals" || a[0].Text != "Promotion moved forward." ||
		len(d) != 2 || d[0].Name != "Cal Coachee" || d[0].Decision != "pause" || d[0].Note != "busy season" || d[1].Decision != "end" {
		t.Errorf("saved reflection %+v", r.Reflection)
	}
	if len(r.Neglected) != 0 {
		t.Errorf("neglected after pausing Cal and ending Sid: %v", r.Neglected)
	}
}

// TestReviewDecideConfirmsOnlyItsPerson: --confirm carries out the end of
// the person named, never another end still pending in the quarter.
func TestReviewDecideConfirmsOnlyItsPerson(t *testing.T) {
	db := reviewDB(t)
	k := func(args ...string) string {
		return mustKith(t, db, append([]string{"--today", "2026-10-05"}, args...)...)
	}
	archived := func(name string) bool {
		var c struct {
			Archived bool `json:"archived"`
		}
		kithJSON(t, db, &c, "contact", "show", name, "--json")
		return c.Archived
	}
	k("review", "decide", "Sid Silent", "--decision", "end")
	k("review", "decide", "Pia Peer", "--decision", "keep", "--confirm")
	if archived("Sid Silent") {
		t.Error("confirming a keep about Pia archived Sid, whose end was pending")
	}
	if archived("Pia Peer") {
		t.Error("a confirmed keep archived Pia")
	}
	if msg := k("review", "decide", "Mo Mentor", "--decision", "end", "--confirm"); !strings.Contains(msg, "archived") {
		t.Errorf("a confirmed end said %q", msg)
	}
	if !archived("Mo Mentor") || archived("Sid Silent") {
		t.Errorf("confirming Mo's end: Mo archived %v, Sid archived %v; want only Mo", archived("Mo Mentor"), archived("Sid Silent"))
	}
}
