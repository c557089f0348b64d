package calendar

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/kithcrm/kith/crm/internal/privatefile"
)

// WriteFile replaces path with data atomically, readable by the user
// alone (see privatefile.Write), so a calendar app subscribed to the file,
// or a sync folder holding it, never reads half a calendar. On any error
// path is left as it was.
func WriteFile(path string, data []byte) error {
	return privatefile.Write(path, func(w io.Writer) error {
		if _, err := w.Write(data); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
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
	ex, err := Build(ctx, st, opts)
	if err != nil {
		return "", err
	}
	return s.LiveFile, writeLive(s.LiveFile, ex)
}

// writeLive writes a built calendar to the live file.
func writeLive(path string, ex *Export) error {
	data, err := ex.Encode()
	if err != nil {
		return err
	}
	if err := WriteFile(path, data); err != nil {
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
	ex, err := Build(ctx, st, opts)
	if err != nil {
		return err
	}
	var liveErr error
	if s.LiveFile != "" {
		liveErr = writeLive(s.LiveFile, ex)
	}
	if !publish {
		return liveErr
	}
	pw, err := Password(os.Getenv, s.CalDAVURL, s.CalDAVUser)
	if err != nil {
		return errors.Join(liveErr, err)
	}
	_, err = publishExport(ctx, st, Target{URL: s.CalDAVURL, User: s.CalDAVUser, Password: pw}, ex)
	return errors.Join(liveErr, err)
}
