-- What the due list shows beside each stored next check-in: the roles held
-- now and what the last interaction (up to the stored day) was about, kept
-- in the contacts row with the dates (checkin_dates.go) so that `due`,
-- Today and the calendar read one range of contacts_next_due and nothing
-- else per row. They are worked out by the same settle step as the dates,
-- for the same people: the triggers of the stored check-ins already mark
-- whoever's roles or interactions change, and the one below marks the
-- people at an interaction whose summary is edited.
ALTER TABLE contacts ADD COLUMN checkin_roles TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN last_summary TEXT NOT NULL DEFAULT '';

CREATE TRIGGER checkin_summary_update AFTER UPDATE OF summary ON interactions
BEGIN
    INSERT OR IGNORE INTO checkin_dirty (contact_id)
        SELECT contact_id FROM participants WHERE interaction_id = NEW.id;
END;

-- Existing books: everyone is worked out when the store next opens to write.
INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (0);
