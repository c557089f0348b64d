package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm/demo"
)

// TestScreensRender compares each main screen, on the sample data at a fixed
// day in a fixed window size with the test theme, against its markup master
// in testdata, so an accidental layout change is caught.
func TestScreensRender(t *testing.T) {
	m, st := newTestMain(t)
	test.AssertRendersToMarkup(t, "empty.xml", m.win.Canvas())
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	m.changed()
	m.settings.path.SetText("kith.db") // the temporary folder differs per run
	for _, s := range []struct {
		screen int
		master string
	}{{screenToday, "today.xml"}, {screenPeople, "people.xml"}, {screenCircles, "circles.xml"},
		{screenGoals, "goals.xml"}, {screenReview, "review.xml"}, {screenSettings, "settings.xml"}} {
		m.Show(s.screen)
		test.AssertRendersToMarkup(t, s.master, m.win.Canvas())
	}
	m.OpenPerson(2) // Marcus Chen, the coach
	test.AssertRendersToMarkup(t, "person.xml", m.win.Canvas())
}
