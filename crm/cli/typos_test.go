package cli

import (
	"encoding/json"
	"flag"
	"strings"
	"testing"
)

// A KIND: prefix Kith does not know is refused on every exchange flag, with
// the kinds and the nearest one, and nothing is written; a colon later in a
// description is just text.
func TestLogRefusesAnUnknownExchangeKind(t *testing.T) {
	db := seed(t)
	before := dumpDB(t, db)
	for _, f := range []string{"--gave", "--received", "--promise"} {
		_, errOut, code := kith(t, db, "--today", today, "log", "--with", "Priya Raman", f, "advise: price the work")
		if code != 2 || !strings.Contains(errOut, f+": ") || !strings.Contains(errOut, "did you mean advice?") ||
			!strings.Contains(errOut, "advice, feedback, introduction, referral") {
			t.Errorf("log %s \"advise: ...\": exit %d, %q; want 2, naming the flag, the kinds and advice", f, code, errOut)
		}
		if dumpDB(t, db) != before {
			t.Fatalf("a refused %s line wrote something", f)
		}
	}
	mustKith(t, db, "--today", today, "log", "--with", "Priya Raman", "--gave", "Intro to Sam: great chat",
		"--received", "other: Re: the offsite", "--promise", "introduction: Jo to her design lead")
	var d struct {
		Interactions []struct {
			Exchanges []struct{ Kind, Description string }
		}
	}
	kithJSON(t, db, &d, "contact", "show", "Priya Raman", "--json")
	var got []string
	for _, x := range d.Interactions[0].Exchanges {
		got = append(got, x.Kind+"|"+x.Description)
	}
	want := "other|Intro to Sam: great chat,other|Re: the offsite,introduction|Jo to her design lead"
	if strings.Join(got, ",") != want {
		t.Errorf("exchanges %v, want %s", got, want)
	}
}

// A mistyped flag names the nearest flag of its command, for every
// command: the scaffold parses them all.
func TestUnknownFlagSuggestsTheNearest(t *testing.T) {
	db := tempDB(t)
	_, errOut, code := kith(t, db, "contact", "add", "Ana Lopez", "--rol", "mentor")
	if code != 2 || strings.TrimSpace(errOut) != "kith: unknown flag --rol; did you mean --role?" {
		t.Errorf("contact add --rol: exit %d, %q", code, errOut)
	}
	_, errOut, code = kith(t, db, "contact", "list", "--zzz")
	if code != 2 || !strings.Contains(errOut, "unknown flag --zzz") || strings.Contains(errOut, "did you mean") ||
		!strings.Contains(errOut, "kith help contact list") {
		t.Errorf("contact list --zzz: exit %d, %q; want no guess, and where the flags are listed", code, errOut)
	}
	for name, c := range commands {
		if c.raw {
			continue
		}
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		define(fs, c.handler().flags())
		fs.VisitAll(func(f *flag.Flag) {
			typo := f.Name[:len(f.Name)-1]
			if len(typo) < 2 || fs.Lookup(typo) != nil {
				return
			}
			args := append(strings.Fields(name), "--"+typo+"=x")
			_, errOut, code := kith(t, db, args...)
			if want := "unknown flag --" + typo + "; did you mean --" + f.Name + "?"; code != 2 || !strings.Contains(errOut, want) {
				t.Errorf("kith %s: exit %d, %q; want 2 and %q", strings.Join(args, " "), code, errOut, want)
			}
		})
	}
}

// The global flags, before the command, get the same help.
func TestUnknownGlobalFlagSuggestsTheNearest(t *testing.T) {
	_, errOut, code := kith(t, tempDB(t), "--tody", today, "due")
	if code != 2 || !strings.Contains(errOut, "unknown flag --tody; did you mean --today?") {
		t.Errorf("--tody: exit %d, %q", code, errOut)
	}
}

// A date after today is most often a typo (2026 for 2025, 11 for 10):
// headless, logging one asks for --future, and writes nothing until given it.
func TestLogInTheFutureAsksForFuture(t *testing.T) {
	db := seed(t)
	before := dumpDB(t, db)
	_, errOut, code := kith(t, db, "--today", today, "log", "--with", "Priya Raman", "--date", "2026-12-02")
	if code != 2 || !strings.Contains(errOut, "--date") || !strings.Contains(errOut, "after today") || !strings.Contains(errOut, "--future") {
		t.Errorf("log on a later day: exit %d, %q; want 2 and a message asking for --future", code, errOut)
	}
	if dumpDB(t, db) != before {
		t.Fatal("a refused future log wrote something")
	}
	out := mustKith(t, db, "--today", today, "log", "--with", "Priya Raman", "--date", "2026-12-02", "--future")
	if !strings.Contains(out, "on 2026-12-02") {
		t.Errorf("log --future: %q", out)
	}
	mustKith(t, db, "--today", today, "log", "--with", "Priya Raman", "--date", today) // today is not the future
}

// Adding a person whose name is already in the book adds them, and says so
// on stderr with the other's id, so stdout (text or JSON) stays the same
// for scripts.
func TestContactAddNotesANamesake(t *testing.T) {
	db := tempDB(t)
	out, errOut, code := kith(t, db, "contact", "add", "Ana Lopez")
	if code != 0 || out != "added Ana Lopez (#1)\n" || errOut != "" {
		t.Fatalf("first Ana: exit %d, %q, %q", code, out, errOut)
	}
	out, errOut, code = kith(t, db, "contact", "add", "ana lopez", "--company", "Contoso")
	if code != 0 || out != "added ana lopez (#2)\n" ||
		errOut != "note: Ana Lopez (#1) is already in the book; added another ana lopez (#2)\n" {
		t.Errorf("second Ana: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	var c struct{ ID int64 }
	out, errOut, code = kith(t, db, "contact", "add", "Ana Lopez", "--json")
	if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil || c.ID != 3 ||
		!strings.Contains(errOut, "Ana Lopez (#1) and ana lopez (#2) are already in the book") {
		t.Errorf("third Ana, --json: exit %d, stdout %q (%v), stderr %q", code, out, err, errOut)
	}
}
