-- Calendar export state (issue: check-in reminders in every calendar).
-- Reserved for the calendar work; replace this comment with its schema.
SELECT 1;
