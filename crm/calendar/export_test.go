package calendar

// What the tests of package calendar_test need from inside the package.
// They live outside it because they open a real store, and the store
// imports this package.

// NewCalendar makes an empty VCALENDAR (see newCalendar).
var NewCalendar = newCalendar

// SetText sets a TEXT property as an export does (see setText).
var SetText = setText

// KeyLiveFile is the settings key of the live file.
const KeyLiveFile = keyLiveFile

// ExportInOneTx builds an export entirely inside the one write transaction
// tx, reading what each check-in says through tx: the way Kith exported
// before it read from a snapshot, kept as the benchmark's baseline.
func ExportInOneTx(tx Tx, opts Options) (*Export, error) {
	salt, err := uidSalt(tx)
	if err != nil {
		return nil, err
	}
	c := &collector{ex: &Export{Calendar: newCalendar(true)}}
	now := opts.now()
	changed, err := emitAll(tx, opts, salt, now, c)
	if err != nil {
		return nil, err
	}
	return c.ex, recordChanges(tx, changed, now)
}

// Revise is how an event's recorded state moves on (see revise).
var Revise = revise
