-- Run leases, version 6: the server that runs a pipeline run holds a lease on it and renews it while it runs. A run
-- still marked running whose lease has lapsed (its server crashed) or was released (its server stopped) may be claimed
-- and resumed by any server on the database, and by one only.

ALTER TABLE runs ADD COLUMN owner TEXT;
ALTER TABLE runs ADD COLUMN lease_until BIGINT;
CREATE INDEX runs_by_status ON runs (status, lease_until);
