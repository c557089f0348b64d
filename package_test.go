package main

import (
	"bufio"
	"encoding/json"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/cli"
	"github.com/kithcrm/kith/ui"
)

// TestFyneAppTOMLIsWhatKithSays checks the one file Kith's identity is
// written in against the code: the window's app id (which names its
// preferences folder) and a semantic version, and an icon that is a PNG.
func TestFyneAppTOMLIsWhatKithSays(t *testing.T) {
	a, err := about()
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != ui.AppID || a.Name != "Kith" || a.Build < 1 {
		t.Errorf("FyneApp.toml says %+v; the window's app id is %s", a, ui.AppID)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(a.Version) {
		t.Errorf("version %q is not x.y.z, which the packager needs", a.Version)
	}
	f, err := os.Open(filepath.Join("assets", "icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width < 256 || cfg.Width != cfg.Height {
		t.Errorf("assets/icon.png: %v, %dx%d; the packages need a square PNG of 256 px or more", err, cfg.Width, cfg.Height)
	}
}

// TestLinuxPackage checks the archive 'make package' built (its path in
// KITH_PACKAGE; 'make package-check' runs this): its .desktop file passes
// desktop-file-validate, is named for the app id and names Kith, launches
// the binary in the archive, whose icon is there too; and that binary says
// it is the name, id and version of FyneApp.toml.
func TestLinuxPackage(t *testing.T) {
	archive := os.Getenv("KITH_PACKAGE")
	if archive == "" {
		t.Skip("KITH_PACKAGE names no archive: run 'make package'")
	}
	want, err := about()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if out, err := exec.Command("tar", "-xJf", archive, "-C", dir).CombinedOutput(); err != nil {
		t.Fatalf("unpack %s: %v\n%s", archive, err, out)
	}
	desktop := findOne(t, dir, "share/applications", "*.desktop")
	if got := filepath.Base(desktop); got != want.ID+".desktop" {
		t.Errorf("the desktop file is %s, want %s.desktop", got, want.ID)
	}
	if out, err := exec.Command("desktop-file-validate", desktop).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate %s: %v\n%s", filepath.Base(desktop), err, out)
	}
	entry := desktopEntry(t, desktop)
	if entry["Name"] != want.Name || entry["Type"] != "Application" || !strings.Contains(entry["Categories"], "Office") {
		t.Errorf("desktop entry %v", entry)
	}
	bin := findOne(t, dir, "bin", entry["Exec"])
	findOne(t, dir, "share/pixmaps", entry["Icon"]+".png")

	out, err := exec.Command(bin, "version", "--json").Output()
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	var got cli.About
	if err := json.Unmarshal(out, &got); err != nil || got != want {
		t.Errorf("the packaged binary says %s (%v), FyneApp.toml %+v", out, err, want)
	}
	if !strings.Contains(filepath.Base(archive), "-"+want.Version+"-") {
		t.Errorf("archive %s is not named for version %s", filepath.Base(archive), want.Version)
	}
}

// findOne finds the one file named like base (a glob) in a folder ending
// in folder, anywhere in the unpacked archive (Fyne's packager puts the tree
// under kith/usr/local/).
func findOne(t *testing.T, dir, folder, base string) string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(filepath.ToSlash(filepath.Dir(path)), "/"+folder) {
			if ok, _ := filepath.Match(base, d.Name()); ok {
				found = append(found, path)
			}
		}
		return nil
	})
	if len(found) != 1 {
		t.Fatalf("the package holds %d files %s/%s, want one: %v", len(found), folder, base, found)
	}
	return found[0]
}

// desktopEntry reads the [Desktop Entry] group of a .desktop file.
func desktopEntry(t *testing.T, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "[") {
			in = line == "[Desktop Entry]"
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && in {
			out[k] = v
		}
	}
	return out
}
