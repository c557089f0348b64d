package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// Kith keeps its own backups in a folder named backups beside the
// database, readable by the user alone (folder 0700, files 0600). For a
// database kith.db they are:
//
//   - kith-YYYY-MM-DD.db, the daily backup: the first time Kith opens the
//     database to change it on a day (the window, or any command that
//     writes), before the change. Its date is the local day.
//   - kith-backup-YYYY-MM-DD-HHMMSS.db, made on request (Settings → Back up now).
//   - kith-before-restore-YYYY-MM-DD-HHMMSS.db, the database a restore replaced.
//
// Rotation removes daily backups only, after making one: it keeps the 7
// newest, and of the older ones the newest of each of the 4 most recent
// ISO weeks (Monday to Sunday) that have one. So with daily use there are
// at most 11: a week of days, then about a month of weeks. The dates are
// read from the names, not from the files' times. Backups made on request
// or before a restore, and any other file, are never removed.
const (
	keepDaily  = 7
	keepWeekly = 4
)

// stampLayout dates the backups made on request and before a restore, in local time.
const stampLayout = "2006-01-02-150405"

// BackupDir is the folder Kith keeps its backups of the database at dbPath in.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// backupBase starts the name of each backup: the database's file name, so
// two databases in one folder keep theirs apart. Only a ".db" ending is
// dropped (kith.db → kith-2026-12-03.db): kith.db and kith.sqlite beside
// each other must not share backups.
func backupBase(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), ".db")
}

// dailyPattern matches the name of a daily backup of base, the date in its group.
func dailyPattern(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{4}-\d{2}-\d{2})\.db$`)
}

// anyBackupPattern matches the name of any backup Kith makes of base.
func anyBackupPattern(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{4}-\d{2}-\d{2}|backup-[0-9-]+|before-restore-[0-9-]+)\.db$`)
}

// DailyBackup makes today's backup, unless there is one already, and then
// rotates the daily backups. now gives the day (its local date) and stands
// for the clock in tests. It returns the new backup's path, or "" when
// none was needed: one exists for the day, the store is read-only, or Open
// created the database that day and there is nothing in it to keep yet (a
// window left open on a new database backs it up from the next day on).
func (s *Store) DailyBackup(ctx context.Context, now time.Time) (string, error) {
	if s.readOnly || s.created == crm.DateOf(now) {
		return "", nil
	}
	dir, base := BackupDir(s.path), backupBase(s.path)
	dest := filepath.Join(dir, base+"-"+now.Format(crm.DateLayout)+".db")
	if _, err := os.Stat(dest); err == nil {
		return "", nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	// Written under a temporary name and renamed when complete, so a crash
	// never leaves a half backup that would count as the day's.
	tmp, err := os.CreateTemp(dir, "."+base+"-*.tmp")
	if err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	tmp.Close()
	if err := s.vacuumTo(ctx, tmp.Name()); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("daily backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("daily backup: %w", err)
	}
	syncDir(dir)
	if err := rotate(dir, base, now); err != nil {
		return dest, fmt.Errorf("daily backup %s made, but old ones not rotated: %w", dest, err)
	}
	return dest, nil
}

// BackupNow writes a backup on request into the backups folder, named with
// now's local date and time, and returns its path.
func (s *Store) BackupNow(ctx context.Context, now time.Time) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	dest := freeName(dir, backupBase(s.path)+"-backup-"+now.Format(stampLayout))
	return dest, s.Backup(ctx, dest)
}

// freeName returns dir/stem.db, or dir/stem-2.db and so on when that is
// taken (two backups in one second).
func freeName(dir, stem string) string {
	p := filepath.Join(dir, stem+".db")
	for i := 2; exists(p); i++ {
		p = filepath.Join(dir, fmt.Sprintf("%s-%d.db", stem, i))
	}
	return p
}

// rotate removes the daily backups of base in dir that keepDays lets go,
// and temporary files a crashed backup left more than a day before now.
func rotate(dir, base string, now time.Time) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	daily := dailyPattern(base)
	names := map[crm.Date]string{}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if m := daily.FindStringSubmatch(name); m != nil && e.Type().IsRegular() {
			if d, err := crm.ParseDate(m[1]); err == nil {
				names[d] = name
			}
		} else if strings.HasPrefix(name, "."+base+"-") && strings.HasSuffix(name, ".tmp") {
			if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > 24*time.Hour {
				errs = append(errs, os.Remove(filepath.Join(dir, name)))
			}
		}
	}
	days := make([]crm.Date, 0, len(names))
	for d := range names {
		days = append(days, d)
	}
	keep := keepDays(days)
	for d, name := range names {
		if !keep[d] {
			errs = append(errs, os.Remove(filepath.Join(dir, name)))
		}
	}
	return errors.Join(errs...)
}

// keepDays picks the days whose daily backup rotation keeps: the keepDaily
// newest, and of the older ones the newest day of each of the keepWeekly
// most recent ISO weeks among them.
func keepDays(days []crm.Date) map[crm.Date]bool {
	sorted := append([]crm.Date(nil), days...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].After(sorted[j]) })
	keep := map[crm.Date]bool{}
	weeks := map[[2]int]bool{}
	for i, d := range sorted {
		if i < keepDaily {
			keep[d] = true
			continue
		}
		y, w := d.Time().ISOWeek()
		if weeks[[2]int{y, w}] {
			continue
		}
		if len(weeks) == keepWeekly {
			break
		}
		weeks[[2]int{y, w}] = true
		keep[d] = true
	}
	return keep
}

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path string
	Time time.Time // when it was written
}

// LastBackup returns the most recently written of the backups Kith made of
// the database at dbPath (daily, on request or before a restore), or the
// zero BackupFile when there is none.
func LastBackup(dbPath string) (BackupFile, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return BackupFile{}, nil
	}
	if err != nil {
		return BackupFile{}, fmt.Errorf("list the backups in %s: %w", dir, err)
	}
	pattern := anyBackupPattern(backupBase(dbPath))
	var last BackupFile
	for _, e := range entries {
		if !e.Type().IsRegular() || !pattern.MatchString(e.Name()) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed while listing
		}
		if fi.ModTime().After(last.Time) {
			last = BackupFile{Path: filepath.Join(dir, e.Name()), Time: fi.ModTime()}
		}
	}
	return last, nil
}
