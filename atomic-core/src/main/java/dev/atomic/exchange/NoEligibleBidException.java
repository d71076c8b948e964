package dev.atomic.exchange;

import dev.atomic.AtomicException;

/** No bid survived the auction's rules; the decision says why each was excluded. */
public final class NoEligibleBidException extends AtomicException {

  private final transient Decision decision;

  public NoEligibleBidException(Decision decision) {
    super("no eligible bid for microtask " + decision.taskId() + " (" + decision.kind() + "): "
        + (decision.exclusions().isEmpty()
            ? "no bidder is registered for it"
            : decision.exclusions().stream().map(e -> e.arm() + " " + e.reason() + " (" + e.detail() + ")").toList()));
    this.decision = decision;
  }

  public Decision decision() {
    return decision;
  }
}
