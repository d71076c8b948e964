package dev.atomic.governance.audit;

import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.governance.policy.DataPolicy;
import dev.atomic.task.Microtask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Appends an audit entry for every award, every model call (each attempt at serving, escalations included) and every
 * feedback an exchange makes. Award entries say which data classes the task carried, which bidders a policy excluded
 * and which rules allowed the winner.
 *
 * <p>The exchange guards listeners, so a failing audit store is logged and counted by the exchange
 * ({@code listenerFailures()}), not thrown into the award; deployments that must stop when auditing fails should alert
 * on that count.
 */
public final class AuditingListener implements ExchangeListener {

  static final String ACTOR = "exchange";
  private static final int REMEMBERED_DECISIONS = 100_000;

  private final AuditLog log;
  private final DataPolicy policy;
  /** Feedback names only the decision; its tenant is remembered from the award. */
  private final Map<String, String> tenants = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED_DECISIONS;
    }
  };

  /**
   * @param policy the exchange's data policy, to name the rules that allowed each award; null when it has none
   */
  public AuditingListener(AuditLog log, DataPolicy policy) {
    this.log = Objects.requireNonNull(log, "log");
    this.policy = policy;
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    synchronized (tenants) {
      tenants.put(decision.id(), task.tenant());
    }
    Map<String, String> details = base(task, decision.id());
    details.put("winner", decision.awarded() ? decision.winner() : "none");
    List<String> excluded = decision.exclusions().stream()
        .filter(e -> e.reason() == Exclusion.Reason.POLICY)
        .map(e -> e.arm() + ": " + e.detail())
        .toList();
    if (!excluded.isEmpty()) {
      details.put("policy.excluded", String.join("; ", excluded));
    }
    if (decision.awarded() && policy != null) {
      details.put("policy.allowedBy", String.join(",", policy.allowedBy(task)));
    }
    log.submit(new AuditEvent(task.tenant(), AuditType.AWARD, ACTOR, details));
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    modelCalls(task, execution.decision().id(), execution.attempts());
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    modelCalls(task, failure.decision().id(), failure.attempts());
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    String tenant;
    synchronized (tenants) {
      tenant = tenants.getOrDefault(decisionId, "unknown");
    }
    Map<String, String> details = new TreeMap<>();
    details.put("decision", decisionId);
    details.put("quality", number(feedback.quality()));
    if (feedback.hasActualCost()) {
      details.put("costUsd", number(feedback.actualCostUsd()));
    }
    log.submit(new AuditEvent(tenant, AuditType.FEEDBACK, ACTOR, details));
  }

  private void modelCalls(Microtask task, String decisionId, List<Attempt> attempts) {
    for (Attempt attempt : attempts) {
      if (attempt.status() == Attempt.Status.OVER_BUDGET) {
        continue; // no call was made
      }
      Map<String, String> details = base(task, decisionId);
      details.put("bidder", attempt.arm());
      details.put("attempt", Integer.toString(attempt.number()));
      details.put("status", attempt.status().name());
      details.put("costUsd", number(attempt.costUsd()));
      log.submit(new AuditEvent(task.tenant(), AuditType.MODEL_CALL, attempt.arm(), details));
    }
  }

  private static Map<String, String> base(Microtask task, String decisionId) {
    Map<String, String> details = new TreeMap<>();
    details.put("decision", decisionId);
    details.put("task", task.id());
    details.put("kind", task.kind());
    details.put("dataClasses", String.join(",", new TreeSet<>(task.dataClasses())));
    return details;
  }

  /** The shortest decimal that reads back as the same double: exact, and far cheaper than a format string. */
  private static String number(double value) {
    return Double.toString(value);
  }
}
