package review

import "github.com/kithcrm/kith/crm"

// CountCheckins judges a relationship's check-ins during a quarter.
//
// A check-in falls due cadence days after the previous contact; before the
// first interaction ever, the previous contact is the later of the day met
// and the day added, as on the check-in list. Walking the days the user met
// the person in the quarter, in order:
//
//   - a meeting on or before the pending check-in's due date keeps it
//     (CheckinsKept), and the next check-in falls due a cadence later;
//   - a meeting after the due date closes a missed check-in; it counts as
//     missed in this quarter when its due date fell in it (one that fell
//     due earlier was counted in its own quarter);
//   - after the last meeting, a check-in that fell due within the quarter,
//     up to asOf, with no meeting since, is missed too; except that while
//     the quarter is running (asOf is today) one due today is not missed
//     yet, as the check-in list says "today", not late.
//
// So a relationship neglected for a year counts one missed check-in, in the
// quarter it fell due, not one per cadence; snoozes are not history and are
// ignored. A meeting on the very day met keeps the first check-in. prev is
// the last contact before the quarter (or the later of the day met and the
// day added), days the distinct meeting days in [start, asOf], ascending;
// running says asOf is today.
func CountCheckins(prev crm.Date, cadence int, days []crm.Date, start, asOf crm.Date, running bool) (kept, missed int) {
	if cadence <= 0 {
		return 0, 0
	}
	inQuarter := func(d crm.Date) bool { return !d.Before(start) && !d.After(asOf) }
	for _, d := range days {
		due := prev.AddDays(cadence)
		switch {
		case !d.After(due):
			kept++
		case inQuarter(due):
			missed++
		}
		if d.After(prev) { // a meeting logged before the day met moves nothing back
			prev = d
		}
	}
	if due := prev.AddDays(cadence); inQuarter(due) && (!running || due.Before(asOf)) {
		missed++
	}
	return kept, missed
}
