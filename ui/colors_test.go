package ui

import (
	"fmt"
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// legendColors reads a chart legend's swatches: the colour beside each
// name, for the names asked about.
func legendColors(o fyne.CanvasObject, names ...string) map[string]color.Color {
	out := map[string]color.Color{}
	var swatch color.Color
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		case *canvas.Rectangle:
			swatch = x.FillColor
		case *canvas.Text:
			for _, n := range names {
				if x.Text == n && out[n] == nil {
					out[n] = swatch
				}
			}
		}
	}
	walk(o)
	return out
}

// bigNumbers are the colours of the large figures of a card, in order.
func bigNumbers(o fyne.CanvasObject) []color.Color {
	var out []color.Color
	visitShown(o, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && t.TextSize == 28 {
			out = append(out, t.Color)
		}
		return true
	})
	return out
}

// textColor is the colour of the first text shown in o.
func textColor(o fyne.CanvasObject) color.Color {
	var c color.Color
	visitShown(o, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && c == nil {
			c = t.Color
		}
		return c == nil
	})
	return c
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return false
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

func hexOf(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// Given and received have one colour each: on a person's page, in their
// timeline, in the review's chart, and in the HTML report.
func TestGaveAndReceivedKeepTheirColoursEverywhere(t *testing.T) {
	m, _ := newReviewMain(t)
	chart := legendColors(m.review.overviewTab(), "gave", "received")
	gave, got := textColor(exchangeText(crm.Exchange{Direction: crm.Gave})),
		textColor(exchangeText(crm.Exchange{Direction: crm.Received}))

	d, _ := newDemoMain(t)
	d.OpenPerson(2) // Marcus Chen, who gave and received
	figures := bigNumbers(d.people.page.balanceCard())
	if len(figures) != 2 {
		t.Fatalf("the give & receive card has %d figures", len(figures))
	}
	for _, c := range []struct {
		where     string
		gave, got color.Color
	}{{"the review's chart", chart["gave"], chart["received"]}, {"the person's counts", figures[0], figures[1]}} {
		if !sameColor(c.gave, gave) || !sameColor(c.got, got) {
			t.Errorf("%s colours gave %v and received %v; the timeline %v and %v", c.where, c.gave, c.got, gave, got)
		}
	}
	if sameColor(gave, got) {
		t.Error("gave and received share a colour")
	}
	light := newKithTheme(test.Theme(), themeLight)
	if g, r := hexOf(light.Color(colorGave, theme.VariantLight)), hexOf(light.Color(colorReceived, theme.VariantLight)); g != review.ColorGave || r != review.ColorReceived {
		t.Errorf("the HTML report colours gave %s and received %s, the window %s and %s", review.ColorGave, review.ColorReceived, g, r)
	}
}

// "Balanced" is said only of equal give and take; otherwise the note says
// who gave more.
func TestBalanceSaysWhoGaveMore(t *testing.T) {
	for _, c := range []struct {
		gave, received int
		want           string
	}{
		{0, 0, "Nothing exchanged yet"},
		{2, 2, "Balanced"},
		{1, 3, "They gave more"},
		{3, 1, "You gave more"},
		{2, 3, "They gave more"},
		{1, 4, "Time to give something back?"},
		{2, 7, "Time to give something back?"},
		{4, 1, "You give much more than you receive"},
	} {
		if got := balanceNote(c.gave, c.received); got != c.want {
			t.Errorf("gave %d, received %d: %q, want %q", c.gave, c.received, got, c.want)
		}
	}
}

// Every avatar and role chip reads at WCAG AA (4.5:1) in both themes: the
// role colours, archived, and the grey of people with no role.
func TestAvatarsAndChipsKeepReadableContrast(t *testing.T) {
	for _, variant := range []string{themeLight, themeDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(newKithTheme(test.Theme(), variant))
		var roles [][]crm.RoleKind
		for _, r := range crm.Roles {
			roles = append(roles, []crm.RoleKind{r})
		}
		roles = append(roles, nil)
		for _, rs := range roles {
			av := avatar("Ana Silva", rs, 34)
			disc, txt := avatarParts(av)
			if c := contrast(txt.Color, disc.FillColor); c < minContrast {
				t.Errorf("%s theme, avatar for %v: %s on %s is %.2f:1", variant, rs, hexOf(txt.Color), hexOf(disc.FillColor), c)
			}
			setAvatar(av, "Ana Silva", rs)
			if disc, txt := avatarParts(av); contrast(txt.Color, disc.FillColor) < minContrast {
				t.Errorf("%s theme, avatar reset to %v is %.2f:1", variant, rs, contrast(txt.Color, disc.FillColor))
			}
		}
		for _, r := range slices.Concat(crm.Roles, []crm.RoleKind{"archived"}) {
			ch := roleChip(r)
			if c := contrast(ch.text.Color, ch.rect.FillColor); c < minContrast {
				t.Errorf("%s theme, %s chip: %s on %s is %.2f:1", variant, r, hexOf(ch.text.Color), hexOf(ch.rect.FillColor), c)
			}
		}
	}
}

func avatarParts(a *fyne.Container) (*canvas.Circle, *canvas.Text) {
	box := a.Objects[0].(*fyne.Container)
	return box.Objects[0].(*canvas.Circle), box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
}

// The contrast formula gives WCAG's known ratios.
func TestContrastFollowsWCAG(t *testing.T) {
	for _, c := range []struct {
		a, b color.Color
		min  float64
		max  float64
	}{
		{color.White, color.Black, 20.9, 21.1},
		{color.White, color.White, 1, 1},
		{color.White, hex(0x777777), 4.47, 4.49}, // the classic just-fails grey
		{color.White, hex(0x767676), 4.54, 4.55},
	} {
		if got := contrast(c.a, c.b); got < c.min || got > c.max {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f–%.2f", hexOf(c.a), hexOf(c.b), got, c.min, c.max)
		}
	}
}

// An avatar shows letters: an emoji or punctuation before a name is passed
// over, and a name with no letter at all shows "?".
func TestInitialsAreLetters(t *testing.T) {
	for name, want := range map[string]string{
		"Ana Silva":          "AS",
		"priya":              "P",
		"🎉 Party Planner":    "PP",
		"🙂Sam":               "S",
		"(Jo) Kim":           "JK",
		"\"Ed\"":             "E",
		"Émile Zola":         "ÉZ",
		"Anne-Marie O'Brien": "AO",
		"🎉":                  "?",
		"+44 20":             "?",
		"":                   "?",
	} {
		if got := initials(name); got != want {
			t.Errorf("initials(%q) = %q, want %q", name, got, want)
		}
	}
}
