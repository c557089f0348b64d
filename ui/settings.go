package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// settingsView is the Settings screen: default cadences, the database and
// its backups, the theme, and room for other parts of Kith (the calendar)
// to add their own section with addSection.
type settingsView struct {
	m        *Main
	root     fyne.CanvasObject
	sections *fyne.Container
	cadences map[crm.RoleKind]*field
	saveCad  *widget.Button
	cadWhy   *canvas.Text
	theme    *widget.RadioGroup
	path     *widget.Label
	db       *databaseSection
	cal      *calendarSection
	desk     *desktopSection
}

var cadenceRoles = append(append([]crm.RoleKind{}, crm.Roles...), crm.RoleNone)

func newSettingsView(m *Main) *settingsView {
	v := &settingsView{m: m, sections: container.NewVBox(), cadences: map[crm.RoleKind]*field{}, cadWhy: newReason()}
	v.addSection("Check-in cadence", v.cadenceSection())
	v.db = newDatabaseSection(m)
	v.path = v.db.path
	v.addSection("Database", v.db.content)
	v.addSection("Appearance", v.themeSection())
	v.desk = newDesktopSection(m)
	v.addSection("Reminders and tray", v.desk.content)
	v.cal = newCalendarSection(m)
	v.addSection("Calendar", v.cal.content)
	v.root = container.NewBorder(container.NewPadded(screenTitle("Settings")), nil, nil, nil,
		container.NewVScroll(container.NewPadded(v.sections)))
	return v
}

// addSection adds a titled card to the Settings screen.
func (v *settingsView) addSection(title string, content fyne.CanvasObject) {
	v.sections.Add(titledCard(title, content))
}

func (v *settingsView) view() fyne.CanvasObject { return v.root }

func (v *settingsView) cadenceSection() fyne.CanvasObject {
	grid := container.NewGridWithColumns(2)
	for _, r := range cadenceRoles {
		e := v.m.entry("e.g. 2w")
		if r == crm.RoleNone {
			e = v.m.entry("none")
		}
		e.OnChanged = func(string) { v.checkCadences() }
		v.cadences[r] = e
		label := fyne.CanvasObject(roleChip(r))
		if r == crm.RoleNone {
			label = newChip("no role", archivedColor)
		}
		grid.Add(container.NewBorder(nil, nil, fixedWidth(container.NewHBox(label), 90), nil, e))
	}
	v.saveCad = widget.NewButtonWithIcon("Save cadences", theme.DocumentSaveIcon(), v.saveCadences)
	return container.NewVBox(
		muted("How often to check in with someone in each role, unless their page says otherwise (e.g. 10d, 2w, 3m)."),
		muted("Leave \"no role\" empty for no check-ins with people who have no role."),
		grid, container.NewHBox(v.saveCad, container.NewCenter(v.cadWhy)))
}

func (v *settingsView) reload() {
	v.desk.reload()
	v.cal.reload()
	v.db.reload()
	var cad map[crm.RoleKind]int
	v.m.load(func(tx *store.Tx) error {
		var err error
		cad, err = tx.RoleCadences()
		return err
	}, func() {
		for r, e := range v.cadences {
			e.SetText(cadenceText(cad[r]))
		}
		v.checkCadences()
	})
}

// parseCadences reads every cadence field, or says which one is wrong.
func (v *settingsView) parseCadences() (map[crm.RoleKind]int, string) {
	out := map[crm.RoleKind]int{}
	for _, r := range cadenceRoles {
		days, err := spanDays(v.cadences[r].Text)
		if r == crm.RoleNone {
			days, err = noneCadence(v.cadences[r].Text)
		}
		if err != nil {
			return nil, fmt.Sprintf("%s: %v", r, err)
		}
		out[r] = days
	}
	return out, ""
}

// cadenceText writes a default cadence in its field: empty for none.
func cadenceText(days int) string {
	if days == 0 {
		return ""
	}
	return crm.FormatDays(days)
}

// noneCadence reads the cadence of people without a role: empty or "none"
// is no check-in (0 days).
func noneCadence(s string) (int, error) {
	if t := strings.TrimSpace(s); t == "" || strings.EqualFold(t, "none") {
		return 0, nil
	}
	return spanDays(s)
}

func (v *settingsView) checkCadences() {
	_, why := v.parseCadences()
	explain(v.cadWhy, v.saveCad, why)
}

func (v *settingsView) saveCadences() {
	cad, why := v.parseCadences()
	if why != "" {
		return
	}
	v.m.save(func(tx *store.Tx) error {
		for r, d := range cad {
			if err := tx.SetRoleCadence(r, d); err != nil {
				return err
			}
		}
		return nil
	}, func() { v.m.bar.show("Saved the default cadences.", nil) })
}

func (v *settingsView) themeSection() fyne.CanvasObject {
	labels := map[string]string{"Follow the system": themeSystem, "Light": themeLight, "Dark": themeDark}
	v.theme = widget.NewRadioGroup([]string{"Follow the system", "Light", "Dark"}, nil)
	v.theme.Horizontal = true
	current := fyne.CurrentApp().Preferences().StringWithFallback(prefTheme, themeSystem)
	for l, c := range labels {
		if c == current {
			v.theme.SetSelected(l)
		}
	}
	v.theme.OnChanged = func(l string) {
		choice, ok := labels[l]
		if !ok {
			return
		}
		a := fyne.CurrentApp()
		a.Preferences().SetString(prefTheme, choice)
		applyTheme(a, choice)
		v.m.rebuild()
	}
	return v.theme
}
