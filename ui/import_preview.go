package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/importer"
)

// noRole is the choice of no role in the preview's role lists.
const noRole = "No role"

// maxCategoryRows is how many category choices show before they scroll.
const maxCategoryRows = 4

// importPreview is the dialog that shows what an import would do before
// anything is written: counts, the fields each update fills, the refused
// records and why, and the choices of role, cadence and roles for the
// file's categories. Import runs it; Cancel writes nothing.
type importPreview struct {
	m       *Main
	src     *importer.Source
	plan    *importer.Plan
	form    *formDialog
	content fyne.CanvasObject
	summary *widget.Label
	tabs    *container.AppTabs
	role    *widget.Select
	cadence *field
	cats    map[string]*widget.Select // by category name
	skipBad *widget.Check
}

func newImportPreview(m *Main, src *importer.Source, p *importer.Plan) *importPreview {
	v := &importPreview{m: m, src: src, plan: p, cats: map[string]*widget.Select{}}
	v.summary = bold(fmt.Sprintf("%s %s: %d to add, %d to update, %d unchanged, %d refused.", p.Format.Label(), p.File,
		len(p.Added), len(p.Updated), len(p.Unchanged), len(p.Refused)))
	v.summary.Wrapping = fyne.TextWrapWord
	v.tabs = container.NewAppTabs(
		container.NewTabItem(fmt.Sprintf("To add (%d)", len(p.Added)), lineList(addedLines(p.Added))),
		container.NewTabItem(fmt.Sprintf("To update (%d)", len(p.Updated)), lineList(updatedLines(p.Updated))),
		container.NewTabItem(fmt.Sprintf("Unchanged (%d)", len(p.Unchanged)), lineList(unchangedLines(p.Unchanged))),
		container.NewTabItem(fmt.Sprintf("Refused (%d)", len(p.Refused)), lineList(refusedLines(p.Refused))))
	if len(p.Added) == 0 && len(p.Refused) > 0 {
		v.tabs.SelectIndex(3)
	}
	v.content = container.NewBorder(container.NewVBox(v.summary, spacer(4)), v.choices(), nil, nil, v.tabs)
	v.form = newFormDialog(m, "Import "+shorten(p.File, titleRunes), "Import", v.content, fyne.NewSize(760, 600))
	v.form.save.SetIcon(theme.DownloadIcon())
	v.form.check = v.check
	v.form.onSave = v.onImport
	return v
}

// choices are what the user decides for the people added.
func (v *importPreview) choices() fyne.CanvasObject {
	roles := append([]string{noRole}, stringsOf(crm.Roles)...)
	v.role = widget.NewSelect(roles, nil)
	v.role.SetSelected(noRole)
	v.cadence = v.m.entry("none, e.g. 6w")
	v.cadence.OnChanged = func(string) { v.form.revalidate() }
	grid := container.NewGridWithColumns(2,
		widget.NewLabel("Role of the people added"), v.role,
		widget.NewLabel("Check in with them every"), v.cadence)
	cats := container.NewGridWithColumns(2)
	for _, c := range v.plan.Categories {
		sel := widget.NewSelect(roles, nil)
		sel.SetSelected(noRole)
		v.cats[c.Name] = sel
		label := widget.NewLabel(fmt.Sprintf("Category %s (%d)", c.Name, c.Count))
		label.Truncation = fyne.TextTruncateEllipsis
		cats.Add(label)
		cats.Add(sel)
	}
	var catBox fyne.CanvasObject = cats
	if len(v.plan.Categories) > maxCategoryRows {
		// An address book can hold dozens of groups: they scroll, and
		// leave the lists above room to show people.
		scroll := container.NewVScroll(cats)
		scroll.SetMinSize(fyne.NewSize(0, float32(maxCategoryRows)*v.role.MinSize().Height))
		catBox = scroll
	}
	box := container.NewVBox(widget.NewSeparator(), grid, catBox,
		wrapped("People added get no role and no check-in unless you choose one here. "+
			"People already in your book keep their roles; only their empty fields are filled."))
	if n := len(v.plan.Refused); n > 0 {
		v.skipBad = widget.NewCheck(fmt.Sprintf("Import the rest, skipping the %s", plural(n, "refused record", "refused records")),
			func(bool) { v.form.revalidate() })
		box.Add(v.skipBad)
	}
	return box
}

func (v *importPreview) show() { v.form.show() }

// check says why Import is off, or "".
func (v *importPreview) check() string {
	switch {
	case v.plan.Empty() && len(v.plan.Refused) == 0:
		return "Nothing to import: " + strings.TrimSuffix(nothingReason(v.plan), ".")
	case len(v.plan.Refused) > 0 && !v.skipBad.Checked:
		return "Some records are refused: fix the file, or import the rest"
	case v.plan.Empty():
		return "Nothing to import besides the refused records"
	}
	if _, err := optionalSpanDays(v.cadence.Text); err != nil {
		return "Cadence: " + err.Error()
	}
	return ""
}

// options reads the user's choices.
func (v *importPreview) options() importer.Options {
	days, _ := optionalSpanDays(v.cadence.Text)
	opts := importer.Options{CadenceDays: days, SkipBad: v.skipBad != nil && v.skipBad.Checked}
	if v.role.Selected != noRole {
		opts.Role = crm.RoleKind(v.role.Selected)
	}
	for name, sel := range v.cats {
		if sel.Selected != noRole {
			if opts.CategoryRoles == nil {
				opts.CategoryRoles = map[string]crm.RoleKind{}
			}
			opts.CategoryRoles[name] = crm.RoleKind(sel.Selected)
		}
	}
	return opts
}

func (v *importPreview) onImport() {
	opts := v.options()
	v.form.close()
	v.m.runImport(v.src, opts, len(v.plan.Added)+len(v.plan.Updated))
}

// lineList shows lines of text, one per row, each cut to the width: a
// list pools its rows, so fifty thousand people cost what a screenful does.
func lineList(lines []string) fyne.CanvasObject {
	if len(lines) == 0 {
		return container.NewCenter(muted("None."))
	}
	return widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
}

func addedLines(added []importer.Added) []string {
	out := make([]string, len(added))
	for i, a := range added {
		parts := []string{a.Name, refsText(a.Records)}
		if len(a.Categories) > 0 {
			parts = append(parts, strings.Join(a.Categories, ", "))
		}
		if a.Note != "" {
			parts = append(parts, a.Note)
		}
		out[i] = strings.Join(parts, " · ")
	}
	return out
}

func updatedLines(updated []importer.Updated) []string {
	out := make([]string, len(updated))
	for i, u := range updated {
		var fields []string
		for _, c := range u.Changes {
			if c.Field == "email" || c.Field == "phone" || c.Field == "url" {
				fields = append(fields, "+ "+c.Field+" "+c.New)
				continue
			}
			fields = append(fields, c.Field+": "+oneLine(c.New))
		}
		out[i] = fmt.Sprintf("%s (matched by %s) · %s%s", u.Name, u.MatchedBy, strings.Join(fields, " · "), conflictsText(u.Conflicts))
	}
	return out
}

func unchangedLines(unchanged []importer.Unchanged) []string {
	out := make([]string, len(unchanged))
	for i, u := range unchanged {
		out[i] = fmt.Sprintf("%s (matched by %s)%s", u.Name, u.MatchedBy, conflictsText(u.Conflicts))
	}
	return out
}

func refusedLines(refused []importer.Refused) []string {
	out := make([]string, len(refused))
	for i, r := range refused {
		name := ""
		if r.Name != "" {
			name = " · " + r.Name
		}
		out[i] = fmt.Sprintf("%s · %s: %s%s", r.Ref, r.Field, r.Reason, name)
	}
	return out
}

// conflictsText lists what the file says otherwise, which is kept as it is.
func conflictsText(cs []importer.Conflict) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s stays %q (file: %q)", c.Field, oneLine(c.Book), oneLine(c.File))
	}
	return " · kept: " + strings.Join(parts, ", ")
}

func refsText(rs []importer.Ref) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, ", ")
}

// oneLine puts a value on one line: notes can hold paragraphs.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
