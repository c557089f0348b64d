-- Possible duplicates and merging two records of one person.

-- People who share an email address (in any case) or a URL: the duplicates
-- query groups these keys straight off the index, never sorting or
-- comparing every channel. The expressions must match the query's
-- (duplicates.go) and crm.EmailKey and crm.URLKey, which a test checks.
CREATE INDEX channels_email_key ON channels (lower(value), contact_id) WHERE kind = 'email';
CREATE INDEX channels_url_key ON channels (
    rtrim(replace(replace(replace(lower(value), '://www.', '://'), 'https://', ''), 'http://', ''), '/'), contact_id)
    WHERE kind = 'url';

-- The people someone introduced: a merge hands them to the record that
-- stays, and deleting a person clears their referred_by. Both looked
-- through every contact without this.
CREATE INDEX contacts_referred_by ON contacts (referred_by);
