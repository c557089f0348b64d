package ui

import (
	"errors"
	"runtime"
)

// errNoDisplay says why the window cannot open on a Linux or BSD machine
// with no graphical session, such as a server reached over SSH.
var errNoDisplay = errors.New("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); " +
	"the commands work without one: kith help")

// CheckDisplay says, before any window is made, whether there is a display
// to open it on: without one GLFW cannot start, and Fyne's failure would
// surface as a stack trace. getenv is os.Getenv. Windows and macOS always
// have one.
func CheckDisplay(getenv func(string) string) error {
	switch runtime.GOOS {
	case "windows", "darwin":
		return nil
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return errNoDisplay
	}
	return nil
}
