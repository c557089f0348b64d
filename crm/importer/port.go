package importer

import (
	"time"

	"github.com/kithcrm/kith/crm"
)

// The importer declares what it reads and writes, as packages review and
// calendar do, so that it knows nothing of SQL: the store's transaction
// (*store.Tx) implements these interfaces.

// KeyKind is what a match key is made of.
type KeyKind string

// The kinds of match key.
const (
	KeyEmail KeyKind = "email" // an email address as stored
	KeyURL   KeyKind = "url"   // a URL as stored
	KeyName  KeyKind = "name"  // a name key (crm.NameKey)
)

// Key is one thing a person in the book can be matched by.
type Key struct {
	ContactID int64
	Kind      KeyKind
	Value     string
}

// Book is what planning an import reads, in the transaction that will
// write it.
type Book interface {
	// ImportKeys calls fn with every email and URL of every person, as
	// stored, and every person's name key: the importer loads them once
	// into maps instead of asking about each record.
	ImportKeys(fn func(Key) error) error
	// ContactsByID loads the people with these ids (a few hundred at
	// most), with their channels and roles, in any order; an id of nobody
	// is left out.
	ContactsByID(ids []int64) ([]crm.Contact, error)
}

// Writer is a write transaction: an import's people, the fields it fills
// and its record as a batch are all kept, or none.
type Writer interface {
	Book
	// AddContact stores a new person and sets their ID.
	AddContact(c *crm.Contact) error
	// UpdateContact saves a person's fields and channels.
	UpdateContact(c *crm.Contact) error
	// StartImport records a new batch and returns its id.
	StartImport(b Batch) (int64, error)
	// RecordAdded records a person the batch added.
	RecordAdded(batch int64, a AddedPerson) error
	// RecordFilled records a field the batch filled.
	RecordFilled(batch int64, f Filled) error
}

// History is what listing and undoing imports read and write.
type History interface {
	// ImportBatches returns every import, newest first.
	ImportBatches() ([]Batch, error)
	// ImportBatch returns one import; a crm.ENotFound error when there is none.
	ImportBatch(id int64) (Batch, error)
	// ImportAdded returns the people a batch added.
	ImportAdded(batch int64) ([]AddedPerson, error)
	// ImportFilled returns the fields a batch filled, in the order filled.
	ImportFilled(batch int64) ([]Filled, error)
	// MarkImportUndone records that a batch was undone.
	MarkImportUndone(batch int64) error
}

// Undoer is a write transaction that undoes an import.
type Undoer interface {
	History
	// Contact loads one person; a crm.ENotFound error when they are gone.
	Contact(id int64) (*crm.Contact, error)
	// UpdateContact saves a person's fields and channels.
	UpdateContact(c *crm.Contact) error
	// DeleteContact removes a person.
	DeleteContact(id int64) error
	// ContactInUse reports whether anything else in the book refers to a
	// person: an interaction, an exchange, a circle, a goal, a review
	// decision, someone they introduced.
	ContactInUse(id int64) (bool, error)
}

// Batch is one import as recorded.
type Batch struct {
	ID          int64        `json:"id"`
	Format      Format       `json:"format"`
	File        string       `json:"file"`
	ImportedAt  time.Time    `json:"imported_at"`
	Role        crm.RoleKind `json:"role"`         // the role given to everyone added, "" for none
	CadenceDays int          `json:"cadence_days"` // the cadence given to everyone added, 0 for none
	Added       int          `json:"added"`
	Updated     int          `json:"updated"`
	Unchanged   int          `json:"unchanged"`
	Refused     int          `json:"refused"`
	UndoneAt    *time.Time   `json:"undone_at"` // null while the import stands
}

// AddedPerson is one person an import added, with the fingerprint of what
// it wrote, so that undo can tell whether they were changed since.
type AddedPerson struct {
	ContactID   int64
	Fingerprint string
}

// Filled is one field an import filled on a person already in the book: a
// field that was empty (Old is "") or a channel added (Field is email,
// phone or url; New is its value).
type Filled struct {
	ContactID int64
	Field     string
	Old       string
	New       string
}
