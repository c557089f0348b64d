package ui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
)

// chip is a small rounded label in a solid colour: a role, "archived".
type chip struct {
	widget.BaseWidget
	rect *canvas.Rectangle
	text *canvas.Text
}

func newChip(label string, fill color.Color) *chip {
	c := &chip{rect: canvas.NewRectangle(fill), text: canvas.NewText(label, textOn(fill))}
	c.rect.CornerRadius = 9
	c.text.TextSize = theme.CaptionTextSize()
	c.text.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

func roleChip(r crm.RoleKind) *chip { return newChip(string(r), roleColor(r)) }

// set changes the chip's label and colour.
func (c *chip) set(label string, fill color.Color) {
	c.text.Text, c.rect.FillColor, c.text.Color = label, fill, textOn(fill)
	c.Refresh()
}

// CreateRenderer draws the chip.
func (c *chip) CreateRenderer() fyne.WidgetRenderer { return &chipRenderer{c} }

type chipRenderer struct{ c *chip }

// MinSize fits the label with a margin round it.
func (r *chipRenderer) MinSize() fyne.Size {
	s := r.c.text.MinSize()
	return fyne.NewSize(s.Width+16, s.Height+4)
}

// Layout centres the pill and its label in the space given.
func (r *chipRenderer) Layout(size fyne.Size) {
	h := r.MinSize().Height
	y := (size.Height - h) / 2
	r.c.rect.Move(fyne.NewPos(0, y))
	r.c.rect.Resize(fyne.NewSize(size.Width, h))
	ts := r.c.text.MinSize()
	r.c.text.Move(fyne.NewPos((size.Width-ts.Width)/2, y+(h-ts.Height)/2))
	r.c.text.Resize(ts)
}

// Refresh redraws the pill and its label.
func (r *chipRenderer) Refresh() {
	r.c.rect.Refresh()
	r.c.text.Refresh()
}

// Objects are the pill and its label.
func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.rect, r.c.text} }

// Destroy has nothing to release.
func (r *chipRenderer) Destroy() {}

// highlight marks the chosen button of a set, and gives the others the
// importance rest.
func highlight[K comparable](buttons map[K]*widget.Button, chosen K, rest widget.Importance) {
	for k, b := range buttons {
		b.Importance = rest
		if k == chosen {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

// orNote returns box, holding a muted note when nothing was put in it.
func orNote(box *fyne.Container, note string) *fyne.Container {
	if len(box.Objects) == 0 {
		box.Add(muted(note))
	}
	return box
}

// roleChips lays out the chips of a list of roles.
func roleChips(roles []crm.RoleKind) *fyne.Container {
	box := container.NewHBox()
	for _, r := range roles {
		box.Add(roleChip(r))
	}
	return box
}

// card puts content on a rounded surface that stands off the background.
func card(content fyne.CanvasObject) *fyne.Container {
	bg := canvas.NewRectangle(themed(colorCard))
	bg.CornerRadius = 10
	bg.StrokeColor = themed(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(12, 12, 14, 14), content))
}

// titledCard is a card with a heading.
func titledCard(title string, content fyne.CanvasObject) *fyne.Container {
	return card(container.NewVBox(heading(title), content))
}

// heading is a section title.
func heading(s string) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextStyle.Bold = true
	t.TextSize = theme.TextSubHeadingSize()
	return t
}

// screenTitle is the large title at the top of a screen.
func screenTitle(s string) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextStyle.Bold = true
	t.TextSize = theme.TextHeadingSize()
	return t
}

// muted is secondary text: dates, companies, explanations.
func muted(s string) *canvas.Text {
	t := canvas.NewText(s, themed(colorMuted))
	t.TextSize = theme.CaptionTextSize() + 1
	return t
}

// wrapped is a label that wraps at word boundaries.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// bold is a bold label.
func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// initials gives the one or two letters of a person's avatar: the first
// letter of the first and of the last word that has one, so an emoji or a
// quote before a name is passed over; "?" when no word has a letter.
func initials(name string) string {
	var first []rune
	for _, w := range strings.Fields(name) {
		if i := strings.IndexFunc(w, unicode.IsLetter); i >= 0 {
			r, _ := utf8.DecodeRuneInString(w[i:])
			first = append(first, unicode.ToUpper(r))
		}
	}
	switch len(first) {
	case 0:
		return "?"
	case 1:
		return string(first)
	}
	return string([]rune{first[0], first[len(first)-1]})
}

// avatarFill is the colour of a person's avatar: their first role's, or
// the muted grey of the theme when they have none.
func avatarFill(roles []crm.RoleKind) color.Color {
	if len(roles) > 0 {
		return roleColor(roles[0])
	}
	return themed(colorMuted)
}

// avatar is a coloured disc with a person's initials, coloured by their
// first role.
func avatar(name string, roles []crm.RoleKind, size float32) *fyne.Container {
	fill := avatarFill(roles)
	disc := canvas.NewCircle(fill)
	txt := canvas.NewText(initials(name), textOn(fill))
	txt.TextStyle.Bold = true
	txt.TextSize = size * 0.4
	txt.Alignment = fyne.TextAlignCenter
	box := container.NewStack(disc, container.NewCenter(txt))
	return container.NewGridWrap(fyne.NewSize(size, size), box)
}

// setAvatar recolours and reletters an avatar made by avatar.
func setAvatar(a *fyne.Container, name string, roles []crm.RoleKind) {
	box := a.Objects[0].(*fyne.Container)
	disc := box.Objects[0].(*canvas.Circle)
	txt := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	disc.FillColor = avatarFill(roles)
	txt.Text, txt.Color = initials(name), textOn(disc.FillColor)
	disc.Refresh()
	txt.Refresh()
}

// relDay says how far a day is from today in words: "today", "3 days ago",
// "in 2 weeks".
func relDay(d, today crm.Date) string {
	if d.IsZero() {
		return "never"
	}
	n := today.DaysUntil(d)
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 0:
		return "in " + spanWords(n)
	}
	return spanWords(-n) + " ago"
}

// lateness says how late or early a check-in is.
func lateness(daysOverdue int) string {
	switch {
	case daysOverdue == 0:
		return "due today"
	case daysOverdue == -1:
		return "due tomorrow"
	case daysOverdue < 0:
		return "due in " + spanWords(-daysOverdue)
	}
	return spanWords(daysOverdue) + " late"
}

func spanWords(days int) string {
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case days < 14:
		return plural(days, "day")
	case days < 60:
		return plural(days/7, "week")
	case days < 730:
		return plural(days/30, "month")
	}
	return plural(days/365, "year")
}

// longDate writes a day as "Tue 25 Nov 2026".
func longDate(d crm.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.Time().Format("Mon 2 Jan 2006")
}

// shortDate writes a day as "25 Nov".
func shortDate(d crm.Date, today crm.Date) string {
	if d.IsZero() {
		return "—"
	}
	if d.Time().Year() != today.Time().Year() {
		return d.Time().Format("2 Jan 2006")
	}
	return d.Time().Format("2 Jan")
}

// exchangeSentence writes an exchange as a person reads it.
func exchangeSentence(e crm.Exchange) string {
	arrow := "→ gave"
	if e.Direction == crm.Received {
		arrow = "← received"
	}
	s := fmt.Sprintf("%s %s: %s", arrow, e.Kind, e.Description)
	if e.Commitment {
		if e.DoneOn.IsZero() {
			s += "  (promised)"
		} else {
			s += "  (kept " + e.DoneOn.String() + ")"
		}
	}
	return s
}

// stringsOf turns a list of named values, such as roles, into their names.
func stringsOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// spacer is a fixed gap.
func spacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(h, h))
	return r
}

// field is an entry that closes its dialog on Esc, and leaves on Tab even
// when it takes several lines.
type field struct {
	widget.Entry
	onEsc func()
}

func newField(placeholder string) *field {
	// Scrolled sideways as widget.NewEntry does: a field holding a long
	// text (a 200-character name) would otherwise be as wide as the text.
	f := &field{Entry: widget.Entry{Wrapping: fyne.TextWrap(fyne.TextTruncateClip)}}
	f.ExtendBaseWidget(f)
	f.PlaceHolder = placeholder
	return f
}

func newMultiField(placeholder string) *field {
	f := newField(placeholder)
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(3)
	return f
}

// TypedKey closes the dialog on Esc and types everything else.
func (f *field) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && f.onEsc != nil {
		f.onEsc()
		return
	}
	f.Entry.TypedKey(k)
}

// AcceptsTab is false, so Tab moves on to the next field: a notes field
// that kept the Tab would trap the keyboard in it (a multi-line Entry
// takes Tab as text by default).
func (f *field) AcceptsTab() bool { return false }

// dateField is a YYYY-MM-DD entry with a calendar to pick from. Typed text
// is checked as it changes; the field shows what is wrong.
type dateField struct {
	*field
	optional bool
	win      fyne.Window
	// opened is told of the calendar pop-up when it shows, so Esc closes
	// it before the dialog under it.
	opened func(pop *widget.PopUp)
}

func newDateField(w fyne.Window, d crm.Date, optional bool) *dateField {
	// The widget on screen is the dateField, not its field: Fyne focuses,
	// refreshes and finds the canvas of the widget a BaseWidget was
	// extended with, so extending the field would leave a click on the
	// date field focusing nothing (typing went on into the field before).
	f := &dateField{field: &field{}, optional: optional, win: w}
	f.ExtendBaseWidget(f)
	f.PlaceHolder = "YYYY-MM-DD"
	f.SetText(d.String())
	f.Validator = func(s string) error {
		_, err := f.parse(s)
		return err
	}
	f.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.pick)
	return f
}

func (f *dateField) parse(s string) (crm.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if f.optional {
			return crm.Date{}, nil
		}
		return crm.Date{}, fmt.Errorf("a date is needed (YYYY-MM-DD)")
	}
	d, err := crm.ParseDate(s)
	var missing *crm.NoSuchDayError
	var outside *crm.OutOfRangeError
	if errors.As(err, &missing) || errors.As(err, &outside) {
		return crm.Date{}, err // "February 2026 has no 30th" says more than the format
	}
	if err != nil {
		return crm.Date{}, fmt.Errorf("not a date: want YYYY-MM-DD")
	}
	return d, nil
}

// date returns the field's day, or an error naming what is wrong.
func (f *dateField) date() (crm.Date, error) { return f.parse(f.Text) }

// pick opens a calendar under the field. The field takes the focus first,
// and gets it back when a day is picked, so typing goes on there.
func (f *dateField) pick() {
	start := time.Now()
	if d, err := f.date(); err == nil && !d.IsZero() {
		start = d.Time()
	}
	c := f.win.Canvas()
	c.Focus(f)
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		f.SetText(crm.DateOf(t).String())
		pop.Hide()
		c.Focus(f)
	})
	pop = widget.NewPopUp(card(cal), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	pop.ShowAtPosition(pos.AddXY(0, f.Size().Height))
	if f.opened != nil {
		f.opened(pop)
	}
}
