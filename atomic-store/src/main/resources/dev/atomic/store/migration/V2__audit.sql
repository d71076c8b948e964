-- The audit chain, version 2. Insert-only: the application never updates or deletes a row; a deployment that wants
-- the database to enforce it grants this table INSERT and SELECT only. The chain itself (each row's hash covers the
-- previous row's hash) is what makes tampering visible, so a row changed by hand is found by `atomic audit verify`.

CREATE TABLE audit_entry (
  sequence      BIGINT PRIMARY KEY,
  at_epoch_ms   BIGINT NOT NULL,
  tenant        TEXT NOT NULL,
  type          TEXT NOT NULL,
  actor         TEXT NOT NULL,
  details       TEXT NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  hash          CHAR(64) NOT NULL UNIQUE
);
CREATE INDEX audit_entry_by_tenant ON audit_entry (tenant, sequence);
