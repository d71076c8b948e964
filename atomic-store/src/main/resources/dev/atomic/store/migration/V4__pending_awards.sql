-- Awards waiting for feedback, version 4: saved with the exchange's learned state, so feedback that arrives after a
-- restart still teaches. One row per award, in the order the awards were made (seq); a save writes the awards made
-- and removes those answered or dropped since the last save of the same process (the first save replaces them all).

CREATE TABLE pending_awards (
  exchange    TEXT NOT NULL REFERENCES exchange_state (exchange),
  seq         BIGINT NOT NULL,
  decision_id TEXT NOT NULL,
  award       TEXT NOT NULL,
  PRIMARY KEY (exchange, seq)
);
CREATE INDEX pending_awards_by_decision ON pending_awards (exchange, decision_id);
