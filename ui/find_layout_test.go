package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// Me, its board, Find (both parts) and the prospect and event pages and
// forms stay within a small screen, with the real theme, whatever the
// length of the names, goals, gaps, reasons and events typed.
func TestLongTextKeepsMeAndFindNarrow(t *testing.T) {
	m, st := newTestMain(t)
	fyne.CurrentApp().Settings().SetTheme(newKithTheme(theme.DefaultTheme(), themeLight))
	b := longBookOf(t, st)
	var prospect, event int64
	mustUpdate(t, st, func(tx *store.Tx) error {
		gap := &crm.Gap{Text: lorem(300), Helpers: []crm.Participant{{ContactID: b.person}}}
		if err := tx.AddGap(gap); err != nil {
			return err
		}
		if err := tx.AddGap(&crm.Gap{Text: unbroken("gap", 200), Horizon: crm.LongTerm}); err != nil {
			return err
		}
		e := &crm.Event{Title: lorem(200), Date: crmtest.Date("2026-11-12"), Place: unbroken("https://", 200), Notes: lorem(800)}
		if err := tx.AddEvent(e); err != nil {
			return err
		}
		event = e.ID
		for i, stage := range crm.Stages[:3] {
			p := &crm.Prospect{Name: lorem(150 + i), Found: crm.SourceEvent, EventID: e.ID, Detail: lorem(300), GapID: gap.ID,
				Role: crm.RoleMentor, Why: lorem(1000), ReferredBy: b.helper}
			if err := tx.AddProspect(p); err != nil {
				return err
			}
			prospect = p.ID
			if stage == crm.StageToContact {
				continue
			}
			o := &crm.Outreach{Why: lorem(600), Admire: lorem(600), Offer: lorem(600), Ask: unbroken("ask", 300), Channel: lorem(100)}
			if _, err := tx.MoveProspect(p.ID, crm.Move{To: crm.StageReachedOut, Note: lorem(300),
				FollowUpOn: crmtest.Date("2026-11-20"), Outreach: o}); err != nil {
				return err
			}
			if stage == crm.StageTalking {
				if _, err := tx.MoveProspect(p.ID, crm.Move{To: stage, Note: lorem(300)}); err != nil {
					return err
				}
			}
		}
		p := &crm.Prospect{Name: unbroken("Set-aside", 200)}
		if err := tx.AddProspect(p); err != nil {
			return err
		}
		_, err := tx.MoveProspect(p.ID, crm.Move{To: crm.StageNotNow, Reason: lorem(500), ReconsiderOn: crmtest.Date("2027-02-01")})
		return err
	})
	m.changed()
	for _, i := range []int{screenToday, screenMe, screenFind} {
		m.Show(i)
		fits(t, m, screenTable()[i].name, m.screens[i].view())
	}
	test.Tap(m.me.tabs[meBoard])
	m.Show(screenMe)
	fits(t, m, "Me › Board", m.me.view())
	m.Show(screenFind)
	test.Tap(m.find.tabs[findEvents])
	fits(t, m, "Find › Events", m.find.view())

	openProspect(m, prospect)
	fits(t, m, "the prospect page", topDialog(t, m))
	test.Tap(m.prospect.buttons["Reach out…"])
	fits(t, m, "the outreach form", topDialog(t, m))
	m.escape()
	openProspect(m, prospect)
	test.Tap(m.prospect.buttons["Edit"])
	fits(t, m, "the prospect form", topDialog(t, m))
	m.escape()
	openEvent(m, event)
	fits(t, m, "the event page", topDialog(t, m))
	m.escape()
	m.Show(screenMe)
	m.me.gaps.open(nil)
	fits(t, m, "the gap form", topDialog(t, m))
}
