// Package assets holds the files Kith's binary carries: its icon, for the
// window, the tray and the notifications. The same file is the icon the
// packager (FyneApp.toml) puts in the Linux, Windows and macOS packages.
package assets

import _ "embed"

// Icon is Kith's icon, a 512x512 PNG.
//
//go:embed icon.png
var Icon []byte
