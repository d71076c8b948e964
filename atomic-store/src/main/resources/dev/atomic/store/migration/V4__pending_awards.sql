-- Awards waiting for feedback, version 4: saved with the exchange's learned state, so feedback that arrives after a
-- restart still teaches. One row per award, in the order the awards were made (seq); replaced at every save.

CREATE TABLE pending_awards (
  exchange    TEXT NOT NULL REFERENCES exchange_state (exchange),
  seq         BIGINT NOT NULL,
  decision_id TEXT NOT NULL,
  award       TEXT NOT NULL,
  PRIMARY KEY (exchange, seq)
);
