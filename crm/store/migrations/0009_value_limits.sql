-- Values an older Kith let in that break every later command: an amount or
-- a budget of +Inf (JSON cannot hold it: 'contact show --json' and every
-- review failed, and nothing could remove it), and minutes near the largest
-- integer (the quarter's total overflowed). 9e999 is how SQL writes +Inf.
-- An infinite amount or budget was never a real one and becomes 0; minutes
-- past a million (almost two years in one interaction, never real, and what
-- makes a quarter's total overflow) become a day, the most Kith now accepts.
-- Other values stay as they are, even above today's limits, since they may
-- be real: a two-day offsite logged as 2880 minutes keeps its 2880.
UPDATE exchanges SET amount = 0 WHERE amount >= 9e999;
UPDATE exchanges SET minutes = 1440 WHERE minutes > 1000000;
UPDATE interactions SET minutes = 1440 WHERE minutes > 1000000;
UPDATE profile SET budget_money = 0 WHERE budget_money >= 9e999;
UPDATE profile SET budget_hours = 0 WHERE budget_hours >= 9e999;
