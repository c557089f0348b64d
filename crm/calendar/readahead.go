package calendar

import (
	"slices"

	"github.com/kithcrm/kith/crm"
)

// reachChunk is what the check-ins of one chunk of due people say.
type reachChunk struct {
	due   []crm.CheckIn
	reach map[int64]ReachOut
	err   error
}

// readAhead reads what the check-ins of due say, ReachOutChunk people at a
// time, on a goroutine of its own, one chunk ahead of the caller: while
// the events of one chunk are built, hashed and written, SQLite reads the
// next on the other core, which on a big book takes the export's time
// from the sum of the two to about the larger. At most two chunks are
// held, so memory still does not grow with the book.
//
// The snapshot is read by the goroutine alone until it ends; stop, which
// the caller must call before its transaction ends, tells it to end and
// waits for it. A chunk whose reading failed carries the error, and is the
// last.
func (b *builder) readAhead(due []crm.CheckIn) (chunks <-chan reachChunk, stop func()) {
	out := make(chan reachChunk) // unbuffered: the next chunk waits, read, for the caller
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		defer close(out)
		for chunk := range slices.Chunk(due, ReachOutChunk) {
			ids := make([]int64, len(chunk))
			for i, c := range chunk {
				ids[i] = c.ContactID
			}
			reach, err := b.tx.ReachOutsOf(ids, reachOutLimit, b.s.WithNotes)
			select {
			case out <- reachChunk{due: chunk, reach: reach, err: err}:
			case <-quit:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out, func() { close(quit); <-done }
}
