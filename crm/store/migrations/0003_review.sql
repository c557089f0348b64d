-- The quarterly review. Its figures are computed from the data each time it
-- is opened, so an interaction logged late still counts in its own quarter;
-- what a review stores is the user's reflection: answers to its prompts and
-- a decision about each relationship. Quarters are written YYYYQn.

-- A quarter whose reflection was saved at least once, and when last.
CREATE TABLE reviews (
    quarter   TEXT PRIMARY KEY CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    saved_at  TEXT NOT NULL
) WITHOUT ROWID;

-- Answers to the reflection prompts. The prompt's wording is kept with the
-- answer so that a past review reads as it was written even if the wording
-- changes in a later Kith.
CREATE TABLE review_answers (
    quarter     TEXT NOT NULL REFERENCES reviews (quarter) ON DELETE CASCADE,
    prompt_key  TEXT NOT NULL CHECK (trim(prompt_key) <> ''),
    prompt      TEXT NOT NULL,
    answer      TEXT NOT NULL,
    PRIMARY KEY (quarter, prompt_key)
) WITHOUT ROWID;

-- One decision per relationship per quarter. applied_on records when its
-- effect (a long snooze for pause, archiving for end) was carried out; an
-- end stays unapplied until the user confirms it.
CREATE TABLE review_decisions (
    quarter     TEXT    NOT NULL REFERENCES reviews (quarter) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    decision    TEXT    NOT NULL CHECK (decision IN ('deepen', 'keep', 'pause', 'end')),
    note        TEXT    NOT NULL DEFAULT '',
    decided_on  TEXT    NOT NULL,
    applied_on  TEXT,
    PRIMARY KEY (quarter, contact_id)
) WITHOUT ROWID;
CREATE INDEX review_decisions_contact ON review_decisions (contact_id);

-- Promises open at the end of a past quarter: a short partial index instead
-- of a walk over every exchange ever logged.
CREATE INDEX exchanges_commitments ON exchanges (occurred_on) WHERE commitment = 1;

-- New people of a quarter: met then, or added then when the day met is unknown.
CREATE INDEX contacts_since ON contacts (COALESCE(met_on, added_on));

-- Role changes of a quarter: roles that began or ended in it.
CREATE INDEX roles_since ON roles (since);
CREATE INDEX roles_until ON roles (until) WHERE until IS NOT NULL;

-- The interactions that served a goal in a quarter.
CREATE INDEX interactions_goal_date ON interactions (goal_id, occurred_on) WHERE goal_id IS NOT NULL;
