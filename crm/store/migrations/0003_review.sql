-- Quarterly review storage (issue: the quarterly relationship review).
-- Reserved for the review work; replace this comment with its schema.
SELECT 1;
