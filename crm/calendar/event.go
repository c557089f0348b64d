package calendar

import (
	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm"
)

// event is one all-day event as Kith exports it: every event differs from
// the next only in these fields. A source builds one per record and hands
// it on; the export writes its lines straight from it (see writeEvent),
// and a whole calendar built for CalDAV turns it into a go-ical component
// (see component). Both give the same bytes, which the tests hold them to.
type event struct {
	uid         string
	day         crm.Date // all day: DTSTART is day, DTEND the day after
	summary     string
	description string
	rule        string   // its RRULE; "" for a single day
	categories  []string // nil for none
	// alarm is the TRIGGER of the VALARM that reminds on the day, an
	// offset from the start such as PT9H; "" for no alarm.
	alarm string
}

// allDay makes an all-day event on day: DATE values carry no TZID, so the
// event stays on that day in every time zone and needs no VTIMEZONE. It
// carries the alarm the settings ask for.
func (b *builder) allDay(uid string, day crm.Date, summary, description string) *event {
	return &event{uid: uid, day: day, summary: summary, description: description, alarm: b.alarm}
}

// alarmTrigger is the TRIGGER of the alarm of every event for the alarm
// time hhmm, "" for none (or a time that cannot be read, which the
// settings refuse to save).
func alarmTrigger(hhmm string) string {
	if hhmm == "" {
		return ""
	}
	off, err := alarmOffset(hhmm)
	if err != nil {
		return ""
	}
	return isoDuration(off)
}

// component is the event as a go-ical component, without its stamps, for
// a calendar built whole (CalDAV sends each event as an object of its own).
func (e *event) component() *ical.Component {
	ev := ical.NewEvent().Component
	ev.Props.SetText(ical.PropUID, e.uid)
	ev.Props.SetDate(ical.PropDateTimeStart, e.day.Time())
	ev.Props.SetDate(ical.PropDateTimeEnd, e.day.AddDays(1).Time())
	if e.rule != "" {
		ev.Props.Set(&ical.Prop{Name: ical.PropRecurrenceRule, Params: ical.Params{}, Value: e.rule})
	}
	setText(ev.Props, ical.PropSummary, e.summary)
	setText(ev.Props, ical.PropDescription, e.description)
	if e.categories != nil {
		setTextList(ev.Props, ical.PropCategories, e.categories)
	}
	ev.Props.SetText(ical.PropClass, "PRIVATE")
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT") // a reminder, not busy time
	if e.alarm != "" {
		ev.Children = append(ev.Children, alarm(e.alarm, e.summary))
	}
	return ev
}

// alarm reminds on the day of an all-day event at trigger (an offset from
// its start). Several clients drop alarms from subscribed files, which is
// why the event itself, on the right day with a plain summary, is the
// reminder.
func alarm(trigger, summary string) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	trig := ical.NewProp(ical.PropTrigger)
	trig.Params.Set(ical.ParamRelated, "START")
	trig.Value = trigger
	a.Props.Set(trig)
	setText(a.Props, ical.PropDescription, summary)
	return a
}
