-- Agreements: what a relationship with a coach, mentor, coachee or mentee
-- is for and how it runs; the sessions it counts, the agendas that carry
-- open items from one session to the next, the promises people made to the
-- user, health checks, and how an agreement closed.

-- One agreement with a person; several over time, at most one active.
-- cadence_days NULL means the person's check-in cadence. status is active
-- until closed (closed_on, reason, learned, new_role set then).
CREATE TABLE agreements (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    role          TEXT    NOT NULL CHECK (role IN ('coach', 'mentor', 'coachee', 'mentee')),
    cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    start_on      TEXT    NOT NULL,
    end_on        TEXT    CHECK (end_on IS NULL OR end_on >= start_on),
    sessions      INTEGER NOT NULL DEFAULT 0 CHECK (sessions >= 0),
    hours         REAL    NOT NULL DEFAULT 0 CHECK (hours >= 0),
    fee           REAL    NOT NULL DEFAULT 0 CHECK (fee >= 0),
    per_session   INTEGER NOT NULL DEFAULT 0 CHECK (per_session IN (0, 1)),
    confidential  TEXT    NOT NULL DEFAULT '',
    format        TEXT    NOT NULL DEFAULT '',
    revisit_on    TEXT,
    fit           TEXT    NOT NULL DEFAULT '' CHECK (fit IN ('', 'good', 'deciding', 'not')),
    status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'ended', 'redefined')),
    closed_on     TEXT,
    reason        TEXT    NOT NULL DEFAULT '',
    learned       TEXT    NOT NULL DEFAULT '',
    new_role      TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CHECK ((status = 'active') = (closed_on IS NULL))
);
CREATE INDEX agreements_contact ON agreements (contact_id, start_on);
CREATE UNIQUE INDEX agreements_one_active ON agreements (contact_id) WHERE status = 'active';

CREATE TABLE agreement_goals (
    agreement_id  INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    goal_id       INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX agreement_goals_goal ON agreement_goals (goal_id);

-- Interactions that are not sessions of an agreement (logged --no-session):
-- every other interaction with the person in an agreement's term counts.
CREATE TABLE session_exclusions (
    interaction_id  INTEGER PRIMARY KEY REFERENCES interactions (id) ON DELETE CASCADE
);

-- When a promise (an exchange with the commitment flag) falls due.
CREATE TABLE commitment_due (
    exchange_id  INTEGER PRIMARY KEY REFERENCES exchanges (id) ON DELETE CASCADE,
    due_on       TEXT    NOT NULL
);
CREATE INDEX commitment_due_on ON commitment_due (due_on);

-- What to raise at the next session with a person, open until done or
-- dropped. ref_id points at the exchange, goal or interaction the item
-- came from (no foreign key: it names a row of one of three tables).
CREATE TABLE agenda_items (
    id              INTEGER PRIMARY KEY,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('promise', 'goal', 'last', 'question')),
    text            TEXT    NOT NULL CHECK (trim(text) <> ''),
    ref_id          INTEGER,
    added_on        TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dropped')),
    carried         INTEGER NOT NULL DEFAULT 0 CHECK (carried >= 0),
    interaction_id  INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
    closed_on       TEXT,
    created_at      TEXT    NOT NULL
);
CREATE INDEX agenda_items_open ON agenda_items (contact_id, kind, ref_id) WHERE state = 'open';
CREATE INDEX agenda_items_interaction ON agenda_items (interaction_id) WHERE interaction_id IS NOT NULL;

-- Health checks of an agreement: four answers from 1 to 5 and a note.
CREATE TABLE health_checks (
    id              INTEGER PRIMARY KEY,
    agreement_id    INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    checked_on      TEXT    NOT NULL,
    learning        INTEGER NOT NULL CHECK (learning BETWEEN 1 AND 5),
    rhythm          INTEGER NOT NULL CHECK (rhythm BETWEEN 1 AND 5),
    follow_through  INTEGER NOT NULL CHECK (follow_through BETWEEN 1 AND 5),
    fit             INTEGER NOT NULL CHECK (fit BETWEEN 1 AND 5),
    note            TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL
);
CREATE INDEX health_checks_agreement ON health_checks (agreement_id, checked_on);
