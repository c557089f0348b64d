//go:build !(linux || freebsd || openbsd || netbsd)

package ui

// trayHost says whether the desktop shows tray icons: the Windows
// notification area and the macOS menu bar always do.
func trayHost() bool { return true }
