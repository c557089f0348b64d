-- What each person gave, newest first, read from the index alone: a
-- calendar check-in lists the last few exchanges received from its person
-- (ReachOutsOf in calendar.go). Through exchanges_contact that read walked
-- every exchange of the person, both directions, and read each row from
-- the table to see its direction and text; an export of 17,000 due people
-- made some 230,000 scattered row reads of it. This index holds only what
-- was received, ordered by day and id as the check-in lists it, with the
-- kind and description it shows, so the last three are one seek and three
-- index entries. Partial, so it costs nothing for what the user gave.
CREATE INDEX exchanges_received ON exchanges (contact_id, occurred_on, id, kind, description)
    WHERE direction = 'received';
