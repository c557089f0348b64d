package nudge

import (
	"time"

	"github.com/kithcrm/kith/crm"
)

// DefaultHour is when the daily notification goes out unless the user picks
// another hour: the start of most working days.
const DefaultHour = 9

// Schedule is when the day's notification goes out: at Hour o'clock local
// time, once a day, or never when Off.
type Schedule struct {
	Hour int
	Off  bool
}

// Due says whether the day's notification should go out at now, given the
// last day one went out (zero when never). It is due from the hour on, once
// a day: so a Kith started at 11:00 after being closed at 9:00, or after a
// week away, sends one summary at once, never one per missed day, and a Kith
// started at 8:00 waits for 9:00.
func (s Schedule) Due(now time.Time, last crm.Date) bool {
	if s.Off {
		return false
	}
	today := crm.DateOf(now)
	return now.Hour() >= s.Hour && (last.IsZero() || last.Before(today))
}
