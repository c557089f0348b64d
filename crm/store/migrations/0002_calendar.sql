-- Calendar export state (check-in reminders in every calendar).

-- What Kith last wrote for each calendar event it exports, by UID, so that an
-- event's SEQUENCE and LAST-MODIFIED rise only when its date or text changes
-- and stay put otherwise. content_hash covers everything but those stamps.
CREATE TABLE calendar_events (
    uid            TEXT    PRIMARY KEY,
    content_hash   TEXT    NOT NULL,
    sequence       INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    last_modified  TEXT    NOT NULL
) WITHOUT ROWID;

-- The objects Kith has put on each CalDAV calendar, with the server's ETag,
-- so a publish sends only what changed and removes only what Kith put there.
CREATE TABLE caldav_objects (
    calendar_url  TEXT NOT NULL,
    uid           TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    etag          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (calendar_url, uid)
) WITHOUT ROWID;
