package calendar

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/kithcrm/kith/crm/atomicfile"
)

// WriteFile replaces path with data atomically: it writes a temporary file
// in the same folder, syncs it to disk and renames it over path, so a
// calendar app subscribed to the file, or a sync folder holding it, never
// reads half a calendar. On any error path is left as it was.
func WriteFile(path string, data []byte) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteLive rewrites the live calendar file chosen in the settings and
// returns its path; it does nothing and returns "" when none is set. The
// window calls it after every change.
func WriteLive(ctx context.Context, st Store, opts Options) (string, error) {
	s, err := Load(ctx, st)
	if err != nil {
		return "", err
	}
	if s.LiveFile == "" {
		return "", nil
	}
	return s.LiveFile, streamLive(ctx, st, opts, s.LiveFile)
}

// StreamFile writes the calendar (see Stream) to path atomically, as
// WriteFile does but one event at a time, and returns how many events it
// holds. The folder is first rid of the temporaries an export killed
// part-way left there (often a synced folder, where they would sync for
// ever): Kith's own, older than a minute.
func StreamFile(ctx context.Context, st Store, opts Options, path string) (int, error) {
	atomicfile.RemoveStale(path, atomicfile.StaleAge)
	n := 0
	err := atomicfile.Write(path, func(w io.Writer) (err error) {
		n, err = Stream(ctx, st, opts, w)
		return err
	})
	return n, err
}

// streamLive writes the calendar to the live file, as it is read.
func streamLive(ctx context.Context, st Store, opts Options, path string) error {
	if _, err := StreamFile(ctx, st, opts, path); err != nil {
		return fmt.Errorf("live calendar file: %w", err)
	}
	return nil
}

// writeLive writes a built calendar to the live file.
func writeLive(path string, ex *Export) error {
	atomicfile.RemoveStale(path, atomicfile.StaleAge)
	if err := atomicfile.Write(path, ex.Write); err != nil {
		return fmt.Errorf("live calendar file: %w", err)
	}
	return nil
}

// AfterChange keeps the user's calendars current after a change to the
// database: it rewrites the live file when one is set and, when
// publish-after-change is on, publishes to CalDAV with the password from
// $KITH_CALDAV_PASSWORD or the keychain. The calendar is built once for
// both. Both are tried; their errors are joined. Nothing in the database is
// lost when either fails.
func AfterChange(ctx context.Context, st Store, opts Options) error {
	s, err := Load(ctx, st)
	if err != nil {
		return err
	}
	publish := s.PublishAfterChange && s.CalDAVURL != ""
	if s.LiveFile == "" && !publish {
		return nil
	}
	if !publish {
		// The file alone: written as it is read, never held whole.
		return streamLive(ctx, st, opts, s.LiveFile)
	}
	// CalDAV needs every event as an object: build once, for both.
	ex, err := Build(ctx, st, opts)
	if err != nil {
		return err
	}
	var liveErr error
	if s.LiveFile != "" {
		liveErr = writeLive(s.LiveFile, ex)
	}
	pw, err := Password(os.Getenv, s.CalDAVURL, s.CalDAVUser)
	if err != nil {
		return errors.Join(liveErr, err)
	}
	_, err = publishExport(ctx, st, Target{URL: s.CalDAVURL, User: s.CalDAVUser, Password: pw}, ex)
	return errors.Join(liveErr, err)
}
