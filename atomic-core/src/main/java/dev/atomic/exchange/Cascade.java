package dev.atomic.exchange;

import dev.atomic.task.Microtask;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A strategy that competes in the auction like a bidder: ask the bidders of the first stage (together), return their
 * answer if the {@link Verifier} accepts it, else escalate to the next stage; the last stage's answer is returned as it
 * is (FrugalGPT, AutoMix).
 *
 * <p>The exchange derives a cascade's claim from its members' bids (the best member's quality, the first stage's cost
 * plus half the rest) and then learns the cascade's real quality and cost like any other arm's.
 *
 * @param id a unique arm id, distinct from every bidder's
 * @param stages bidder ids per stage; at least two stages, none empty
 * @param verifier when a stage's answers may be returned
 * @param kinds the microtask kinds the cascade is offered for; empty for every kind
 */
public record Cascade(String id, List<List<String>> stages, Verifier verifier, Set<String> kinds) {

  /** Share of the later stages' cost expected before the cascade has any track record. */
  static final double PRIOR_ESCALATION = 0.5;

  public Cascade {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("cascade id must not be blank");
    }
    stages = stages.stream().map(List::copyOf).toList();
    if (stages.size() < 2) {
      throw new IllegalArgumentException("cascade '" + id + "' needs at least two stages, has " + stages.size());
    }
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).isEmpty()) {
        throw new IllegalArgumentException("cascade '" + id + "' has an empty stage " + (i + 1));
      }
    }
    Objects.requireNonNull(verifier, "verifier");
    kinds = Set.copyOf(kinds);
  }

  public static Cascade of(String id, Verifier verifier, List<List<String>> stages) {
    return new Cascade(id, stages, verifier, Set.of());
  }

  /** The same cascade, offered only for the given kinds. */
  public Cascade forKinds(Set<String> kinds) {
    return new Cascade(id, stages, verifier, kinds);
  }

  /** Whether the cascade is offered for this microtask. */
  public boolean offeredFor(Microtask task) {
    return kinds.isEmpty() || kinds.contains(task.kind());
  }

  /** Every bidder the cascade may call, in order, each once. */
  public Set<String> members() {
    Set<String> members = new LinkedHashSet<>();
    stages.forEach(members::addAll);
    return members;
  }
}
