package cli

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// files reads every file under dir by relative path, to tell that a
// command changed nothing and made nothing.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	names := func(m map[string]string) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	if len(before) != len(after) {
		t.Errorf("%s: files were %v, now %v", what, names(before), names(after))
		return
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %s changed", what, k)
		}
	}
}

// fixClock makes daily backups see the day days after the real today.
// The real day matters: a database created today is not backed up today.
func fixClock(t *testing.T, days int) string {
	t.Helper()
	now := time.Now().AddDate(0, 0, days)
	old := backupClock
	backupClock = func() time.Time { return now }
	t.Cleanup(func() { backupClock = old })
	return now.Format("2006-01-02")
}

// The first write of a day backs the database up before changing it;
// reads never do, and the clock, not --today, names the day.
func TestWriteCommandsMakeTheDailyBackup(t *testing.T) {
	day := fixClock(t, 0)
	db := tempDB(t)
	backups := filepath.Join(filepath.Dir(db), "backups")
	mustKith(t, db, "contact", "add", "Ana Lopez") // creates the database: nothing to keep yet
	mustKith(t, db, "contact", "list")
	mustKith(t, db, "due")
	if _, err := os.Stat(backups); !os.IsNotExist(err) {
		t.Fatalf("a backups folder after creating the database and reading (%v)", err)
	}
	mustKith(t, db, "--today", "2020-01-01", "contact", "add", "Ben Okafor")
	mustKith(t, db, "contact", "add", "Chen Wei")
	daily := filepath.Join(backups, "kith-"+day+".db")
	if got := mustKith(t, daily, "contact", "list"); !strings.Contains(got, "Ana Lopez") || strings.Contains(got, "Ben Okafor") {
		t.Errorf("the day's backup should hold the book before the day's first change:\n%s", got)
	}
	day = fixClock(t, 1)
	mustKith(t, db, "contact", "list")
	mustKith(t, db, "contact", "edit", "Ana Lopez", "--company", "Fabrikam")
	entries, _ := os.ReadDir(backups)
	if len(entries) != 2 || entries[1].Name() != "kith-"+day+".db" {
		t.Errorf("after a write on a second day the backups are %v", entries)
	}
}

// A backup that cannot be made is a warning; the command still succeeds.
func TestAFailedDailyBackupWarns(t *testing.T) {
	fixClock(t, 0)
	db := tempDB(t)
	mustKith(t, db, "contact", "add", "Ana Lopez")
	if err := os.WriteFile(filepath.Join(filepath.Dir(db), "backups"), []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := kith(t, db, "contact", "add", "Ben Okafor")
	if code != 0 || !strings.Contains(errOut, "warning: the daily backup failed") {
		t.Fatalf("exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	if list := mustKith(t, db, "contact", "list"); !strings.Contains(list, "Ben Okafor") {
		t.Error("the command's change was lost")
	}
}

// Looking at a backup, or at a closed database, with any command that
// only reads leaves its folder exactly as it was: same bytes, no -wal,
// no -shm, no upgrade.
func TestReadCommandsLeaveTheFileAsItWas(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "log", "--with", "Priya Raman", "--summary", "coffee", "--promise", "help: intro")
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	mustKith(t, db, "backup", backup)
	elsewhere := filepath.Join(t.TempDir(), "copy.db")
	reads := [][]string{{"contact", "list"}, {"contact", "list", "--json"}, {"contact", "show", "Priya Raman"}, {"due"},
		{"circle", "list"}, {"goal", "list"}, {"commitment", "list"}, {"cadence"}, {"profile"}, {"calendar"},
		{"review", "--quarter", "2026Q4"}, {"export", "csv", "people"}, {"export", "csv", "interactions"}, {"backup", elsewhere},
		{"export", "vcard"}, {"contact", "duplicates"}, {"contact", "merge", "#1", "#2", "--dry-run"}}
	for _, file := range []string{backup, db} {
		before := files(t, filepath.Dir(file))
		for _, args := range reads {
			out := mustKith(t, file, append([]string{"--today", today}, args...)...)
			if args[0] == "contact" && args[1] != "duplicates" && !strings.Contains(out, "Priya Raman") {
				t.Errorf("%s on %s: %s", args, file, out)
			}
		}
		sameFiles(t, "after reading "+file, before, files(t, filepath.Dir(file)))
		os.Remove(elsewhere)
	}
}

func TestRestoreCommand(t *testing.T) {
	db := seed(t)
	backup := filepath.Join(t.TempDir(), "before.db")
	mustKith(t, db, "backup", backup)
	mustKith(t, db, "--today", today, "contact", "add", "Added After The Backup")

	backups := filepath.Join(filepath.Dir(db), "backups")
	before, _ := os.ReadDir(backups)
	var res map[string]any
	kithJSON(t, db, &res, "restore", backup, "--json")
	if after, _ := os.ReadDir(backups); len(after) != len(before)+1 {
		t.Errorf("a restore should add just the database it replaced to %v, it went from %d to %d files", backups, len(before), len(after))
	}
	prev, _ := res["previous"].(string)
	if res["database"] != db || res["restored_from"] != backup || res["people"] != float64(5) || res["schema"] == nil ||
		!strings.HasPrefix(filepath.Base(prev), "kith-before-restore-2") || filepath.Dir(prev) != filepath.Join(filepath.Dir(db), "backups") {
		t.Errorf("restore --json: %v", res)
	}
	if list := mustKith(t, db, "contact", "list"); strings.Contains(list, "Added After") || !strings.Contains(list, "Priya Raman") {
		t.Errorf("after the restore:\n%s", list)
	}
	if list := mustKith(t, prev, "contact", "list"); !strings.Contains(list, "Added After") {
		t.Errorf("the database kept before the restore:\n%s", list)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(backup + suffix); !os.IsNotExist(err) {
			t.Errorf("restoring made %s%s", backup, suffix)
		}
	}
	out := mustKith(t, db, "restore", backup)
	if !strings.Contains(out, "restored "+db+" from "+backup) || !strings.Contains(out, "kept as ") {
		t.Errorf("restore prints %q", out)
	}
}

// A file that is not a Kith database is refused, naming it and why, with
// exit status 2, and nothing changes beside the database.
func TestRestoreCommandRefuses(t *testing.T) {
	db := seed(t)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte(strings.Repeat("not a database\n", 20)), 0o600)
	dump := dumpDB(t, db) // first: reading it with mode=ro leaves a -wal and -shm
	before := files(t, filepath.Dir(db))
	_, errOut, code := kith(t, db, "restore", notes)
	if code != 2 || !strings.Contains(errOut, notes) || !strings.Contains(errOut, "not a Kith database") || !strings.Contains(errOut, "nothing was changed") {
		t.Errorf("restore of a text file: exit %d, %q", code, errOut)
	}
	sameFiles(t, "after a refused restore", before, files(t, filepath.Dir(db)))
	if dumpDB(t, db) != dump {
		t.Error("a refused restore changed the database")
	}
}

func TestExportCSVCommand(t *testing.T) {
	db := seed(t)
	mustKith(t, db, "--today", today, "contact", "add", "Eve Mallory", "--company", "=HYPERLINK(\"https://evil.example\")",
		"--phone", "+44 20 7946 0000", "--note", "PRIVATE-NOTE")
	mustKith(t, db, "--today", today, "log", "--with", "Eve Mallory", "--with", "Priya Raman", "--summary", "@SUM(1+1)",
		"--note", "PRIVATE-TALK", "--minutes", "30", "--date", "2026-11-20")

	out := mustKith(t, db, "--today", today, "export", "csv", "people")
	people, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export csv people is not CSV: %v\n%s", err, out)
	}
	if len(people) != 7 || people[0][0] != "name" {
		t.Fatalf("people: %q", people)
	}
	var eve []string
	for _, r := range people {
		if r[0] == "Eve Mallory" {
			eve = r
		}
	}
	if eve == nil || eve[5] != `'=HYPERLINK("https://evil.example")` || eve[3] != "'+44 20 7946 0000" {
		t.Errorf("Eve's row: %q", eve)
	}

	// A file that was there, readable by others, is replaced by one readable by the user alone.
	file := filepath.Join(t.TempDir(), "interactions.csv")
	os.WriteFile(file, []byte("old"), 0o644)
	if msg := mustKith(t, db, "export", "csv", "interactions", "--out", file); msg != "wrote 1 interactions to "+file+"\n" {
		t.Errorf("export --out prints %q", msg)
	}
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the export's mode: %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	data, _ := os.ReadFile(file)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("interactions: %q, %v", recs, err)
	}
	if got := strings.Join(recs[1], "|"); got != "2026-11-20|meeting|30|'@SUM(1+1)|Eve Mallory; Priya Raman||" {
		t.Errorf("the interaction: %s", got)
	}
	if strings.Contains(out+string(data), "PRIVATE") {
		t.Error("private notes were exported")
	}
	if _, errOut, code := kith(t, db, "export", "csv", "contacts"); code != 2 || !strings.Contains(errOut, "people or interactions") {
		t.Errorf("export csv contacts: exit %d, %q", code, errOut)
	}
}
