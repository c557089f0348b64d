package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// boardView is the board on the Me screen: one row per active goal and per
// gap, the kind of help that fits it (changeable), who gives it today with
// when you last talked, what to look for where nobody does, and the
// balance: the relationships held, and time and money this quarter against
// what you committed.
type boardView struct {
	m       *Main
	root    fyne.CanvasObject
	balance *fyne.Container
	rows    *fyne.Container
	today   crm.Date
	// fits are the kind-of-help choices on show, by row, and started the
	// prospect form Find one opened last, for tests.
	fits    map[string]*widget.Select
	started *prospectForm
}

func newBoardView(m *Main) *boardView {
	b := &boardView{m: m, balance: container.NewVBox(), rows: container.NewVBox()}
	b.root = container.NewVScroll(container.NewPadded(container.NewVBox(card(b.balance), b.rows)))
	return b
}

func (b *boardView) view() fyne.CanvasObject { return b.root }

// reload reads the board, computed in SQL by the store, and shows it.
func (b *boardView) reload() {
	var board crm.Board
	var today crm.Date
	b.m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		board, err = tx.Board()
		return err
	}, func() {
		b.today = today
		b.show(board)
	})
}

func (b *boardView) show(board crm.Board) {
	b.balance.Objects = []fyne.CanvasObject{heading("Balance"), wrapped(rolesLine(board.Roles)),
		investmentRow("Time", board.Invested.Hours, board.Invested.BudgetHours, boardHours),
		investmentRow("Money", board.Invested.Money, board.Invested.BudgetMoney, moneyText)}
	b.balance.Refresh()
	b.fits = map[string]*widget.Select{}
	// What nobody covers comes first: it is what the board is for.
	need := slices.Clone(board.Rows)
	slices.SortStableFunc(need, func(a, b crm.BoardRow) int {
		switch {
		case a.Covered == b.Covered:
			return 0
		case !a.Covered:
			return -1
		}
		return 1
	})
	var rows []fyne.CanvasObject
	for _, r := range need {
		rows = append(rows, b.row(r))
	}
	if len(rows) == 0 {
		rows = append(rows, card(wrapped("Nothing on the board yet. Name a goal or a gap under About me, and the board shows who helps with it.")))
	}
	b.rows.Objects = rows
	b.rows.Refresh()
}

// rolesLine counts the relationships held, in the order of crm.Roles.
func rolesLine(counts map[crm.RoleKind]int) string {
	parts := make([]string, 0, len(crm.Roles))
	for _, r := range crm.Roles {
		parts = append(parts, plural(counts[r], string(r), roleWords[r]))
	}
	return "Active: " + strings.Join(parts, " · ")
}

// roleWords are the plurals of the roles.
var roleWords = map[crm.RoleKind]string{crm.RoleCoach: "coaches", crm.RoleMentor: "mentors", crm.RoleCircle: "circles",
	crm.RoleCoachee: "coachees", crm.RoleMentee: "mentees"}

// boardHours writes hours to a tenth, without a fraction when there is none.
func boardHours(h float64) string { return strconv.FormatFloat(math.Round(h*10)/10, 'f', -1, 64) + "h" }

// investmentRow is what was spent this quarter against the budget, with a
// meter when there is a budget.
func investmentRow(what string, used, budget float64, text func(float64) string) fyne.CanvasObject {
	line := fmt.Sprintf("%s this quarter: %s", what, text(used))
	if budget > 0 {
		line += " of " + text(budget) + " committed"
	} else {
		line += " (no commitment set: About me › Investment)"
	}
	m := budgetMeter(used, budget)
	if m == nil {
		return wrapped(line)
	}
	return container.NewBorder(nil, nil, nil, container.NewCenter(fixedWidth(m, 160)), wrapped(line))
}

// row is one goal or gap: what it is, the help that fits, who gives it,
// and what to look for when nobody does.
func (b *boardView) row(r crm.BoardRow) fyne.CanvasObject {
	kind := newChip(string(r.Kind), themed(theme.ColorNamePrimary))
	fits := widget.NewSelect(helpChoices(), nil)
	fits.SetSelected(fitRule)
	if r.FitChosen {
		fits.SetSelected(string(r.Fits))
	}
	fits.OnChanged = func(s string) { b.setFit(r, fitOf(s)) }
	b.fits[string(r.Kind)+":"+r.Title] = fits
	head := container.NewBorder(nil, nil, container.NewCenter(kind),
		besideFirstLine(container.NewHBox(container.NewCenter(muted("Help that fits")), fits)), wrappedBold(r.Title))
	facts := fmt.Sprintf("%s · a %s fits", horizonWords(r.Horizon), r.Fits)
	box := container.NewVBox(head, wrappedMuted(facts))
	for _, h := range r.Helpers {
		box.Add(b.helperRow(h))
	}
	if !r.Covered {
		find := widget.NewButtonWithIcon("Find one", theme.SearchIcon(), func() { b.startProspect(r) })
		find.Importance = widget.HighImportance
		look := wrappedBold(capitalize(r.LookFor))
		look.Importance = widget.WarningImportance
		box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(find), look))
	}
	return card(box)
}

// helperRow is one person linked to a need: their name (opens their page),
// the role they give it in, and when you last talked.
func (b *boardView) helperRow(h crm.BoardHelper) fyne.CanvasObject {
	open := widget.NewButton(h.Name, func() { b.m.OpenPerson(h.ID) })
	open.Importance = widget.LowImportance
	open.Alignment = widget.ButtonAlignLeading
	role := "no role now"
	if h.Role != "" {
		role = string(h.Role)
	}
	last := "last talked " + relDay(h.LastContact, b.today)
	if h.LastContact.IsZero() {
		last = "never talked"
	}
	return container.NewBorder(nil, nil, nil, muted(role+"  ·  "+last), cutLines(open))
}

// setFit saves the kind of help chosen for a goal or a gap.
func (b *boardView) setFit(r crm.BoardRow, fit crm.RoleKind) {
	b.m.save(func(tx *store.Tx) error {
		if r.Kind == crm.NeedGap {
			g, err := tx.Gap(r.ID)
			if err != nil {
				return err
			}
			g.Fits = fit
			return tx.UpdateGap(g)
		}
		return tx.SetGoalFit(r.ID, fit)
	}, nil)
}

// startProspect opens a new prospect for an uncovered row, sought for its
// role and serving it.
func (b *boardView) startProspect(r crm.BoardRow) {
	p := &crm.Prospect{Role: r.Fits}
	if r.Kind == crm.NeedGap {
		p.GapID, p.Gap = r.ID, r.Title
	} else {
		p.GoalID, p.Goal = r.ID, r.Title
	}
	b.started = newProspectForm(b.m, p)
	b.started.show()
}
