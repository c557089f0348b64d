package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/kithcrm/kith/crm"
)

// Theme choices, as stored in the preferences.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// Kith's own colour names, for the surfaces the stock theme has no name for.
const (
	colorCard    fyne.ThemeColorName = "kithCard"
	colorSidebar fyne.ThemeColorName = "kithSidebar"
	colorMuted   fyne.ThemeColorName = "kithMuted"
	colorLate    fyne.ThemeColorName = "kithLate"
	colorSoon    fyne.ThemeColorName = "kithSoon"
	// What the user gave and what they received: one colour each wherever
	// they show (a person's counts and timeline, the review's chart).
	colorGave     fyne.ThemeColorName = "kithGave"
	colorReceived fyne.ThemeColorName = "kithReceived"
)

// kithTheme is the stock theme with Kith's accent, calmer surfaces, and an
// optional fixed light or dark variant (the user's choice in Settings).
type kithTheme struct {
	base    fyne.Theme
	variant string // themeSystem, themeLight or themeDark
}

func newKithTheme(base fyne.Theme, variant string) *kithTheme {
	return &kithTheme{base: base, variant: variant}
}

func (t *kithTheme) pick(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.variant {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func hex(rgb uint32) color.NRGBA {
	return color.NRGBA{R: uint8(rgb >> 16), G: uint8(rgb >> 8), B: uint8(rgb), A: 0xff}
}

var palette = map[fyne.ThemeColorName][2]color.Color{ // light, dark
	theme.ColorNamePrimary:    {hex(0x4f46e5), hex(0x818cf8)},
	theme.ColorNameBackground: {hex(0xf4f5f8), hex(0x16171b)},
	theme.ColorNameFocus:      {color.NRGBA{0x4f, 0x46, 0xe5, 0x66}, color.NRGBA{0x81, 0x8c, 0xf8, 0x66}},
	theme.ColorNameSelection:  {color.NRGBA{0x4f, 0x46, 0xe5, 0x33}, color.NRGBA{0x81, 0x8c, 0xf8, 0x44}},
	colorCard:                 {hex(0xffffff), hex(0x22242a)},
	colorSidebar:              {hex(0xe9ebf1), hex(0x1d1e23)},
	colorMuted:                {hex(0x6b7280), hex(0x9ca3af)},
	colorLate:                 {hex(0xc2410c), hex(0xfb923c)},
	colorSoon:                 {hex(0x047857), hex(0x34d399)},
	colorGave:                 {hex(0x4f46e5), hex(0x818cf8)},
	colorReceived:             {hex(0x047857), hex(0x34d399)},
}

// directionColor is the colour of what was given or received.
func directionColor(d crm.Direction) color.Color {
	if d == crm.Received {
		return themed(colorReceived)
	}
	return themed(colorGave)
}

// Color gives Kith's palette for its own names and the accent, and the base
// theme's colours for the rest.
func (t *kithTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.pick(v)
	if c, ok := palette[n]; ok {
		if v == theme.VariantDark {
			return c[1]
		}
		return c[0]
	}
	if n == theme.ColorNameHover && v == theme.VariantLight {
		return color.NRGBA{0, 0, 0, 0x0d}
	}
	return t.base.Color(n, v)
}

// Font returns the base theme's fonts.
func (t *kithTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns the base theme's icons.
func (t *kithTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the base theme's sizes, with rounder corners.
func (t *kithTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 6
	}
	return t.base.Size(n)
}

// themed reads one of Kith's colours from the current theme.
func themed(n fyne.ThemeColorName) color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

// roleColors are the chip and avatar colours of the roles; their text is
// white or black, whichever reads better (textOn).
var roleColors = map[crm.RoleKind]color.Color{
	crm.RoleCoach:   hex(0xd97706),
	crm.RoleMentor:  hex(0x7c3aed),
	crm.RoleCircle:  hex(0x0d9488),
	crm.RoleCoachee: hex(0x2563eb),
	crm.RoleMentee:  hex(0xdb2777),
}

// archivedColor is the chip colour of archived people.
var archivedColor = hex(0x6b7280)

func roleColor(r crm.RoleKind) color.Color {
	if c, ok := roleColors[r]; ok {
		return c
	}
	return archivedColor
}

// minContrast is WCAG 2's AA contrast ratio for normal text.
const minContrast = 4.5

// textOn is the text colour that reads on fill: white or black, whichever
// contrasts more. One of the two always reaches at least 4.58:1, above
// WCAG AA's 4.5:1, whatever the fill.
func textOn(fill color.Color) color.Color {
	if contrast(color.White, fill) >= contrast(color.Black, fill) {
		return color.White
	}
	return color.Black
}

// contrast is the WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
