-- Kith's first schema: people, their roles and channels, circles,
-- interactions with their participants and exchanges, goals, the profile,
-- and the settings the user can change.

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL CHECK (trim(name) <> ''),
    name_key       TEXT    NOT NULL,
    company        TEXT    NOT NULL DEFAULT '',
    title          TEXT    NOT NULL DEFAULT '',
    location       TEXT    NOT NULL DEFAULT '',
    birthday       TEXT,
    source         TEXT    NOT NULL DEFAULT '' CHECK (source IN ('', 'job', 'event', 'online', 'referral', 'other')),
    source_detail  TEXT    NOT NULL DEFAULT '',
    referred_by    INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    met_on         TEXT,
    added_on       TEXT    NOT NULL,
    notes          TEXT    NOT NULL DEFAULT '',
    cadence_days   INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    snoozed_until  TEXT,
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
-- name_key is the name case-folded, without accents, spaces collapsed
-- (crm.NameKey): SQLite's NOCASE folds ASCII only, and people are called
-- Émile and Łukasz. Names are matched and sorted by it.
CREATE INDEX contacts_name_key ON contacts (name_key);
CREATE INDEX contacts_active ON contacts (archived, name_key);

-- Emails, phones and URLs, several of each; one primary per kind.
CREATE TABLE channels (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('email', 'phone', 'url')),
    label       TEXT    NOT NULL DEFAULT '',
    value       TEXT    NOT NULL CHECK (trim(value) <> ''),
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
);
CREATE INDEX channels_contact ON channels (contact_id, kind);

-- Role periods; until is NULL while the role is current.
CREATE TABLE roles (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('coach', 'mentor', 'circle', 'coachee', 'mentee')),
    since       TEXT    NOT NULL,
    until       TEXT,
    CHECK (until IS NULL OR until >= since)
);
CREATE INDEX roles_contact ON roles (contact_id, role);
CREATE INDEX roles_current ON roles (role, contact_id) WHERE until IS NULL;
CREATE UNIQUE INDEX roles_one_current ON roles (contact_id, role) WHERE until IS NULL;

CREATE TABLE circles (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (trim(name) <> ''),
    name_key      TEXT    NOT NULL,
    purpose       TEXT    NOT NULL DEFAULT '',
    cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX circles_name_key ON circles (name_key);

CREATE TABLE circle_members (
    id          INTEGER PRIMARY KEY,
    circle_id   INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    joined_on   TEXT    NOT NULL,
    left_on     TEXT,
    CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX circle_members_circle ON circle_members (circle_id, contact_id);
CREATE INDEX circle_members_contact ON circle_members (contact_id);
CREATE UNIQUE INDEX circle_members_one_current ON circle_members (circle_id, contact_id) WHERE left_on IS NULL;

CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (trim(title) <> ''),
    title_key   TEXT    NOT NULL,
    horizon     TEXT    NOT NULL DEFAULT 'short' CHECK (horizon IN ('short', 'long')),
    status      TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'dropped')),
    target_on   TEXT,
    notes       TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX goals_title_key ON goals (title_key);

CREATE TABLE goal_helpers (
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (goal_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX goal_helpers_contact ON goal_helpers (contact_id);

CREATE TABLE interactions (
    id           INTEGER PRIMARY KEY,
    occurred_on  TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('meeting', 'call', 'video', 'message', 'email', 'event', 'other')),
    minutes      INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    summary      TEXT    NOT NULL DEFAULT '',
    notes        TEXT    NOT NULL DEFAULT '',
    circle_id    INTEGER REFERENCES circles (id) ON DELETE SET NULL,
    goal_id      INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX interactions_date ON interactions (occurred_on);
CREATE INDEX interactions_circle ON interactions (circle_id, occurred_on) WHERE circle_id IS NOT NULL;
CREATE INDEX interactions_goal ON interactions (goal_id) WHERE goal_id IS NOT NULL;

-- Who took part. occurred_on repeats the interaction's date so that "last
-- contact with X" is one index seek, not a join over every interaction;
-- rows are inserted with the interaction's date and the trigger below keeps
-- the copy true when that date changes.
CREATE TABLE participants (
    interaction_id  INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    occurred_on     TEXT    NOT NULL,
    PRIMARY KEY (interaction_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX participants_contact ON participants (contact_id, occurred_on);

CREATE TRIGGER interactions_date_update AFTER UPDATE OF occurred_on ON interactions
BEGIN
    UPDATE participants SET occurred_on = NEW.occurred_on WHERE interaction_id = NEW.id;
END;

CREATE TABLE exchanges (
    id              INTEGER PRIMARY KEY,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    interaction_id  INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
    occurred_on     TEXT    NOT NULL,
    direction       TEXT    NOT NULL CHECK (direction IN ('gave', 'received')),
    kind            TEXT    NOT NULL CHECK (kind IN ('advice', 'feedback', 'introduction', 'referral', 'opportunity', 'resource', 'help', 'time', 'money', 'other')),
    description     TEXT    NOT NULL CHECK (trim(description) <> ''),
    minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    amount          REAL    NOT NULL DEFAULT 0 CHECK (amount >= 0),
    commitment      INTEGER NOT NULL DEFAULT 0 CHECK (commitment IN (0, 1)),
    done_on         TEXT,
    created_at      TEXT    NOT NULL
);
CREATE INDEX exchanges_contact ON exchanges (contact_id, occurred_on);
CREATE INDEX exchanges_interaction ON exchanges (interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX exchanges_date ON exchanges (occurred_on);
CREATE INDEX exchanges_open ON exchanges (contact_id) WHERE commitment = 1 AND done_on IS NULL;

-- The user's self-knowledge: a single row.
CREATE TABLE profile (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    strengths     TEXT NOT NULL DEFAULT '',
    gaps          TEXT NOT NULL DEFAULT '',
    personality   TEXT NOT NULL DEFAULT '',
    budget_hours  REAL NOT NULL DEFAULT 0 CHECK (budget_hours >= 0),
    budget_money  REAL NOT NULL DEFAULT 0 CHECK (budget_money >= 0)
);
INSERT INTO profile (id) VALUES (1);

-- Default check-in cadence per role, in days; 'none' is for contacts with no current role.
CREATE TABLE role_cadences (
    role  TEXT    PRIMARY KEY CHECK (role IN ('coach', 'mentor', 'circle', 'coachee', 'mentee', 'none')),
    days  INTEGER NOT NULL CHECK (days > 0)
) WITHOUT ROWID;
INSERT INTO role_cadences (role, days) VALUES
    ('coach', 14), ('mentor', 42), ('circle', 90), ('coachee', 14), ('mentee', 30), ('none', 90);

-- Free-form settings that other parts of Kith own (calendar, window, review).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
