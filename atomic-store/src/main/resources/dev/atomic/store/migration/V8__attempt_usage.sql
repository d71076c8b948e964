-- What each attempt used: the model that answered and its tokens (NULL when the bidder did not say). Executions kept
-- their token totals from version 1; attempts gain theirs, so a cascade or an escalation shows who used what.
-- One column per statement: SQLite adds one at a time. Rows recorded before this version keep NULLs (unknown).
ALTER TABLE attempts ADD COLUMN model TEXT;
ALTER TABLE attempts ADD COLUMN input_tokens BIGINT;
ALTER TABLE attempts ADD COLUMN output_tokens BIGINT;
