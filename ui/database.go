package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// databaseSection is the Database card of Settings: where the file lives,
// when it was last backed up, and Back up now, Open backups folder and
// Restore….
type databaseSection struct {
	m       *Main
	content fyne.CanvasObject
	path    *widget.Label
	last    *widget.Label // the newest backup, or that there is none yet
	failed  *widget.Label // why the day's backup failed; hidden when it did not
	backup  *widget.Button
	folder  *widget.Button
	restore *widget.Button
}

func newDatabaseSection(m *Main) *databaseSection {
	s := &databaseSection{m: m, path: widget.NewLabel(m.st.Path()), last: wrapped(""), failed: wrapped("")}
	s.path.Wrapping = fyne.TextWrapBreak
	s.path.TextStyle.Monospace = true
	s.failed.Importance = widget.DangerImportance
	s.failed.Hide()
	s.backup = widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), s.backupNow)
	s.folder = widget.NewButtonWithIcon("Open backups folder", theme.FolderOpenIcon(), s.openFolder)
	s.restore = widget.NewButtonWithIcon("Restore…", theme.HistoryIcon(), s.chooseRestore)
	s.content = container.NewVBox(muted("Everything Kith knows lives in this one file on this computer."), s.path,
		s.last, s.failed, container.NewHBox(s.backup, s.folder, s.restore),
		muted("Kith backs the file up once a day into a backups folder beside it, keeping a week of days and four weeks more."))
	return s
}

// reload shows the newest backup, looked up off the UI goroutine. A folder
// that cannot be listed is said in the card, not in a dialog: Settings
// opens without one.
func (s *databaseSection) reload() {
	path := s.m.st.Path()
	s.m.run(func() {
		last, err := store.LastBackup(path)
		fyne.Do(func() { s.show(last, err) })
	})
}

// show says when the last backup was made, and why the day's failed if it did.
func (s *databaseSection) show(last store.BackupFile, err error) {
	switch {
	case err != nil:
		s.last.SetText("The backups cannot be listed: " + err.Error())
	case last.Path == "":
		s.last.SetText("No backup yet: Kith makes the first the next day it opens this database.")
	default:
		s.last.SetText(fmt.Sprintf("Last backup: %s (%s)", last.Time.Format("Mon 2 Jan 2006 at 15:04"), filepath.Base(last.Path)))
	}
	if err := s.m.backupErr; err != nil {
		s.failed.SetText("The day's backup failed: " + err.Error())
		s.failed.Show()
	} else {
		s.failed.Hide()
	}
}

// backupNow writes a backup into the backups folder, named with the date and time.
func (s *databaseSection) backupNow() {
	var dest string
	s.m.background(func() (err error) {
		dest, err = s.m.st.BackupNow(context.Background(), time.Now())
		return err
	}, func() {
		s.m.bar.show("Backed up to "+dest, nil)
		s.reload()
	})
}

// openFolder shows the backups folder in the system's file manager,
// making it first if Kith has not yet.
func (s *databaseSection) openFolder() {
	dir := store.BackupDir(s.m.st.Path())
	s.m.background(func() error { return os.MkdirAll(dir, 0o700) }, func() {
		if err := s.m.openURL(folderURL(dir)); err != nil {
			s.m.showError(fmt.Errorf("open %s: %w", dir, err))
		}
	})
}

// folderURL is the file:// URL of a folder, with the slash a Windows
// drive letter needs in front (file:///C:/Users/...).
func folderURL(dir string) *url.URL {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// chooseRestore asks for a backup, starting in the backups folder.
func (s *databaseSection) chooseRestore() {
	d := dialog.NewFileOpen(chosen(s.m, s.onRestoreChosen), s.m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(store.BackupDir(s.m.st.Path()))); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fileDialogSize)
	s.m.showDialog(d)
}

// onRestoreChosen gets the open dialog's reader and closes it: Restore
// reads the file itself.
func (s *databaseSection) onRestoreChosen(r fyne.URIReadCloser) {
	file := r.URI().Path()
	r.Close()
	s.confirmRestore(file)
}

// confirmRestore checks file off the UI goroutine, then says what it
// holds and asks before restoring it; a file that is not a Kith database
// is refused, saying why, and nothing changes.
func (s *databaseSection) confirmRestore(file string) {
	var info store.DatabaseInfo
	s.m.run(func() {
		var err error
		info, err = store.CheckDatabase(context.Background(), file)
		fyne.Do(func() {
			if err != nil {
				s.m.showNotRestored(err)
				return
			}
			s.m.ask("Restore this backup?", fmt.Sprintf(
				"%s holds %d people and %d interactions.\n\nIt will replace what Kith holds now. The database as it is now is kept in the backups folder first, so you can restore it again.",
				file, info.People, info.Interactions), "Restore", "", func() { s.restoreFrom(file) })
		})
	})
}

// restoreFrom puts file in place of the database off the UI goroutine,
// then rebuilds every screen on the restored data.
func (s *databaseSection) restoreFrom(file string) {
	m := s.m
	hide := m.busy("Restoring", "Checking and copying "+file+"…")
	m.run(func() {
		res, err := m.st.Restore(context.Background(), file, time.Now())
		fyne.Do(func() {
			hide()
			if err != nil {
				m.showNotRestored(err)
				return
			}
			m.rebuild()
			m.cal.afterChange()
			m.bar.show(fmt.Sprintf("Restored %s. The database it replaced is kept as %s.", file, res.Previous), nil)
		})
	})
}

// showNotRestored tells why a restore was refused, or what went wrong.
func (m *Main) showNotRestored(err error) {
	var e *crm.Error
	if errors.As(err, &e) {
		dialog.ShowInformation("Not restored", e.Error(), m.win)
		return
	}
	dialog.ShowError(err, m.win)
}

// busy shows a dialog with a running bar while background work runs, and
// returns what hides it; call that on the UI goroutine.
func (m *Main) busy(title, text string) func() {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(wrapped(text), bar), m.win)
	d.Show()
	return func() {
		bar.Stop()
		d.Hide()
	}
}

// startBackups makes the day's backup now and looks again every hour, so
// a window left open past midnight makes the next day's too.
func (m *Main) startBackups() {
	m.dailyBackup()
	go func() {
		for range time.Tick(time.Hour) {
			m.dailyBackup()
		}
	}()
}

// dailyBackup makes the day's backup off the UI goroutine, if there is
// none yet, and shows the outcome in Settings. A failure never stops the
// window: the bar and Settings say so, and the next try is in an hour.
func (m *Main) dailyBackup() {
	m.run(func() {
		made, err := m.st.DailyBackup(context.Background(), time.Now())
		fyne.Do(func() {
			m.backupErr = err
			if err != nil {
				m.bar.show("The day's backup failed (your data is safe; see Settings): "+err.Error(), nil)
			}
			if err != nil || made != "" {
				m.settings.db.reload()
			}
		})
	})
}
