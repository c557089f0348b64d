package ui

import (
	"image/color"

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

// roleColors are the chip colours of the roles: saturated enough to carry
// white text on both light and dark backgrounds.
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
