package cli

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The reliability tests need a second process: one killed in the middle of
// its writes, one writing while this one does, one holding a lock. The test
// binary plays it, re-run with KITH_TEST_CHILD naming the part.
func TestMain(m *testing.M) {
	if part := os.Getenv("KITH_TEST_CHILD"); part != "" {
		os.Exit(runChild(part, os.Getenv("KITH_TEST_DB"), os.Getenv("KITH_TEST_RUN")))
	}
	os.Exit(m.Run())
}

// runChild plays one part against db and returns the exit status.
func runChild(part, db, run string) int {
	var err error
	switch part {
	case "writer":
		err = writeForever(db, run)
	case "adder":
		err = addPeople(db, run)
	case "locker":
		err = holdLock(db, run)
	default:
		err = fmt.Errorf("no child part %q", part)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	return 0
}

// childKith runs one command as the kith binary would, in the child.
func childKith(db string, args ...string) error {
	var errOut strings.Builder
	if code := kithMain(append([]string{"--db", db}, args...), io.Discard, &errOut); code != 0 {
		return fmt.Errorf("kith %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return nil
}

// writeForever writes in a loop until killed: a contact added, an
// interaction logged with what was given and received, three people
// imported from a vCard, the calendar refreshed. Each write is reported on
// stdout only once its command has committed and returned.
func writeForever(db, run string) error {
	card := filepath.Join(filepath.Dir(db), "import-"+run+".vcf")
	for i := 0; ; i++ {
		var report string
		var err error
		switch i % 4 {
		case 0:
			name := fmt.Sprintf("Added r%s n%d", run, i)
			err, report = childKith(db, "contact", "add", name), "contact\t"+name
		case 1:
			summary := fmt.Sprintf("crash test r%s n%d", run, i)
			err = childKith(db, "log", "--with", "Anchor Person", "--summary", summary,
				"--gave", "advice: notes on "+summary, "--received", "feedback: on "+summary)
			report = "log\t" + summary
		case 2:
			prefix := fmt.Sprintf("Imported r%s n%d", run, i)
			if err = os.WriteFile(card, []byte(threeCards(prefix)), 0o600); err == nil {
				err = childKith(db, "import", "vcard", card)
			}
			report = "import\t" + prefix
		case 3:
			err, report = childKith(db, "calendar", "refresh"), "calendar\t"
		}
		if err != nil {
			return err
		}
		fmt.Println(report)
	}
}

// threeCards is a vCard file of three people whose names start with prefix.
func threeCards(prefix string) string {
	var b strings.Builder
	for _, who := range []string{"Ada", "Bea", "Cy"} {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s %s\r\nN:%s;%s;;;\r\nEND:VCARD\r\n", prefix, who, who, prefix)
	}
	return b.String()
}

// addPeople adds the people named "Headless r<run> n<i>", one command each,
// as a script would while the window is open.
func addPeople(db, run string) error {
	for i := range 60 {
		name := fmt.Sprintf("Headless r%s n%d", run, i)
		if err := childKith(db, "contact", "add", name); err != nil {
			return err
		}
		fmt.Println(name)
	}
	return nil
}

// holdLock takes db's write lock (with run "exclusive", the whole file, so
// that not even a reader gets in), says "locked" and keeps it until stdin closes.
func holdLock(db, run string) error {
	conn, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		return err
	}
	defer conn.Close()
	c, err := conn.Conn(context.Background())
	if err != nil {
		return err
	}
	defer c.Close()
	stmts := []string{"BEGIN IMMEDIATE", "UPDATE profile SET strengths = strengths"}
	if run == "exclusive" {
		stmts = []string{"PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE", "UPDATE profile SET strengths = strengths"}
	}
	for _, s := range stmts {
		if _, err := c.ExecContext(context.Background(), s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
	return nil
}

// child is a running second process playing a part.
type child struct {
	cmd   *exec.Cmd
	lines chan string // what it printed, one line each; closed when its stdout is
	stdin io.WriteCloser
	err   strings.Builder
}

// startChild starts the test binary playing part against db.
func startChild(t testing.TB, part, db, run string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "-test.run=^$"), lines: make(chan string, 1024)}
	c.cmd.Env = append(os.Environ(), "KITH_TEST_CHILD="+part, "KITH_TEST_DB="+db, "KITH_TEST_RUN="+run)
	c.cmd.Stderr = &c.err
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	return c
}

// wait waits for the child to end and returns everything it printed.
func (c *child) wait() ([]string, error) {
	var got []string
	for l := range c.lines {
		got = append(got, l)
	}
	return got, c.cmd.Wait()
}
