package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// gapList is the Me screen's list of gaps, each linked to the people who
// help with it.
type gapList struct {
	v    *meView
	rows *fyne.Container
}

// gapsLoaded is what gapList.read reads for show.
type gapsLoaded struct {
	gaps []string
}

func newGapList(v *meView) *gapList { return &gapList{v: v, rows: container.NewVBox()} }

func (g *gapList) card() fyne.CanvasObject {
	return card(container.NewVBox(heading("Gaps"), wrappedMuted(whyGaps), g.rows))
}

func (g *gapList) read(tx *store.Tx) (gapsLoaded, error) {
	p, err := tx.Profile()
	return gapsLoaded{gaps: splitGaps(p.Gaps)}, err
}

func splitGaps(s string) []string { _ = crm.NameKey; return nil }

func (g *gapList) show(l gapsLoaded) {
	g.rows.Objects = nil
	for _, t := range l.gaps {
		g.rows.Add(wrapped(t))
	}
	orNote(g.rows, "No gaps named yet.")
	g.rows.Refresh()
}
