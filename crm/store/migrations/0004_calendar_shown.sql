-- An event's SEQUENCE rises only when what a calendar shows of it changes
-- (date, summary, alarm, rule, categories); its description alone (with or
-- without private notes) is a variant of the same version, which moves
-- LAST-MODIFIED and DTSTAMP only. shown_hash covers what is shown, and
-- content_hash still covers everything; '' for a state recorded before this
-- step, filled in by the next export without counting as a change.
ALTER TABLE calendar_events ADD COLUMN shown_hash TEXT NOT NULL DEFAULT '';
