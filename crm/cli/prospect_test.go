package cli

import (
	"strings"
	"testing"
)

// dueRow is one row of 'kith due --json' with the keys these tests read.
type dueRow struct {
	ID          int64    `json:"id"`
	Kind        string   `json:"kind"`
	ProspectID  int64    `json:"prospect_id"`
	Name        string   `json:"name"`
	Roles       []string `json:"roles"`
	Due         string   `json:"due"`
	DaysOverdue int      `json:"days_overdue"`
}

// A prospect goes from an event to a contact headless: added, refused an
// impossible move with the allowed stages (nothing changed), reached out
// with a follow-up that 'due' lists as kind follow-up beside the check-ins,
// then talking (the follow-up gone) and activated with where they came from.
func TestProspectPipelineHeadless(t *testing.T) {
	db := tempDB(t)
	at := func(args ...string) []string { return append([]string{"--today", "2026-11-25"}, args...) }
	mustKith(t, db, at("contact add", "Friendly Introducer", "--role", "mentor")...)
	mustKith(t, db, at("event", "add", "LeadDev London", "--date", "2026-10-14", "--place", "London", "--kind", "conference")...)
	mustKith(t, db, at("goal", "add", "Become a director", "--horizon", "long")...)
	mustKith(t, db, at("prospect", "add", "Dana Whitfield", "--event", "LeadDev London", "--referred-by", "Friendly Introducer",
		"--goal", "Become a director", "--role", "mentor", "--why", "runs the org I want to run")...)

	before := dumpDB(t, db)
	code := fails(t, db, "allowed: reached-out, not-now", at("prospect", "activate", "Dana Whitfield")...)
	if code != 2 {
		t.Errorf("activating someone never reached: exit %d, want 2", code)
	}
	fails(t, db, "allowed: reached-out, not-now", at("prospect", "move", "Dana Whitfield", "talking")...)
	fails(t, db, "unknown stage", at("prospect", "move", "Dana Whitfield", "chatting")...)
	if after := dumpDB(t, db); after != before {
		t.Errorf("a refused move changed the database")
	}

	mustKith(t, db, at("prospect", "move", "Dana Whitfield", "reached-out", "--channel", "email", "--why", "your talk",
		"--admire", "how you grew leads", "--offer", "our migration notes", "--ask", "a monthly call", "--follow-up", "2026-11-20")...)
	var due []dueRow
	kithJSON(t, db, &due, at("due", "--json")...)
	var kinds []string
	for _, r := range due {
		kinds = append(kinds, r.Kind+":"+r.Name)
		if r.Kind == "follow-up" && (r.ID != 0 || r.ProspectID == 0 || r.DaysOverdue != 5 || len(r.Roles) != 1 || r.Roles[0] != "mentor") {
			t.Errorf("follow-up row %+v", r)
		}
	}
	if strings.Join(kinds, " ") != "follow-up:Dana Whitfield" {
		t.Errorf("due %v, want Dana's follow-up (the introducer is not due yet)", kinds)
	}
	out := mustKith(t, db, at("due", "--within", "60d")...)
	if !strings.Contains(out, "Dana Whitfield (follow-up)") || !strings.Contains(out, "Friendly Introducer") {
		t.Errorf("due as text:\n%s", out)
	}

	mustKith(t, db, at("prospect", "move", "Dana Whitfield", "talking", "--note", "first call went well")...)
	due = nil
	kithJSON(t, db, &due, at("due", "--json")...)
	if len(due) != 0 {
		t.Errorf("after moving on, due lists %+v", due)
	}
	var listed []struct {
		Name, Stage string
	}
	kithJSON(t, db, &listed, at("prospect", "list", "--stage", "talking", "--json")...)
	if len(listed) != 1 || listed[0].Stage != "talking" {
		t.Errorf("prospect list --stage talking: %+v", listed)
	}

	var c struct {
		ID           int64
		Source       string
		SourceDetail string `json:"source_detail"`
		ReferredBy   int64  `json:"referred_by"`
		MetOn        string `json:"met_on"`
		Notes        string
		Roles        []struct{ Role string }
	}
	kithJSON(t, db, &c, at("prospect", "activate", "Dana Whitfield", "--json")...)
	if c.Source != "event" || c.SourceDetail != "LeadDev London" || c.ReferredBy != 1 || c.MetOn != "2026-10-14" ||
		len(c.Roles) != 1 || c.Roles[0].Role != "mentor" || !strings.Contains(c.Notes, "ask: a monthly call") {
		t.Errorf("activated contact %+v", c)
	}
	show := mustKith(t, db, at("prospect", "show", "Dana Whitfield")...)
	for _, s := range []string{"active", "talking -> active", "reached-out -> talking  first call went well", "admire: how you grew leads"} {
		if !strings.Contains(show, s) {
			t.Errorf("prospect show lacks %q:\n%s", s, show)
		}
	}
	page := mustKith(t, db, at("contact", "show", "Dana Whitfield")...)
	for _, s := range []string{"met at: LeadDev London (conference, 2026-10-14)", "was prospect #1", "2026-11-25 active;"} {
		if !strings.Contains(page, s) {
			t.Errorf("contact show lacks %q:\n%s", s, page)
		}
	}
	event := mustKith(t, db, at("event", "show", "LeadDev London")...)
	if !strings.Contains(event, "Met there: 1") || !strings.Contains(event, "Dana Whitfield (#2)") {
		t.Errorf("event show:\n%s", event)
	}
}

// contact add --event links the person to the event, which becomes their
// source; event list counts them; an unknown event is refused.
func TestContactAddAtAnEvent(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "event", "add", "PM Meetup", "--date", "2026-11-01")
	fails(t, db, "--date", "event", "add", "No Day")
	fails(t, db, "unknown event kind", "event", "add", "Odd", "--date", "2026-11-01", "--kind", "party")
	var c struct {
		Source       string
		SourceDetail string `json:"source_detail"`
	}
	kithJSON(t, db, &c, "contact", "add", "Met There", "--event", "pm meetup", "--json")
	if c.Source != "event" || c.SourceDetail != "PM Meetup" {
		t.Errorf("contact added at an event: %+v", c)
	}
	fails(t, db, `--event: no event named "Nowhere"`, "contact", "add", "Someone", "--event", "Nowhere")
	var events []struct {
		Title  string
		Kind   string
		People int
	}
	kithJSON(t, db, &events, "event", "list", "--json")
	if len(events) != 1 || events[0].People != 1 || events[0].Kind != "meetup" {
		t.Errorf("event list %+v", events)
	}
}

// Gaps are a list headless: profile --gaps still takes and gives the text
// (its JSON key a string), gap add/link/list work on the list, and the
// board shows a gap linked to a circle member as covered and a long-term
// goal with nobody as what to look for.
func TestGapsAndTheBoardHeadless(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--gaps", "public speaking; negotiation", "--budget-hours", "4")
	var p struct {
		Gaps    string
		GapList []string `json:"gap_list"`
	}
	kithJSON(t, db, &p, "profile", "--json")
	if p.Gaps != "public speaking, negotiation" || len(p.GapList) != 2 {
		t.Errorf("profile gaps %+v", p)
	}
	mustKith(t, db, "contact", "add", "Circle Peer", "--role", "circle")
	mustKith(t, db, "gap", "add", "delegation", "--horizon", "long", "--fits", "mentor")
	mustKith(t, db, "gap", "link", "Public Speaking", "Circle Peer")
	fails(t, db, "unknown kind of help", "gap", "edit", "negotiation", "--fits", "mentee")
	mustKith(t, db, "goal", "add", "Become a director", "--horizon", "long")
	var gaps []struct {
		Text    string
		Helpers []struct{ Name string }
	}
	kithJSON(t, db, &gaps, "gap", "list", "--json")
	if len(gaps) != 3 || gaps[0].Text != "public speaking" || len(gaps[0].Helpers) != 1 {
		t.Errorf("gap list %+v", gaps)
	}
	var b struct {
		Rows []struct {
			Kind, Title, Fits string
			Covered           bool
			LookFor           string `json:"look_for"`
			Helpers           []struct {
				ID   int64
				Name string
				Role string
			}
		}
		Roles    map[string]int
		Invested struct {
			Quarter     string
			BudgetHours float64 `json:"budget_hours"`
		}
	}
	kithJSON(t, db, &b, "board", "--json")
	got := map[string]string{}
	for _, r := range b.Rows {
		got[r.Kind+":"+r.Title] = r.Fits + " " + map[bool]string{true: "covered", false: r.LookFor}[r.Covered]
	}
	want := map[string]string{
		"goal:Become a director": "mentor no mentor for a long-term goal: find one",
		"gap:public speaking":    "circle covered",
		"gap:negotiation":        "circle no circle for this gap: find peers to learn it with",
		"gap:delegation":         "mentor no mentor for a long-term gap: find one",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("board row %s: %q, want %q", k, got[k], v)
		}
	}
	if b.Roles["circle"] != 1 || b.Invested.BudgetHours != 12 {
		t.Errorf("board roles %v, invested %+v", b.Roles, b.Invested)
	}
	mustKith(t, db, "goal", "edit", "Become a director", "--fits", "circle")
	mustKith(t, db, "goal", "edit", "Become a director", "--note", "by 2028") // leaves the choice alone
	var goals []struct{ Fits string }
	kithJSON(t, db, &goals, "goal", "list", "--json")
	if len(goals) != 1 || goals[0].Fits != "circle" {
		t.Errorf("goal list after goal edit --fits circle: %+v", goals)
	}
	mustKith(t, db, "profile", "--gaps", "negotiation")
	kithJSON(t, db, &gaps, "gap", "list", "--json")
	if len(gaps) != 1 || gaps[0].Text != "negotiation" {
		t.Errorf("after profile --gaps negotiation: %+v", gaps)
	}
	if out := mustKith(t, db, "board"); !strings.Contains(out, "negotiation") || !strings.Contains(out, "roles: 0 coach") {
		t.Errorf("board as text:\n%s", out)
	}
}
