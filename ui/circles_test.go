package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// A big circle's card shows a few members and a button to the rest, and its
// meetings name a few people, not hundreds.
func TestBigCircleCardIsBounded(t *testing.T) {
	m, st := newTestMain(t)
	circle := &crm.Circle{Name: "Guild"}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddCircle(circle) })
	n := memberLimit + 3
	var who []crm.Participant
	for i := range n {
		id := addPerson(t, st, fmt.Sprintf("Member %02d", i), "", "", "2026-01-10")
		mustUpdate(t, st, func(tx *store.Tx) error { return tx.Join(circle.ID, id, crmtest.Date("2026-02-01")) })
		who = append(who, crm.Participant{ContactID: id})
	}
	in := &crm.Interaction{Kind: crm.KindMeeting, Date: crmtest.Date("2026-11-01"), CircleID: circle.ID,
		Summary: "All hands", Participants: who}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.LogInteraction(in) })
	var c *crm.Circle
	var meetings []*crm.Interaction
	_ = st.View(context.Background(), func(tx *store.Tx) (err error) {
		if c, err = tx.Circle(circle.ID); err != nil {
			t.Fatal(err)
		}
		meetings, err = tx.CircleMeetings(circle.ID, 1)
		return err
	})
	chips := m.circles.memberChips(c)
	if len(chips) != memberLimit+1 {
		t.Fatalf("%d members give %d chips, want %d and a button", n, len(chips), memberLimit)
	}
	if more, ok := chips[memberLimit].(*widget.Button); !ok || more.Text != "3 more members" {
		t.Errorf("after the chips: %#v, want a button for 3 more members", chips[memberLimit])
	}
	row := interactionRow(meetings[0], 0, m.st.Today()).(*fyne.Container)
	var meta string
	for _, s := range shownTexts(row) {
		if strings.Contains(s, " · with ") {
			meta = s
		}
	}
	if !strings.HasSuffix(meta, fmt.Sprintf(", %d others", n-withNames)) || strings.Count(meta, "Member") != withNames {
		t.Errorf("the meeting row names %q; want %d people and a count of the others", meta, withNames)
	}
}

// Many circles build only the cards near the view, and scrolling down
// builds the rest, in order, once each.
func TestCirclesBuildCardsAsTheyScrollIntoView(t *testing.T) {
	m, st := newTestMain(t)
	n := 52
	mustUpdate(t, st, func(tx *store.Tx) error {
		for i := range n {
			if err := tx.AddCircle(&crm.Circle{Name: fmt.Sprintf("Circle %02d", i), Purpose: "Trading lessons"}); err != nil {
				return err
			}
		}
		return nil
	})
	m.Show(screenCircles)
	s := m.circles.cardScreen
	first := len(s.list.Objects)
	if first == 0 || first >= n {
		t.Fatalf("opening the screen built %d of %d cards, want some but not all", first, n)
	}
	if h := s.list.MinSize().Height; h < s.scroll.Size().Height {
		t.Errorf("the built cards are %.0f high, short of the %.0f-high view", h, s.scroll.Size().Height)
	}
	for range n {
		if len(s.pending) == 0 {
			break
		}
		s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -s.scroll.Size().Height}})
	}
	if len(s.list.Objects) != n || len(s.pending) != 0 {
		t.Fatalf("after scrolling down %d cards are built and %d pending, want all %d built", len(s.list.Objects), len(s.pending), n)
	}
	for i, o := range s.list.Objects {
		if name := fmt.Sprintf("Circle %02d", i); !showsText(o, name) {
			t.Errorf("card %d does not show %q", i, name)
		}
	}
}

// showsText says whether o or an object inside it shows the text s.
func showsText(o fyne.CanvasObject, s string) bool {
	return slices.Contains(shownTexts(o), s)
}
