package ui

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// flagListLimit bounds the names the neglected and taking-more cards list;
// the Relationships tab filters for the rest.
const flagListLimit = 10

// overviewTab is the review at a glance: the totals against the quarter
// before and the budget, the charts, and who needs attention.
func (v *reviewView) overviewTab() fyne.CanvasObject {
	r := v.r
	kept, missed := r.CheckinTotals()
	tiles := columns(4,
		v.activityTile(),
		statTile("TIME", review.Hours(r.Minutes), budgetLine(float64(r.Minutes), float64(r.Budget.MinutesQuarter), review.Hours(r.Budget.MinutesQuarter)),
			budgetMeter(float64(r.Minutes), float64(r.Budget.MinutesQuarter)), "vs "+review.Hours(r.Previous.Minutes)+" in "+r.Previous.Quarter.String()),
		statTile("MONEY SPENT", moneyText(r.MoneySpent), budgetLine(r.MoneySpent, r.Budget.MoneyQuarter, moneyText(r.Budget.MoneyQuarter)),
			budgetMeter(r.MoneySpent, r.Budget.MoneyQuarter), "vs "+moneyText(r.Previous.MoneySpent)+" in "+r.Previous.Quarter.String()),
		statTile("CHECK-INS", fmt.Sprintf("%d kept", kept), fmt.Sprintf("%d missed", missed),
			meter(float64(kept), float64(kept+missed)), onTimeLine(kept, missed)),
	)
	months, values := r.RoleMonths()
	labels := make([]string, len(months))
	for i, m := range months {
		labels[i] = monthName(m)
	}
	roleNames, roleCols := chartRoles()
	activity := card(container.NewBorder(container.NewVBox(heading("Interactions per month by role"), legend(roleNames, roleCols)),
		nil, nil, nil, stackedBars(labels, values, roleCols)))
	gaveC, gotC := directionColor(crm.Gave), directionColor(crm.Received)
	keptC, missedC := themed(colorSoon), themed(theme.ColorNameError)
	balance := titledCard("Given and received", container.NewVBox(
		note(fmt.Sprintf("The %d people you traded most with: received to the left, gave to the right.", review.ChartLimit)),
		legend([]string{"gave", "received"}, []color.Color{gaveC, gotC}),
		personBars(r.BalanceBars(review.ChartLimit), true, gaveC, gotC)))
	cadence := titledCard("Check-ins kept and missed", container.NewVBox(
		note("A check-in is kept when you met by its due date."),
		legend([]string{"kept", "missed"}, []color.Color{keptC, missedC}),
		personBars(r.CadenceBars(review.ChartLimit), false, keptC, missedC)))
	body := container.NewVBox(tiles,
		container.NewBorder(nil, nil, nil, fixedWidth(titledCard("By role", v.roleTable()), 400), activity),
		container.NewGridWithColumns(2, balance, cadence),
		container.NewGridWithColumns(2, v.flagCard(review.FlagNeglected), v.flagCard(review.FlagTakingMore)),
	)
	return container.NewVScroll(container.NewPadded(body))
}

func (v *reviewView) activityTile() fyne.CanvasObject {
	r := v.r
	diff := r.Interactions - r.Previous.Interactions
	detail := fmt.Sprintf("%s vs %s (%d)", signedText(diff), r.Previous.Quarter, r.Previous.Interactions)
	per := ""
	for i, m := range r.Months {
		if i > 0 {
			per += " · "
		}
		per += fmt.Sprintf("%s %d", monthName(m.Month), m.Interactions)
	}
	t := statTile("INTERACTIONS", strconv.Itoa(r.Interactions), detail, nil, per)
	return t
}

// statTile is one headline figure with what it compares with.
func statTile(title, value, detail string, extra fyne.CanvasObject, foot string) fyne.CanvasObject {
	big := canvas.NewText(value, theme.Color(theme.ColorNameForeground))
	big.TextStyle.Bold = true
	big.TextSize = 26
	line := canvas.NewText(detail, theme.Color(theme.ColorNameForeground))
	box := container.NewVBox(muted(title), big, line)
	if extra != nil {
		box.Add(extra)
	}
	box.Add(muted(foot))
	return card(box)
}

// budgetMeter shows how much of a budget is used, when there is one.
func budgetMeter(used, budget float64) fyne.CanvasObject {
	if budget <= 0 {
		return nil
	}
	return meter(used, budget)
}

func budgetLine(used, budget float64, budgetText string) string {
	if budget <= 0 {
		return "no budget set"
	}
	return fmt.Sprintf("%.0f%% of %s budgeted", 100*used/budget, budgetText)
}

func onTimeLine(kept, missed int) string {
	if kept+missed == 0 {
		return "none fell due"
	}
	return fmt.Sprintf("%.0f%% kept on time", 100*float64(kept)/float64(kept+missed))
}

// chartRoles names the roles of the by-role chart and their colours, the
// same as the role chips.
func chartRoles() ([]string, []color.Color) {
	names := make([]string, len(review.ChartRoles))
	cols := make([]color.Color, len(review.ChartRoles))
	for i, role := range review.ChartRoles {
		names[i], cols[i] = roleLabel(role), roleColor(role)
	}
	return names, cols
}

func roleLabel(r crm.RoleKind) string {
	if r == crm.RoleNone {
		return "no role"
	}
	return string(r)
}

// roleTable lists each role's interactions and time beside the quarter before.
func (v *reviewView) roleTable() fyne.CanvasObject {
	r := v.r
	grid := table(4, muted("Role"), muted("Interactions"), muted("Time"), muted("In "+r.Previous.Quarter.String()))
	for _, role := range review.ChartRoles {
		c, p := r.ByRole[role], r.Previous.ByRole[role]
		grid.Add(container.NewHBox(newChip(roleLabel(role), roleColor(role))))
		grid.Add(bold(strconv.Itoa(c.Interactions)))
		grid.Add(widget.NewLabel(review.Hours(c.Minutes)))
		grid.Add(vcenter(muted(fmt.Sprintf("%d · %s", p.Interactions, review.Hours(p.Minutes)))))
	}
	return container.NewVBox(grid,
		note("An interaction counts once for each role held that day by someone who took part."))
}

// flagCard lists the people carrying a flag, each a click away from their
// row in Relationships.
func (v *reviewView) flagCard(f review.Flag) fyne.CanvasObject {
	title, none := "Neglected", "Nobody neglected: everyone due was met."
	if f == review.FlagTakingMore {
		title, none = "Taking more than giving", "You gave at least as much as you took from everyone."
	}
	list := container.NewVBox()
	n := 0
	for i := range v.r.Contacts {
		c := &v.r.Contacts[i]
		if !c.Has(f) {
			continue
		}
		n++
		if n > flagListLimit {
			continue
		}
		list.Add(v.flagRow(c, f))
	}
	if n == 0 {
		list.Add(muted(none))
	}
	if n > flagListLimit {
		more := widget.NewButton(fmt.Sprintf("All %d in Relationships", n), func() { v.people.filterBy(string(f)) })
		more.Importance = widget.LowImportance
		list.Add(container.NewHBox(more))
	}
	return titledCard(fmt.Sprintf("%s (%d)", title, n), list)
}

func (v *reviewView) flagRow(c *review.Relationship, f review.Flag) fyne.CanvasObject {
	why := "last contact " + relDay(c.LastContact, v.r.AsOf)
	if f == review.FlagTakingMore {
		why = fmt.Sprintf("over two quarters: gave %d, received %d", c.Gave2Q, c.Received2Q)
	}
	id := c.ID
	open := widget.NewButton(c.Name, func() { v.people.reveal(id) })
	open.Importance = widget.LowImportance
	open.Alignment = widget.ButtonAlignLeading
	return container.NewVBox(container.NewBorder(nil, nil, nil, roleChips(c.Roles), cutLines(open)), note(why))
}

// vcenter centres an object vertically, leaving it at the leading edge.
func vcenter(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), o, layout.NewSpacer())
}

// monthName writes YYYY-MM as the month's short name.
func monthName(ym string) string {
	d, err := crm.ParseDate(ym + "-01")
	if err != nil {
		return ym
	}
	return d.Time().Format("Jan")
}

// moneyText writes an amount in the user's own currency, without cents
// when there are none.
func moneyText(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func signedText(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
