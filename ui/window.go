package ui

import (
	"math"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// defaultWindowSize is the window's size the first time Kith opens, and
// whenever the size it was closed at would not fit on the screen.
var defaultWindowSize = fyne.NewSize(1240, 770)

// windowSize is the size to open the window at: the size it was saved at
// when that fits on the screen, else the default, itself shrunk to fit a
// small screen. A size saved on a bigger monitor, or in the days when a
// long summary stretched the window to 48,000 px, is not restored. screen
// is zero when it is not known; the saved size is then only checked for
// sense.
func windowSize(saved, screen fyne.Size) fyne.Size {
	size := saved
	if !sensible(saved) || hasArea(screen) && (saved.Width > screen.Width || saved.Height > screen.Height) {
		size = defaultWindowSize
	}
	if hasArea(screen) {
		size = size.Min(screen)
	}
	return size
}

// hasArea says whether s is a real size, with room in it.
func hasArea(s fyne.Size) bool { return s.Width > 0 && s.Height > 0 }

// sensible says whether a saved size is one a window could have had.
func sensible(s fyne.Size) bool {
	finite := func(f float32) bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }
	return finite(s.Width) && finite(s.Height) && s.Width >= 200 && s.Height >= 150
}

// savedWindowSize is the size the window was closed at, zero when none
// was saved.
func savedWindowSize(p fyne.Preferences) fyne.Size {
	return fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 0)), float32(p.FloatWithFallback(prefHeight, 0)))
}

// screenSize is the room on the primary monitor, less its panels and
// docks, in Fyne's units; zero when it cannot be read. Fyne has no call
// for it, so it asks GLFW, which Fyne has started by the time a window
// exists, and scales pixels to units as Fyne does: the user's scale times
// the one it detects from the monitor's resolution (none on Wayland,
// which scales for itself). It must run on the main goroutine.
func screenSize(a fyne.App) fyne.Size {
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return fyne.Size{}
	}
	_, _, w, h := mon.GetWorkarea()
	if w <= 0 || h <= 0 {
		return fyne.Size{}
	}
	scale := a.Settings().Scale()
	if scale <= 0 {
		scale = 1
	}
	if mode := mon.GetVideoMode(); mode != nil && detectsDPI() {
		mm, _ := mon.GetPhysicalSize()
		scale *= dpiScale(mm, mode.Width)
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}

// detectsDPI says whether Fyne scales by the monitor's resolution here.
func detectsDPI() bool {
	if runtime.GOOS == "linux" && os.Getenv("WAYLAND_DISPLAY") != "" {
		return false
	}
	switch strings.ToLower(os.Getenv("FYNE_DISABLE_DPI_DETECTION")) {
	case "1", "t", "true":
		return false
	}
	return true
}

// dpiScale is Fyne's scale for a monitor widthMM wide and widthPx pixels
// across: its dots per inch over 120, and never below 1.
func dpiScale(widthMM, widthPx int) float32 {
	if widthMM <= 0 {
		return 1
	}
	dpi := float32(widthPx) / (float32(widthMM) / 25.4)
	if dpi > 1000 || dpi < 10 {
		return 1
	}
	return max(1, dpi/120)
}
