-- Importing people from vCard files and LinkedIn, and undoing an import.

-- A default cadence may now be "none" (NULL): no check-in. Only 'none', the
-- default of people without a role, is ever set so, by SetRoleCadence. The
-- table is rebuilt because SQLite cannot change a CHECK in place; nothing
-- refers to it.
CREATE TABLE role_cadences_new (
    role  TEXT    PRIMARY KEY CHECK (role IN ('coach', 'mentor', 'circle', 'coachee', 'mentee', 'none')),
    days  INTEGER CHECK (days IS NULL OR days > 0)
) WITHOUT ROWID;
INSERT INTO role_cadences_new (role, days) SELECT role, days FROM role_cadences;
DROP TABLE role_cadences;
ALTER TABLE role_cadences_new RENAME TO role_cadences;

-- A new book has no check-ins for people without a role: an address book
-- imported whole must not turn into thousands of reminders. A book that
-- already holds people keeps the value it has (90 days unless changed). A
-- book with nobody in it yet is as good as new: changing it changes no one's
-- check-in.
UPDATE role_cadences SET days = NULL
 WHERE role = 'none' AND days = 90 AND NOT EXISTS (SELECT 1 FROM contacts);

-- One import: which file, in what format, with which choices, how many
-- people it added and updated, and when it was undone (NULL while it stands).
CREATE TABLE import_batches (
    id            INTEGER PRIMARY KEY,
    format        TEXT    NOT NULL CHECK (format IN ('vcard', 'linkedin')),
    file          TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT '',
    cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    added         INTEGER NOT NULL DEFAULT 0 CHECK (added >= 0),
    updated       INTEGER NOT NULL DEFAULT 0 CHECK (updated >= 0),
    unchanged     INTEGER NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
    refused       INTEGER NOT NULL DEFAULT 0 CHECK (refused >= 0),
    undone_at     TEXT
);

-- The people an import added, with a fingerprint of each as written, so
-- that undo removes only those nobody changed since. A person an import
-- added has no check-in while they have neither a role nor a cadence of
-- their own (see effectiveCadence in checkins.go); the row outlives an
-- undo that keeps them.
CREATE TABLE import_added (
    batch_id     INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    fingerprint  TEXT    NOT NULL,
    PRIMARY KEY (batch_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX import_added_contact ON import_added (contact_id);

-- The fields an import filled on people already in the book (an empty
-- company, a new email), with the value before, so undo can put it back.
CREATE TABLE import_filled (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    field       TEXT    NOT NULL CHECK (trim(field) <> ''),
    old_value   TEXT    NOT NULL,
    new_value   TEXT    NOT NULL
);
CREATE INDEX import_filled_batch ON import_filled (batch_id);
CREATE INDEX import_filled_contact ON import_filled (contact_id);
