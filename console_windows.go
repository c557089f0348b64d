package main

import (
	"os"
	"syscall"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the shell
// that started Kith.
const attachParentProcess = ^uintptr(0)

// useParentConsole lets a headless command print in the Command Prompt or
// PowerShell window it was typed in. Kith's Windows build is a GUI program
// (-H=windowsgui, so opening the window shows no console), and Windows gives
// a GUI program no console: without this, `kith due` would print nothing.
// Output already redirected to a file or pipe keeps its handle.
func useParentConsole() {
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer, or the console is gone
	}
	for _, std := range []struct {
		handle int
		file   **os.File
	}{{syscall.STD_OUTPUT_HANDLE, &os.Stdout}, {syscall.STD_ERROR_HANDLE, &os.Stderr}} {
		if h, err := syscall.GetStdHandle(std.handle); err == nil && h != 0 && h != syscall.InvalidHandle {
			continue // redirected: keep it
		}
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*std.file = f
		}
	}
}
