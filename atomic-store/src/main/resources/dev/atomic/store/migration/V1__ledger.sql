-- The ledger, version 1. One script for SQLite and PostgreSQL, so it keeps to what both understand:
-- TEXT, BIGINT, DOUBLE PRECISION, BOOLEAN; times are epoch milliseconds; JSON is kept as TEXT.
-- Rows are only ever inserted, except a run's and a step's status and the saved estimator state, which are replaced.
-- Room for the audit chain (a later issue): every table has a stable natural key, so a future append-only
-- audit_chain(seq, entry_table, entry_key, body_hash, prev_hash, hash) can point at any row without changing these.

CREATE TABLE requests (
  id          TEXT PRIMARY KEY,
  tenant      TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  payload     TEXT
);

CREATE TABLE runs (
  id          TEXT PRIMARY KEY,
  request_id  TEXT,
  pipeline    TEXT NOT NULL,
  tenant      TEXT NOT NULL,
  status      TEXT NOT NULL,
  started_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX runs_by_request ON runs (request_id);

CREATE TABLE steps (
  run_id      TEXT NOT NULL REFERENCES runs (id),
  step_id     TEXT NOT NULL,
  status      TEXT NOT NULL,
  task_id     TEXT,
  detail      TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL,
  PRIMARY KEY (run_id, step_id)
);

CREATE TABLE microtasks (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  tenant       TEXT NOT NULL,
  run_id       TEXT,
  step_id      TEXT,
  output_type  TEXT NOT NULL,
  constraints  TEXT NOT NULL,
  data_classes TEXT NOT NULL,
  input        TEXT,
  created_at   BIGINT NOT NULL
);
CREATE INDEX microtasks_by_run ON microtasks (run_id);

-- One row per auction: the columns people filter on, and the whole Decision as JSON.
CREATE TABLE decisions (
  id          TEXT PRIMARY KEY,
  task_id     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  tenant      TEXT NOT NULL,
  winner      TEXT,
  decided_at  BIGINT NOT NULL,
  margin      DOUBLE PRECISION,
  explored    BOOLEAN NOT NULL,
  run_id      TEXT,
  step_id     TEXT,
  body        TEXT NOT NULL
);
CREATE INDEX decisions_by_tenant ON decisions (tenant, decided_at);
CREATE INDEX decisions_by_kind ON decisions (kind, decided_at);
CREATE INDEX decisions_by_winner ON decisions (winner, decided_at);
CREATE INDEX decisions_by_task ON decisions (task_id);
CREATE INDEX decisions_by_run ON decisions (run_id);

-- Every bid of every auction, eligible (ranked, position from 1) or excluded (position after the ranked ones).
CREATE TABLE bids (
  decision_id         TEXT NOT NULL REFERENCES decisions (id),
  position            INTEGER NOT NULL,
  arm                 TEXT NOT NULL,
  eligible            BOOLEAN NOT NULL,
  claimed_quality     DOUBLE PRECISION,
  claimed_cost_usd    DOUBLE PRECISION,
  claimed_latency_ms  DOUBLE PRECISION,
  believed_quality    DOUBLE PRECISION,
  drawn_quality       DOUBLE PRECISION,
  expected_cost_usd   DOUBLE PRECISION,
  expected_latency_ms DOUBLE PRECISION,
  observations        DOUBLE PRECISION,
  utility             DOUBLE PRECISION,
  exclusion           TEXT,
  detail              TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);
CREATE INDEX bids_by_arm ON bids (arm);

-- How an award was served: totals here, each try in attempts.
CREATE TABLE executions (
  decision_id   TEXT PRIMARY KEY REFERENCES decisions (id),
  served_by     TEXT,
  succeeded     BOOLEAN NOT NULL,
  input_tokens  BIGINT,
  output_tokens BIGINT,
  cost_usd      DOUBLE PRECISION NOT NULL,
  latency_ms    DOUBLE PRECISION NOT NULL,
  repairs       TEXT NOT NULL,
  recorded_at   BIGINT NOT NULL
);
CREATE INDEX executions_by_arm ON executions (served_by);

CREATE TABLE attempts (
  decision_id TEXT NOT NULL REFERENCES executions (decision_id),
  number      INTEGER NOT NULL,
  arm         TEXT NOT NULL,
  status      TEXT NOT NULL,
  detail      TEXT NOT NULL,
  cost_usd    DOUBLE PRECISION NOT NULL,
  latency_ms  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (decision_id, number)
);
CREATE INDEX attempts_by_arm ON attempts (arm);

CREATE TABLE outputs (
  decision_id TEXT PRIMARY KEY REFERENCES decisions (id),
  output      TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);

CREATE TABLE feedback (
  decision_id       TEXT PRIMARY KEY REFERENCES decisions (id),
  quality           DOUBLE PRECISION NOT NULL,
  actual_cost_usd   DOUBLE PRECISION,
  actual_latency_ms DOUBLE PRECISION,
  note              TEXT NOT NULL,
  received_at       BIGINT NOT NULL
);

-- The learned state of an exchange: one row per (arm, kind) of its EstimatorSnapshot, plus its auction count.
CREATE TABLE exchange_state (
  exchange      TEXT PRIMARY KEY,
  auctions_held BIGINT NOT NULL,
  saved_at      BIGINT NOT NULL
);

CREATE TABLE estimator_arms (
  exchange TEXT NOT NULL REFERENCES exchange_state (exchange),
  kind     TEXT NOT NULL,
  arm      TEXT NOT NULL,
  state    TEXT NOT NULL,
  PRIMARY KEY (exchange, kind, arm)
);

-- The pipeline engine's journal: an append-only sequence of JSON entries per run. An entry may name the step whose
-- result it holds (at most one per step), so a resumed run skips the steps it already did.
CREATE TABLE journal (
  run_id      TEXT NOT NULL,
  seq         BIGINT NOT NULL,
  step_id     TEXT,
  entry       TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE UNIQUE INDEX journal_by_step ON journal (run_id, step_id);
