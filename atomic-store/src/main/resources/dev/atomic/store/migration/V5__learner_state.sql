-- Learners beside the exchange, version 5: the adaptive heads' learned state (a JSON document per learner), saved by
-- the service at checkpoints when it changed and at stop, so a restarted service's heads answer as before.

CREATE TABLE learner_state (
  name     TEXT PRIMARY KEY,
  version  BIGINT NOT NULL,
  state    TEXT NOT NULL,
  saved_at BIGINT NOT NULL
);
