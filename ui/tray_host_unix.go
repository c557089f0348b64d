//go:build linux || freebsd || openbsd || netbsd

package ui

import "github.com/godbus/dbus/v5"

// trayHost says whether the desktop shows tray icons. On Linux and the BSDs
// a tray icon is a StatusNotifierItem, shown only when some program (the
// panel of KDE, XFCE, or GNOME with the AppIndicator extension) owns the
// StatusNotifierWatcher name on the session bus. Plain GNOME has none; Kith
// then sets up no tray at all rather than let the tray library log that it
// failed to register.
func trayHost() bool {
	conn, err := dbus.SessionBusPrivate()
	if err != nil {
		return false
	}
	defer conn.Close()
	if err := conn.Auth(nil); err != nil {
		return false
	}
	if err := conn.Hello(); err != nil {
		return false
	}
	var owned bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&owned)
	return err == nil && owned
}
