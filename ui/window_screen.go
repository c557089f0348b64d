//go:build !ci

package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

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

// glfwDidNotStart says whether a panic is GLFW's Go binding finding GLFW
// not started: no display could be reached (Fyne has logged why).
func glfwDidNotStart(r any) bool {
	e, ok := r.(*glfw.Error)
	return ok && e.Code.String() == "NotInitialized"
}
