// Package nudge works out what Kith tells its user about a day outside the
// window: the tray menu's list of who is waiting, and the one desktop
// notification a day. It holds names and how late each check-in is, never
// notes or summaries, so nothing private reaches the system's notification
// centre or a screen-shared menu bar.
package nudge

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Kind says what a nudge item asks for.
type Kind string

// The kinds of item a day can hold.
const (
	CheckIn  Kind = "check-in"
	FollowUp Kind = "follow-up"
)

// Item is one person waiting on the user today.
type Item struct {
	ID       int64  // the contact to open; the prospect for a follow-up
	Name     string // as the user wrote it
	Kind     Kind
	DaysLate int // 0 when due today
}

// Label is the item as a menu shows it: "Priya Raman · 8 days late", and
// "Sam Ortiz · follow up · due today" for a prospect.
func (it Item) Label() string {
	name := it.Name
	if it.Kind == FollowUp {
		name += " · follow up"
	}
	switch {
	case it.DaysLate == 1:
		return name + " · 1 day late"
	case it.DaysLate > 1:
		return fmt.Sprintf("%s · %d days late", name, it.DaysLate)
	}
	return name + " · due today"
}

// Day is what is due on one day: the first few items, most pressing first,
// and how many there are in all of each kind.
type Day struct {
	Date      crm.Date
	Items     []Item
	CheckIns  int
	FollowUps int
}

// Total counts everything due, listed or not.
func (d Day) Total() int { return d.CheckIns + d.FollowUps }

// Empty says whether nothing is due.
func (d Day) Empty() bool { return d.Total() == 0 }

// More counts the items due but not listed: the "and N more".
func (d Day) More() int { return max(d.Total()-len(d.Items), 0) }

// Headline counts what is due: "3 check-ins due", "1 check-in and 2
// follow-ups due", "Nothing due".
func (d Day) Headline() string {
	var parts []string
	if d.CheckIns > 0 {
		parts = append(parts, plural(d.CheckIns, "check-in"))
	}
	if d.FollowUps > 0 {
		parts = append(parts, plural(d.FollowUps, "follow-up"))
	}
	if len(parts) == 0 {
		return "Nothing due"
	}
	return strings.Join(parts, " and ") + " due"
}

// Text is the notification's body: the headline, then up to names people
// and how many more, "3 check-ins due: Priya Raman, Tom Becker and 1 more".
// Empty when nothing is due.
func (d Day) Text(names int) string {
	if d.Empty() {
		return ""
	}
	shown := d.Items[:min(names, len(d.Items))]
	if len(shown) == 0 {
		return d.Headline()
	}
	list := make([]string, len(shown))
	for i, it := range shown {
		list[i] = it.Name
	}
	more := d.Total() - len(shown)
	switch {
	case more > 0:
		return fmt.Sprintf("%s: %s and %d more", d.Headline(), strings.Join(list, ", "), more)
	case len(list) == 1:
		return d.Headline() + ": " + list[0]
	}
	return fmt.Sprintf("%s: %s and %s", d.Headline(), strings.Join(list[:len(list)-1], ", "), list[len(list)-1])
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
