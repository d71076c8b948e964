-- The newest decisions first, over every tenant: the decision listing without filters, the dashboard's history replay
-- at start (Ledger.recentAwards) and its pages. Without it both sort the whole table on every call.
CREATE INDEX decisions_by_time ON decisions (decided_at, id);
