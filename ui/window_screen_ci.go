//go:build ci

package ui

import "fyne.io/fyne/v2"

// screenSize is unknown in Fyne's software-rendered build (the ci tag),
// which has no monitor; the saved size is then only checked for sense.
// That build exists here so the window's code can be type-checked for
// macOS and Windows from Linux, where their cgo cannot be compiled.
func screenSize(fyne.App) fyne.Size { return fyne.Size{} }

// glfwDidNotStart is false in the software-rendered build, which has no GLFW.
func glfwDidNotStart(any) bool { return false }
