-- API keys, version 3. Only a key's SHA-256 is kept: the key itself is shown once, when it is issued, and a stolen copy
-- of this table lets nobody in. key_id is a short public name for the key (to list and revoke it), not a secret.

CREATE TABLE api_key (
  key_hash    CHAR(64) PRIMARY KEY,
  key_id      TEXT NOT NULL UNIQUE,
  tenant      TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  revoked_at  BIGINT
);
CREATE INDEX api_key_by_tenant ON api_key (tenant);
