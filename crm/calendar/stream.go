package calendar

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/emersion/go-ical"
)

// Stream writes the calendar of today's check-ins within the horizon, the
// quarterly review and the circles' meeting rhythms to w as an .ics file,
// and returns how many events it holds. Each event is written as soon as
// it is read and built, so memory does not grow with the book: a calendar
// of 50,000 check-ins is never held whole.
//
// The events are read from one read-only snapshot, so a long export of a
// big book never holds the database's only writer. Each event's SEQUENCE
// and LAST-MODIFIED come from what the last export recorded (see revise):
// LAST-MODIFIED moves when anything in the event changed since then,
// SEQUENCE only when what a calendar shows did. Then one short write
// records the events that changed, and only those: an export of an
// unchanged book writes nothing to the database and gives the same bytes.
func Stream(ctx context.Context, st Store, opts Options, w io.Writer) (int, error) {
	s := &streamer{w: bufio.NewWriterSize(w, 1<<16)}
	if err := export(ctx, st, opts, s); err != nil {
		return 0, err
	}
	return s.n, nil
}

// sink is where an export's events go, stamped with their state, in the
// order the sources give them: a file as it is written (streamer) or a
// whole calendar in memory (collector).
type sink interface {
	begin() error
	// event takes an event with its encoding, both unstamped, and its state.
	event(ev *event, enc *encodedEvent, st EventState) error
	end() error
}

// export reads every event from one snapshot and hands each to out with
// its state, then records the states that changed (see Stream).
func export(ctx context.Context, st Store, opts Options, out sink) error {
	salt, err := ensureSalt(ctx, st)
	if err != nil {
		return err
	}
	now := opts.now()
	var changed []change
	if err := st.ViewCalendar(ctx, func(tx Reader) error {
		changed, err = emitAll(tx, opts, salt, now, out)
		return err
	}); err != nil {
		return err
	}
	if len(changed) == 0 {
		return nil
	}
	return st.UpdateCalendar(ctx, func(tx Tx) error { return recordChanges(tx, changed, now) })
}

// change is an event whose state an export moved on: what it found
// recorded (prev, when seen) and what it wrote (next).
type change struct {
	prev EventState
	seen bool
	next EventState
}

// emitAll builds the events of every source from tx, with the saved
// settings as opts adjust them, and hands each to out stamped with its
// state; it returns the events whose state moved on, to be recorded.
func emitAll(tx Reader, opts Options, salt string, now time.Time, out sink) ([]change, error) {
	b, err := newBuilder(tx, opts, salt)
	if err != nil {
		return nil, err
	}
	states, err := tx.CalendarEventStates()
	if err != nil {
		return nil, err
	}
	var changed []change
	enc := &encodedEvent{}
	emit := func(ev *event) error {
		if err := enc.writeEvent(ev); err != nil {
			return err
		}
		content, shown := enc.hashes()
		prev, seen := states[ev.uid]
		next, save := revise(prev, seen, EventState{UID: ev.uid, Hash: content, Shown: shown}, now)
		if save {
			changed = append(changed, change{prev: prev, seen: seen, next: next})
		}
		return out.event(ev, enc, next)
	}
	if err := out.begin(); err != nil {
		return nil, err
	}
	for _, s := range sources {
		if err := s.events(b, emit); err != nil {
			return nil, fmt.Errorf("calendar %s: %w", s.name, err)
		}
	}
	return changed, out.end()
}

// recordChanges saves the state of each event an export moved on. It reads
// the recorded state afresh in this write transaction: when another export
// recorded the same event since the snapshot, an event it already counted
// as changed is not counted twice, and SEQUENCE never runs back.
func recordChanges(tx Tx, changed []change, now time.Time) error {
	states, err := tx.CalendarEventStates()
	if err != nil {
		return err
	}
	for _, c := range changed {
		next := c.next
		if cur, seen := states[next.UID]; seen != c.seen || !sameState(cur, c.prev) {
			var save bool
			if next, save = revise(cur, seen, next, now); !save {
				continue
			}
		}
		if err := tx.SaveCalendarEventState(next); err != nil {
			return err
		}
	}
	return nil
}

// sameState reports whether two recorded states are the same.
func sameState(a, b EventState) bool {
	return a.UID == b.UID && a.Hash == b.Hash && a.Shown == b.Shown && a.Sequence == b.Sequence &&
		a.LastModified.Equal(b.LastModified)
}

// revise works out the state of an event built as cur (its UID and hashes)
// from what was recorded before (prev, when seen), and whether to save it.
// A new event starts at SEQUENCE 0. A change to what a calendar shows (the
// date, summary, alarm, rule) is a new version and raises SEQUENCE; a change
// to the description alone, such as exporting with private notes and then
// without, is a variant of the same version and keeps it. Either moves
// LAST-MODIFIED, and with it DTSTAMP, to now and never back: a client
// choosing between two copies at one SEQUENCE takes the later DTSTAMP
// (RFC 5546), so the new description still replaces the old.
func revise(prev EventState, seen bool, cur EventState, now time.Time) (EventState, bool) {
	if !seen {
		cur.LastModified = now
		return cur, true
	}
	cur.Sequence, cur.LastModified = prev.Sequence, prev.LastModified
	if prev.Hash == cur.Hash {
		// Unchanged; a state recorded before Shown was kept learns it.
		return cur, prev.Shown != cur.Shown
	}
	if prev.Shown != cur.Shown { // "" before Shown was kept: counted as a change, to be safe
		cur.Sequence++
	}
	cur.LastModified = now
	if !now.After(prev.LastModified) { // the clock must not run back for a client
		cur.LastModified = prev.LastModified.Add(time.Second)
	}
	return cur, true
}

// streamer is the sink of Stream: it writes the VCALENDAR's opening, each
// event as it comes, and the closing, with the same bytes Encode gives for
// the whole calendar.
type streamer struct {
	w *bufio.Writer
	n int
}

func (s *streamer) begin() error {
	return encodeHead(s.w, newCalendar(true).Component, nil)
}

func (s *streamer) event(_ *event, enc *encodedEvent, st EventState) error {
	s.n++
	return enc.writeStamped(s.w, st)
}

func (s *streamer) end() error {
	if err := writeLine(s.w, "END:"+ical.CompCalendar); err != nil {
		return err
	}
	return s.w.Flush()
}

// stamp gives an event the SEQUENCE, LAST-MODIFIED and DTSTAMP of its
// recorded state. DTSTAMP is the last revision too: for a published
// calendar with no METHOD, RFC 5545 makes it the time the information was
// last revised, and keeping it put keeps an unchanged file byte for byte
// the same.
func stamp(c *ical.Component, st EventState) {
	c.Props.SetDateTime(ical.PropDateTimeStamp, st.LastModified.UTC())
	c.Props.SetDateTime(ical.PropLastModified, st.LastModified.UTC())
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = strconv.Itoa(st.Sequence)
	c.Props.Set(seq)
}
