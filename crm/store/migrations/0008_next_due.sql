-- Stored check-ins: each contact's last contact, cadence and next check-in, kept in
-- the contacts row so that due lists, Today, the people list sorted by next
-- check-in and the calendar read an index instead of working out every
-- person's dates from their interactions on each read.
--
-- The dates are as of the day in settings 'checkins_day' (the day they were
-- last worked out): an interaction dated after that day does not count yet.
-- Writes keep them true in their own transaction: the triggers below only
-- note who changed in checkin_dirty, and the store (checkin_dates.go)
-- works out the dates of those people before it commits, since the rule
-- needs the day, which SQL triggers cannot know. A contact_id of 0 there
-- means everyone.
ALTER TABLE contacts ADD COLUMN last_contact TEXT;
ALTER TABLE contacts ADD COLUMN next_due TEXT;
-- The cadence in force (their own, else their roles', else the default),
-- NULL for none: the due list shows it beside every row.
ALTER TABLE contacts ADD COLUMN checkin_cadence INTEGER;

CREATE INDEX contacts_next_due ON contacts (archived, next_due, name_key);
CREATE INDEX contacts_last_contact ON contacts (archived, last_contact);

CREATE TABLE checkin_dirty (
    contact_id INTEGER PRIMARY KEY
);

-- What a check-in depends on: the person's own cadence, snooze, archiving
-- and the days met and added; the roles they hold and the default cadence
-- of each; whether an import added them; and the interactions they took
-- part in, with their dates.
CREATE TRIGGER checkin_contact_insert AFTER INSERT ON contacts
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (NEW.id);
END;
CREATE TRIGGER checkin_contact_update
AFTER UPDATE OF cadence_days, snoozed_until, archived, met_on, added_on ON contacts
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (NEW.id);
END;
CREATE TRIGGER checkin_role_insert AFTER INSERT ON roles
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (NEW.contact_id);
END;
CREATE TRIGGER checkin_role_update AFTER UPDATE OF contact_id, role, until ON roles
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (OLD.contact_id), (NEW.contact_id);
END;
CREATE TRIGGER checkin_role_delete AFTER DELETE ON roles
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (OLD.contact_id);
END;
CREATE TRIGGER checkin_participant_insert AFTER INSERT ON participants
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (NEW.contact_id);
END;
CREATE TRIGGER checkin_participant_update AFTER UPDATE OF contact_id, occurred_on ON participants
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (OLD.contact_id), (NEW.contact_id);
END;
CREATE TRIGGER checkin_participant_delete AFTER DELETE ON participants
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (OLD.contact_id);
END;
CREATE TRIGGER checkin_import_insert AFTER INSERT ON import_added
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (NEW.contact_id);
END;
CREATE TRIGGER checkin_import_delete AFTER DELETE ON import_added
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (OLD.contact_id);
END;
-- A role's default touches its current holders; the default for people
-- without a role touches anyone, so it marks everyone.
CREATE TRIGGER checkin_cadence_change AFTER UPDATE ON role_cadences
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id)
        SELECT contact_id FROM roles WHERE role IN (OLD.role, NEW.role) AND until IS NULL;
    INSERT OR IGNORE INTO checkin_dirty (contact_id)
        SELECT 0 WHERE 'none' IN (OLD.role, NEW.role);
END;

-- Existing books: everyone is worked out when the store next opens to write.
INSERT INTO checkin_dirty (contact_id) VALUES (0);
INSERT INTO settings (key, value) VALUES ('checkins_day', '');
