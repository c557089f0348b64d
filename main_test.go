package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestHeadlessQuietUnderAnyLocale runs the built binary, since the fault was
// in package init order and only a real build shows it: under a locale Fyne
// 2.7 cannot parse, every command printed "Fyne error: Error parsing user
// locale" on stderr, which breaks scripts and cron mail.
func TestHeadlessQuietUnderAnyLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kith")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	base := environWithout(os.Environ(), "LANGUAGE", "LANG", "LC_", "KITH_")

	for _, locale := range []string{
		"LANG=C.UTF-8",
		"LANG=C",
		"LANG=en_US@euro",
		"LC_ALL=C.UTF-8",
		"", // no locale variable at all
	} {
		env := base[:len(base):len(base)]
		label := "unset"
		if locale != "" {
			env, label = append(env, locale), locale
		}
		db := filepath.Join(t.TempDir(), "k.db")
		for _, c := range []struct {
			name, want string
			args       []string
		}{
			{"help", "usage: kith", []string{"help"}},
			{"contact add", "Ana Lopez", []string{"--db", db, "contact", "add", "Ana Lopez"}},
			{"contact list", "Ana Lopez", []string{"--db", db, "contact", "list"}},
		} {
			t.Run(label+"/"+c.name, func(t *testing.T) {
				cmd := exec.Command(bin, c.args...)
				cmd.Env = env
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Errorf("exit: %v", err)
				}
				if stderr.Len() > 0 {
					t.Errorf("stderr:\n%s", stderr.String())
				}
				if !strings.Contains(stdout.String(), c.want) {
					t.Errorf("stdout lacks %q:\n%s", c.want, stdout.String())
				}
			})
		}
	}
}

// environWithout returns env without the variables whose names start with
// any of prefixes, so the test sets the locale alone.
func environWithout(env []string, prefixes ...string) []string {
	var kept []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, p := range prefixes {
			drop = drop || strings.HasPrefix(name, p)
		}
		if !drop {
			kept = append(kept, kv)
		}
	}
	return kept
}

// The window collects its heap at half its live size unless GOGC is set,
// which is the user's to keep.
func TestWindowGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	windowGC(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("without GOGC the window collects at %d%%, want 50%%", got)
	}
	windowGC(func(k string) string { return map[string]string{"GOGC": "200"}[k] })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the window changed the collector to %d%%", got)
	}
}
