package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// A table's columns are each as wide as their own widest cell, not all as
// wide as the widest cell of any; the width left over is shared alike.
func TestTableSizesEachColumnByItsOwnCells(t *testing.T) {
	test.NewTempApp(t)
	box := func(w, h float32) fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(w, h))
		return r
	}
	cells := []fyne.CanvasObject{box(10, 5), box(100, 5), box(30, 20), box(50, 8)}
	tab := table(2, cells...)
	pad := theme.Padding()
	want := fyne.NewSize(30+100+pad, 5+20+pad)
	if got := tab.MinSize(); got != want {
		t.Fatalf("min size %v, want %v (columns 30 and 100 wide, rows 5 and 20 tall)", got, want)
	}
	tab.Resize(fyne.NewSize(want.Width+40, want.Height))
	extra := float32(20)
	for i, w := range []struct{ x, y, width, height float32 }{
		{0, 0, 30 + extra, 5}, {30 + extra + pad, 0, 100 + extra, 5},
		{0, 5 + pad, 30 + extra, 20}, {30 + extra + pad, 5 + pad, 100 + extra, 20},
	} {
		c := cells[i]
		if c.Position() != fyne.NewPos(w.x, w.y) || c.Size() != fyne.NewSize(w.width, w.height) {
			t.Errorf("cell %d at %v size %v, want at (%v, %v) size %vx%v", i, c.Position(), c.Size(), w.x, w.y, w.width, w.height)
		}
	}
}

// A quarter of a 50,000-person book has five-digit counts and hours in
// every column of the overview's by-role table: it must still fit the
// 400 px it has beside the chart, or the window grows past a small screen.
func TestReviewRoleTableFitsABigBooksFigures(t *testing.T) {
	test.NewTempApp(t)
	q, err := review.ParseQuarter("2026Q3")
	if err != nil {
		t.Fatal(err)
	}
	big := func(q review.Quarter) review.Totals {
		tot := review.Totals{Quarter: q, Start: q.Start(), End: q.End(), Interactions: 50454, Minutes: 2558797,
			ByRole: map[crm.RoleKind]review.Count{}}
		for _, role := range review.ChartRoles {
			tot.ByRole[role] = review.Count{Interactions: 28812, Minutes: 1499453}
		}
		return tot
	}
	v := &reviewView{r: &review.Review{Totals: big(q), Previous: big(q.Prev()), AsOf: q.End()}}
	if w := v.roleTable().MinSize().Width; w > 400 {
		t.Errorf("the by-role table needs %.0f px, more than the 400 beside the chart", w)
	}
}
