package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// Why each part of the Me screen matters, in Kith's voice: the fit of a
// coach, a mentor or a circle depends on all of them.
const (
	whyGoals       = "A coach fits a near-term, specific goal; a mentor a long horizon and a broad perspective."
	whyStrengths   = "What you are good at is what you can offer: to mentees, to a circle, to the people you reach out to."
	whyGaps        = "Each gap is a need someone can meet. Link the people who help, as with a goal; the board shows who is missing."
	whyPersonality = "The fit depends on how you work: some grow with one mentor's attention, others among a circle of peers."
	whyInvestment  = "What you will invest decides what fits: a coach costs money, a mentor and a circle cost time."
)

// meView is the Me screen: your goals, strengths, gaps, personality and
// what you will invest, edited in place, and your board of who covers
// each need.
type meView struct {
	m     *Main
	root  *fyne.Container
	body  *fyne.Container
	tabs  map[string]*widget.Button
	about fyne.CanvasObject

	goals       *fyne.Container
	strengths   *field
	personality *field
	hours       *field // per month
	money       *field // per quarter; stored per month
	save        *widget.Button
	reason      *canvas.Text
	gaps        *gapList
	board       *boardView

	// saved is the profile as last read, to tell what changed.
	saved crm.Profile
}

// The two halves of the Me screen.
const (
	meAbout = "About me"
	meBoard = "Board"
)

func newMeView(m *Main) *meView {
	v := &meView{m: m, goals: container.NewVBox(), reason: newReason(),
		strengths:   m.multiEntry("What you do well: skills, experience, what people ask you for"),
		personality: m.multiEntry("How you work and learn: introvert or extrovert, what keeps you going"),
		hours:       m.entry("hours"), money: m.entry("amount")}
	v.gaps = newGapList(v)
	v.board = newBoardView(m)
	v.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), v.onSave)
	v.save.Importance = widget.HighImportance
	for _, f := range []*field{v.strengths, v.personality, v.hours, v.money} {
		f.OnChanged = func(string) { v.check() }
	}
	v.about = container.NewVScroll(container.NewPadded(container.NewVBox(
		v.goalsCard(),
		section("Strengths", whyStrengths, v.strengths),
		v.gaps.card(),
		section("Personality", whyPersonality, v.personality),
		section("Investment", whyInvestment, container.NewGridWithColumns(2,
			labelled("Hours per month", v.hours), labelled("Money per quarter", v.money))),
		container.NewBorder(nil, nil, nil, v.save, vcenter(cutLines(v.reason))),
	)))
	v.tabs = map[string]*widget.Button{}
	for _, name := range []string{meAbout, meBoard} {
		v.tabs[name] = widget.NewButton(name, func() { v.showPart(name) })
	}
	header := container.NewBorder(nil, nil,
		container.NewVBox(screenTitle("Me"), muted("Know what you need, then see who helps with it.")),
		container.NewCenter(container.NewHBox(v.tabs[meAbout], v.tabs[meBoard])))
	v.body = container.NewStack()
	v.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, v.body)
	v.showPart(meAbout)
	return v
}

func (v *meView) view() fyne.CanvasObject { return v.root }

// showPart shows About me or the board.
func (v *meView) showPart(name string) {
	highlight(v.tabs, name, widget.MediumImportance)
	part := v.about
	if name == meBoard {
		part = v.board.view()
		v.board.reload()
	}
	v.body.Objects = []fyne.CanvasObject{part}
	v.body.Refresh()
}

// section is a card with a heading, one line on why it matters, and what
// the user edits.
func section(title, why string, content fyne.CanvasObject) fyne.CanvasObject {
	return card(container.NewVBox(heading(title), wrappedMuted(why), content))
}

// wrappedMuted is a line of explanation that wraps, in the muted colour
// of dates and explanations (a low-importance label is the disabled grey,
// too faint to read on the dark theme).
func wrappedMuted(s string) *widget.RichText {
	return wrappedRich(s, widget.RichTextStyle{ColorName: colorMuted, SizeName: theme.SizeNameText})
}

// labelled puts a caption above a field.
func labelled(caption string, f fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(muted(caption), f)
}

func (v *meView) goalsCard() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("New goal", theme.ContentAddIcon(), func() { newGoalForm(v.m, nil).show() })
	open := widget.NewButton("Open Goals", func() { v.m.Show(screenGoals) })
	head := container.NewBorder(nil, nil, nil, container.NewHBox(add, open), heading("Goals"))
	return card(container.NewVBox(head, wrappedMuted(whyGoals), v.goals))
}

// reload reads the profile, the active goals and the gaps, and shows them.
func (v *meView) reload() {
	var p crm.Profile
	var goals []*crm.Goal
	var gaps gapsLoaded
	v.m.load(func(tx *store.Tx) (err error) {
		if p, err = tx.Profile(); err != nil {
			return err
		}
		if goals, err = tx.Goals(); err != nil {
			return err
		}
		gaps, err = v.gaps.read(tx)
		return err
	}, func() {
		v.showGoals(goals)
		v.showProfile(p)
		v.gaps.show(gaps)
	})
	if v.body.Objects[0] != v.about {
		v.board.reload()
	}
}

func (v *meView) showGoals(goals []*crm.Goal) {
	v.goals.Objects = nil
	for _, g := range goals {
		if g.Status != crm.GoalActive {
			continue
		}
		v.goals.Add(container.NewBorder(nil, nil, nil, muted(horizonWords(g.Horizon)), wrapped(g.Title)))
	}
	orNote(v.goals, "No active goals. Name one: the board finds who helps with it.")
	v.goals.Refresh()
}

// horizonWords is how a horizon reads beside a goal or gap.
func horizonWords(h crm.Horizon) string {
	if h == crm.LongTerm {
		return "long-term"
	}
	return "short-term"
}

// showProfile shows the profile as read. A field typed in and not saved
// keeps what was typed: adding a gap or a goal reloads the screen, and
// must not throw away half-written strengths.
func (v *meView) showProfile(p crm.Profile) {
	old := v.saved
	refill(v.strengths, old.Strengths, p.Strengths)
	refill(v.personality, old.Personality, p.Personality)
	refill(v.hours, amountText(old.BudgetHours), amountText(p.BudgetHours))
	refill(v.money, amountText(old.BudgetMoney*3), amountText(p.BudgetMoney*3))
	v.saved = p
	v.check()
}

// refill shows now in f, unless f holds something other than was, which
// the user typed.
func refill(f *field, was, now string) {
	if f.Text == was {
		f.SetText(now)
	}
}

// amountText writes a budget figure, empty when none is set.
func amountText(x float64) string {
	if x == 0 {
		return ""
	}
	return moneyText(math.Round(x*100) / 100)
}

// readAmount reads a budget field: empty is none, else a number not below 0.
func readAmount(label, s string) (float64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ""
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 || x > 1e9 {
		return 0, fmt.Sprintf("%s: %q is not an amount", label, s)
	}
	return x, ""
}

// profile is the profile the fields describe, and why it cannot be saved
// when it cannot.
func (v *meView) profile() (crm.Profile, string) {
	p := v.saved
	p.Strengths, p.Personality = v.strengths.Text, v.personality.Text
	hours, why := readAmount("Hours per month", v.hours.Text)
	if why != "" {
		return p, why
	}
	money, why := readAmount("Money per quarter", v.money.Text)
	if why != "" {
		return p, why
	}
	p.BudgetHours = hours
	// The quarter is what people budget for; the book keeps a month, as
	// kith profile --budget-money does. An unchanged field keeps the
	// stored figure exactly, however the division rounds.
	if v.money.Text != amountText(v.saved.BudgetMoney*3) {
		p.BudgetMoney = money / 3
	}
	if v.hours.Text == amountText(v.saved.BudgetHours) {
		p.BudgetHours = v.saved.BudgetHours
	}
	return p, ""
}

// check turns Save on when something changed and it all reads, and says
// what does not read.
func (v *meView) check() {
	p, why := v.profile()
	explain(v.reason, v.save, why)
	if why == "" && sameProfile(p, v.saved) {
		v.save.Disable()
	}
}

// sameProfile reports whether the Me screen's fields of a and b agree.
func sameProfile(a, b crm.Profile) bool {
	return a.Strengths == b.Strengths && a.Personality == b.Personality &&
		a.BudgetHours == b.BudgetHours && a.BudgetMoney == b.BudgetMoney
}

func (v *meView) onSave() {
	p, why := v.profile()
	if why != "" {
		return
	}
	before := v.saved
	v.m.save(func(tx *store.Tx) error { return tx.SetProfile(p) }, func() {
		v.m.bar.show("Saved what you know about yourself.", func() {
			v.m.save(func(tx *store.Tx) error { return tx.SetProfile(before) }, nil)
		})
	})
}
