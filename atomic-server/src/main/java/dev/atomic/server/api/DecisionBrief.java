package dev.atomic.server.api;

import dev.atomic.exchange.Decision;
import java.time.Instant;

/**
 * A decision in one line: who won among how many bids, by what margin, and whether the draw explored. It is what the
 * live feed sends and what a served microtask answers by default; the full view, with every bid and why each loser
 * lost, is {@link DecisionView} ({@code GET /v1/decisions/{id}}, or {@code ?explain=true} on the request).
 */
record DecisionBrief(String id, String kind, String tenant, String winner, Instant decidedAt, int bids, double margin,
    boolean explored) implements ShownDecision {

  static DecisionBrief of(Decision d) {
    return new DecisionBrief(d.id(), d.kind(), d.tenant(), d.winner(), Instant.ofEpochMilli(d.decidedAtEpochMs()),
        d.ranked().size(), d.margin(), d.explored());
  }
}
