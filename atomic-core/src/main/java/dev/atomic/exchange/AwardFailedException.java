package dev.atomic.exchange;

import dev.atomic.AtomicException;
import java.util.List;

/** Every attempt at serving an award failed, up to the escalation limit; the attempts say how. */
public final class AwardFailedException extends AtomicException {

  private final transient Decision decision;
  private final transient List<Attempt> attempts;

  public AwardFailedException(Decision decision, List<Attempt> attempts) {
    super("microtask " + decision.taskId() + " (" + decision.kind() + ") failed after " + attempts.size()
        + " attempt(s): " + attempts.stream().map(a -> a.arm() + " " + a.status() + " (" + a.detail() + ")").toList());
    this.decision = decision;
    this.attempts = List.copyOf(attempts);
  }

  public Decision decision() {
    return decision;
  }

  public List<Attempt> attempts() {
    return attempts;
  }
}
