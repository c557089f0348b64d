package review_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/review/reviewtest"
	"github.com/kithcrm/kith/crm/store"
)

// TestHTMLEscapesUserText stores markup where the user types (a contact's
// name, a goal's title, an exchange, a reflection's answer and a decision's
// note) and checks the HTML report shows it as text: no element and no
// attribute comes from it, in the page or in the charts' SVG.
func TestHTMLEscapesUserText(t *testing.T) {
	const evil = `<script>alert(1)</script>" onmouseover="alert(2)`
	name, goal := "Eve "+evil, "Win "+evil
	st, _ := reviewtest.Open(t)
	if err := st.Update(context.Background(), func(tx *store.Tx) error {
		c := &crm.Contact{Name: name, MetOn: crm.NewDate(2026, 1, 1), AddedOn: crm.NewDate(2026, 1, 1)}
		if err := tx.AddContact(c); err != nil {
			return err
		}
		g := &crm.Goal{Title: goal, Helpers: []crm.Participant{{ContactID: c.ID}}}
		if err := tx.AddGoal(g); err != nil {
			return err
		}
		// An exchange puts Eve in the balance chart; the goal puts its
		// title in a subhead.
		return tx.LogInteraction(&crm.Interaction{Date: crm.NewDate(2026, 8, 20), Kind: crm.KindMeeting, Minutes: 30,
			Summary: evil, GoalID: g.ID, Participants: []crm.Participant{{ContactID: c.ID, Name: name}},
			Exchanges: []crm.Exchange{{Direction: crm.Gave, Kind: "advice", Description: evil}}})
	}); err != nil {
		t.Fatal(err)
	}
	r := compute(t, st, "2026Q3")
	r.Reflection.SetAnswer(r.Prompts[0], evil)
	r.Reflection.Decide(review.Decision{ContactID: contactID(t, st, name), Name: name, Decision: review.Keep, Note: evil})
	save(t, st, &r.Reflection)

	var buf bytes.Buffer
	if err := compute(t, st, "2026Q3").WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if n.Data == "script" {
				t.Errorf("a script element in the report, inside <%s>", n.Parent.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || strings.Contains(a.Val, "alert") {
					t.Errorf("<%s> carries an injected attribute %s=%q", n.Data, a.Key, a.Val)
				}
			}
		case html.TextNode:
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// The markup must still be there, as the words the user typed.
	all := strings.Join(texts, "\n")
	for _, want := range []string{name, goal, "Served " + goal, "Answer: " + evil, "gave 2026-08-20 advice: " + evil,
		name + ": gave 1, received 0"} {
		if !strings.Contains(all, want) {
			t.Errorf("the report's text lacks %q", want)
		}
	}
}
