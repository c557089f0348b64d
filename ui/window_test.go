package ui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

func TestWindowSizeRestoresOnlyWhatFitsTheScreen(t *testing.T) {
	laptop := fyne.NewSize(1024, 640)
	desk := fyne.NewSize(2560, 1400)
	none := fyne.Size{}
	nan := float32(math.NaN())
	for _, c := range []struct {
		why                 string
		saved, screen, want fyne.Size
	}{
		{"first start", none, desk, defaultWindowSize},
		{"a size that fits", fyne.NewSize(1400, 900), desk, fyne.NewSize(1400, 900)},
		{"stretched by a long summary", fyne.NewSize(48826, 770), desk, defaultWindowSize},
		{"too tall", fyne.NewSize(1200, 1500), desk, defaultWindowSize},
		{"saved on a bigger monitor", fyne.NewSize(1400, 900), laptop, laptop},
		{"the default on a small screen", none, laptop, laptop},
		{"a size that fits the small screen", fyne.NewSize(1000, 600), laptop, fyne.NewSize(1000, 600)},
		{"the screen unknown", fyne.NewSize(1400, 900), none, fyne.NewSize(1400, 900)},
		{"nonsense, the screen unknown", fyne.NewSize(-5, 90), none, defaultWindowSize},
		{"not a number", fyne.NewSize(nan, 700), desk, defaultWindowSize},
	} {
		if got := windowSize(c.saved, c.screen); got != c.want {
			t.Errorf("%s: saved %v on a %v screen opens at %v, want %v", c.why, c.saved, c.screen, got, c.want)
		}
	}
}

func TestDPIScaleFollowsFyne(t *testing.T) {
	for _, c := range []struct {
		mm, px int
		want   float32
	}{
		{0, 1920, 1},     // unknown size
		{510, 1920, 1},   // 96 dpi: not below 1
		{300, 3840, 2.7}, // a 4K laptop panel: 325 dpi
		{5, 1920, 1},     // a size that cannot be right
	} {
		if got := dpiScale(c.mm, c.px); math.Abs(float64(got-c.want)) > 0.05 {
			t.Errorf("%d mm, %d px: scale %.2f, want %.1f", c.mm, c.px, got, c.want)
		}
	}
}
