-- Values an older Kith let in that break every later command: an amount or
-- a budget of +Inf (JSON cannot hold it: 'contact show --json' and every
-- review failed, and nothing could remove it), and minutes near the largest
-- integer (the quarter's total overflowed). 9e999 is how SQL writes +Inf.
-- An infinite amount or budget was never a real one and becomes 0; minutes
-- over a day become a day, the most Kith now accepts. Finite values stay as
-- they are, even above today's limits, since they may be real.
UPDATE exchanges SET amount = 0 WHERE amount >= 9e999;
UPDATE exchanges SET minutes = 1440 WHERE minutes > 1440;
UPDATE interactions SET minutes = 1440 WHERE minutes > 1440;
UPDATE profile SET budget_money = 0 WHERE budget_money >= 9e999;
UPDATE profile SET budget_hours = 0 WHERE budget_hours >= 9e999;
