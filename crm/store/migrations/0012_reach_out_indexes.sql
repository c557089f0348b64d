-- What a calendar check-in lists of the exchanges with its person
-- (ReachOutsOf in calendar.go), read from indexes alone: an export of a
-- big book lists them for thousands of due people, and reading each row
-- from the table for its direction and text was most of its time.
--
-- What each person gave, newest first. Through exchanges_contact the read
-- walked every exchange of the person, both directions, and read each row
-- to see its direction: an export of 17,000 due people made some 230,000
-- scattered row reads. This index holds only what was received, ordered by
-- day and id as the check-in lists it, with the kind and description it
-- shows, so the last three are one seek and a few index entries.
CREATE INDEX exchanges_received ON exchanges (contact_id, occurred_on, id, kind, description)
    WHERE direction = 'received';

-- The promises still open to each person, oldest first: exchanges_open
-- finds them, and this also holds what the check-in shows of them (and
-- done_on, always NULL here, without which SQLite reads the row to check it).
CREATE INDEX exchanges_promised ON exchanges (contact_id, occurred_on, id, kind, description, done_on)
    WHERE commitment = 1 AND done_on IS NULL;
