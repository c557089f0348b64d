package calendar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/kithcrm/kith/crm"
)

// DefaultReviewRule puts the quarterly relationship review on the first
// Monday of January, April, July and October.
const DefaultReviewRule = "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO"

// Settings are the calendar choices the user makes in Settings or with
// 'kith calendar set'. They live in the database's settings table under
// keys starting with "calendar."; the CalDAV password is not among them: it
// lives in the OS keychain (see Password).
type Settings struct {
	Horizon crm.Span `json:"horizon"` // how far ahead check-ins are exported
	// AlarmTime is the time of day ("09:00") a reminder alarm goes off on
	// the day of each event; "" for no alarm.
	AlarmTime string `json:"alarm_time"`
	// WithNotes lets private notes of contacts and interactions into the
	// calendar; off by default, since calendars are often synced to a cloud.
	WithNotes bool `json:"with_notes"`
	// ReviewRule is the RRULE of the quarterly relationship review event.
	ReviewRule string `json:"review_rule"`
	// LiveFile is a calendar file Kith rewrites after every change; "" for none.
	LiveFile string `json:"live_file"`
	// CalDAVURL is the calendar collection to publish to; "" for none.
	CalDAVURL  string `json:"caldav_url"`
	CalDAVUser string `json:"caldav_user"`
	// PublishAfterChange publishes to CalDAV whenever the live file is rewritten.
	PublishAfterChange bool `json:"publish_after_change"`
}

// MarshalJSON writes the horizon as it is typed ("90d"), as
// 'kith calendar --json' shows it.
func (s Settings) MarshalJSON() ([]byte, error) {
	type plain Settings
	return json.Marshal(struct {
		plain
		Horizon string `json:"horizon"`
	}{plain(s), s.Horizon.String()})
}

// DefaultSettings are the settings of a new database.
func DefaultSettings() Settings {
	return Settings{Horizon: crm.Span{N: 90, Unit: 'd'}, AlarmTime: "09:00", ReviewRule: DefaultReviewRule}
}

// The keys of the settings table.
const (
	keyHorizon      = "calendar.horizon"
	keyAlarm        = "calendar.alarm_time"
	keyWithNotes    = "calendar.with_notes"
	keyReviewRule   = "calendar.review_rule"
	keyLiveFile     = "calendar.live_file"
	keyCalDAVURL    = "calendar.caldav_url"
	keyCalDAVUser   = "calendar.caldav_user"
	keyPublishAfter = "calendar.publish_after_change"
	keyUIDSalt      = "calendar.uid_salt"
)

// LoadSettings reads the calendar settings, with defaults for those never set.
func LoadSettings(tx Reader) (Settings, error) {
	s := DefaultSettings()
	texts := []struct {
		key string
		dst *string
	}{{keyAlarm, &s.AlarmTime}, {keyReviewRule, &s.ReviewRule}, {keyLiveFile, &s.LiveFile},
		{keyCalDAVURL, &s.CalDAVURL}, {keyCalDAVUser, &s.CalDAVUser}}
	for _, t := range texts {
		v, ok, err := tx.Setting(t.key)
		if err != nil {
			return s, err
		}
		if ok {
			*t.dst = v
		}
	}
	if v, ok, err := tx.Setting(keyHorizon); err != nil {
		return s, err
	} else if ok {
		h, err := crm.ParseSpan(v)
		var tooLong *crm.SpanTooLongError
		switch {
		case errors.As(err, &tooLong): // saved by an older Kith, which took any length: the most there is now
			s.Horizon = crm.Span{N: crm.MaxSpanDays, Unit: 'd'}
		case err != nil:
			return s, fmt.Errorf("setting %s: %w", keyHorizon, err)
		default:
			s.Horizon = h
		}
	}
	for key, dst := range map[string]*bool{keyWithNotes: &s.WithNotes, keyPublishAfter: &s.PublishAfterChange} {
		v, ok, err := tx.Setting(key)
		if err != nil {
			return s, err
		}
		if ok {
			*dst = v == "true"
		}
	}
	return s, nil
}

// Load reads the calendar settings in a transaction of its own, for the
// window's Settings screen and the command line.
func Load(ctx context.Context, st Store) (Settings, error) {
	var s Settings
	err := st.ViewCalendar(ctx, func(tx Reader) error {
		var err error
		s, err = LoadSettings(tx)
		return err
	})
	return s, err
}

// SaveSettings checks and saves the calendar settings; nothing is saved
// when one is wrong.
func SaveSettings(tx Tx, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	for key, v := range map[string]string{
		keyHorizon: s.Horizon.String(), keyAlarm: s.AlarmTime, keyWithNotes: strconv.FormatBool(s.WithNotes),
		keyReviewRule: s.ReviewRule, keyLiveFile: s.LiveFile, keyCalDAVURL: s.CalDAVURL, keyCalDAVUser: s.CalDAVUser,
		keyPublishAfter: strconv.FormatBool(s.PublishAfterChange),
	} {
		if err := tx.SetSetting(key, v); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the settings and tidies their spelling (spaces, case),
// naming the setting at fault.
func (s *Settings) Validate() error {
	if s.Horizon.N <= 0 || s.Horizon.Days() > crm.MaxSpanDays {
		return crm.Invalid("horizon", fmt.Errorf("must be a duration such as 90d or 3m"))
	}
	s.AlarmTime = strings.TrimSpace(s.AlarmTime)
	if strings.EqualFold(s.AlarmTime, "off") || strings.EqualFold(s.AlarmTime, "none") {
		s.AlarmTime = ""
	}
	if s.AlarmTime != "" {
		if _, err := alarmOffset(s.AlarmTime); err != nil {
			return crm.Invalid("alarm time", err)
		}
	}
	s.ReviewRule = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s.ReviewRule)), "RRULE:")
	if _, err := reviewStart(s.ReviewRule, crm.Today()); err != nil {
		return crm.Invalid("review rule", err)
	}
	s.LiveFile = strings.TrimSpace(s.LiveFile)
	s.CalDAVURL = strings.TrimSpace(s.CalDAVURL)
	if s.CalDAVURL != "" {
		u, err := url.Parse(s.CalDAVURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return crm.Invalid("CalDAV URL", fmt.Errorf("%q is not an http:// or https:// address", s.CalDAVURL))
		}
	}
	s.CalDAVUser = strings.TrimSpace(s.CalDAVUser)
	if s.PublishAfterChange && s.CalDAVURL == "" {
		return crm.Invalid("publish after change", fmt.Errorf("needs a CalDAV URL"))
	}
	return nil
}

// alarmOffset reads an "HH:MM" time of day as the offset from the start of
// an all-day event.
func alarmOffset(hhmm string) (time.Duration, error) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return 0, fmt.Errorf("%q is not a time of day (want HH:MM, e.g. 09:00, or off)", hhmm)
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// reviewStart returns the first day of the review series: its first
// occurrence in the year of today. The anchor moves once a year, so the
// event's DTSTART (and SEQUENCE) do not change with every export.
func reviewStart(rule string, today crm.Date) (crm.Date, error) {
	if err := CheckRule(rule); err != nil {
		return crm.Date{}, err
	}
	opt, err := rrule.StrToROption(rule)
	if err != nil {
		return crm.Date{}, fmt.Errorf("%q is not an RRULE: %v", rule, err)
	}
	if opt.Freq > rrule.DAILY {
		return crm.Date{}, fmt.Errorf("%q repeats more often than daily; the review is an all-day event", rule)
	}
	jan1 := crm.NewDate(today.Time().Year(), time.January, 1)
	opt.Dtstart = jan1.Time()
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return crm.Date{}, fmt.Errorf("%q: %v", rule, err)
	}
	first := r.After(jan1.Time(), true)
	if first.IsZero() {
		return crm.Date{}, fmt.Errorf("%q has no occurrence from %d on", rule, jan1.Time().Year())
	}
	return crm.DateOf(first), nil
}
