-- Knowing what you need and finding the people for it: gaps as a list
-- linked to the people who help (like goals), the kind of help that fits
-- each goal and gap when the user chooses it, events where people are met,
-- and prospects with their pipeline, its history and the outreach.

-- The kind of help a goal needs when the user chose it; NULL follows the
-- rule (a coach near-term, a mentor long-term; crm.FitFor).
ALTER TABLE goals ADD COLUMN fits TEXT CHECK (fits IS NULL OR fits IN ('coach', 'mentor', 'circle'));

-- The profile's gaps, one row each, in the order the user gave them.
-- text_key is the text as crm.NameKey folds it, for finding a gap by name.
CREATE TABLE gaps (
    id          INTEGER PRIMARY KEY,
    text        TEXT    NOT NULL CHECK (trim(text) <> ''),
    text_key    TEXT    NOT NULL,
    horizon     TEXT    NOT NULL DEFAULT 'short' CHECK (horizon IN ('short', 'long')),
    fits        TEXT    CHECK (fits IS NULL OR fits IN ('coach', 'mentor', 'circle')),
    notes       TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX gaps_text_key ON gaps (text_key);

CREATE TABLE gap_helpers (
    gap_id      INTEGER NOT NULL REFERENCES gaps (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (gap_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX gap_helpers_contact ON gap_helpers (contact_id);

-- The text blob becomes the list: one gap per line, or per item separated
-- by commas or semicolons (as the review always read it), trimmed, runs of
-- spaces shortened, repeats in any case dropped. The key is the lower-case
-- text; crm.NameKey also drops accents, which Kith applies when a gap is
-- next saved or looked up (see store.FindGap).
WITH RECURSIVE
    src (rest) AS (
        SELECT replace(replace(replace(gaps, char(13), char(10)), ';', char(10)), ',', char(10)) || char(10)
        FROM profile WHERE id = 1
    ),
    split (item, rest, n) AS (
        SELECT '', rest, 0 FROM src
        UNION ALL
        SELECT substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1), n + 1
        FROM split WHERE rest <> ''
    ),
    items (text, n) AS (
        SELECT trim(replace(replace(replace(replace(item, char(9), ' '), '    ', ' '), '  ', ' '), '  ', ' ')), n
        FROM split WHERE n > 0
    ),
    firsts (text, n) AS (
        SELECT text, min(n) FROM items WHERE text <> '' GROUP BY lower(text)
    )
INSERT INTO gaps (text, text_key, position, created_at)
SELECT text, lower(text), n, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM firsts ORDER BY n;

-- The list is the record now; the old column stays empty.
UPDATE profile SET gaps = '' WHERE id = 1;

-- Conferences, meetups, talks, workshops and online communities.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (trim(title) <> ''),
    title_key   TEXT    NOT NULL,
    kind        TEXT    NOT NULL DEFAULT 'meetup' CHECK (kind IN ('conference', 'meetup', 'talk', 'workshop', 'online')),
    held_on     TEXT    NOT NULL,
    place       TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX events_title_key ON events (title_key);
CREATE INDEX events_held_on ON events (held_on);

-- The people met at an event; the event is their source.
CREATE TABLE event_contacts (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX event_contacts_contact ON event_contacts (contact_id);

-- Someone the user wants a relationship with and has not got yet. Once
-- active, contact_id names the contact they became; the row stays, with
-- its history and outreach, as where that relationship came from.
CREATE TABLE prospects (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL CHECK (trim(name) <> ''),
    name_key        TEXT    NOT NULL,
    found           TEXT    NOT NULL DEFAULT '' CHECK (found IN ('', 'job', 'event', 'online', 'referral', 'other')),
    detail          TEXT    NOT NULL DEFAULT '',
    event_id        INTEGER REFERENCES events (id) ON DELETE SET NULL,
    referred_by     INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    goal_id         INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    gap_id          INTEGER REFERENCES gaps (id) ON DELETE SET NULL,
    role            TEXT    NOT NULL DEFAULT '' CHECK (role IN ('', 'coach', 'mentor', 'circle', 'coachee', 'mentee')),
    why             TEXT    NOT NULL DEFAULT '',
    stage           TEXT    NOT NULL DEFAULT 'to-contact'
                    CHECK (stage IN ('to-contact', 'reached-out', 'talking', 'active', 'not-now')),
    not_now_reason  TEXT    NOT NULL DEFAULT '',
    reconsider_on   TEXT,
    follow_up_on    TEXT,
    contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    added_on        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    CHECK (goal_id IS NULL OR gap_id IS NULL)
);
CREATE INDEX prospects_name_key ON prospects (name_key);
CREATE INDEX prospects_stage ON prospects (stage, name_key);
-- Follow-ups due are one range scan. Only prospects still pursued have
-- one: a move to active or not now clears it.
CREATE INDEX prospects_follow_up ON prospects (follow_up_on) WHERE follow_up_on IS NOT NULL;
CREATE INDEX prospects_event ON prospects (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX prospects_referred_by ON prospects (referred_by) WHERE referred_by IS NOT NULL;
CREATE INDEX prospects_contact ON prospects (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX prospects_goal ON prospects (goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX prospects_gap ON prospects (gap_id) WHERE gap_id IS NOT NULL;

-- Every move in a prospect's pipeline, forward or back.
CREATE TABLE prospect_stages (
    id           INTEGER PRIMARY KEY,
    prospect_id  INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
    from_stage   TEXT    NOT NULL DEFAULT '',
    to_stage     TEXT    NOT NULL CHECK (to_stage IN ('to-contact', 'reached-out', 'talking', 'active', 'not-now')),
    moved_on     TEXT    NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
);
CREATE INDEX prospect_stages_prospect ON prospect_stages (prospect_id, id);

-- Reaching out: the message's purpose in the user's words.
CREATE TABLE outreach (
    id            INTEGER PRIMARY KEY,
    prospect_id   INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
    sent_on       TEXT    NOT NULL,
    channel       TEXT    NOT NULL DEFAULT '',
    why           TEXT    NOT NULL DEFAULT '',
    admire        TEXT    NOT NULL DEFAULT '',
    offer         TEXT    NOT NULL DEFAULT '',
    ask           TEXT    NOT NULL DEFAULT '',
    follow_up_on  TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX outreach_prospect ON outreach (prospect_id, sent_on);
