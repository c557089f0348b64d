//go:build !windows && !darwin && !js && !android

package locale

import "os"

// init fixes LANGUAGE before Fyne's lang package reads it. The build
// constraint is go-locale's own for reading the environment; elsewhere it
// asks the system instead.
func init() {
	if v, ok := languageFix(os.Getenv); ok {
		// Setenv fails only on a value holding NUL, and no env value can.
		_ = os.Setenv("LANGUAGE", v)
	}
}
