package dev.atomic.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.exchange.Utility;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.task.Microtask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ExchangeMetricsTest {

  @Test
  void listener_countsAwardsWinsCostRejectionsAndEscalations() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    int escalations = 0;
    long rejections = 0;
    try (Exchange exchange = Exchange.builder().seed(3).utility(Utility.qualityOnly())
        .listener(new ExchangeMetrics(registry))
        .bidder(new ScriptedBidder("wrong", 0.99, 0.002, 10, "garbage"))
        .bidder(new ScriptedBidder("right", 0.60, 0.001, 10, "ham"))
        .build()) {
      // The check rejects the favourite's output, so its awards escalate to the second bid (until it learns).
      OutputCheck onlyHam = (task, answer) -> "ham".equals(answer.output())
          ? new OutputCheck.Verdict.Accept(answer.output())
          : new OutputCheck.Verdict.Reject("not a label: " + answer.output());
      String decision = null;
      for (int i = 0; i < 3; i++) {
        var execution = exchange.execute(Microtask.builder("email.spam").build(), onlyHam);
        decision = execution.decision().id();
        escalations += execution.escalated() ? 1 : 0;
        rejections += execution.attempts().stream().filter(a -> a.status() == Attempt.Status.REJECTED).count();
      }
      exchange.feedback(decision, Feedback.accepted());
    }
    assertThat(registry.get("atomic.awards").counter().count()).isEqualTo(3);
    double wins = registry.find("atomic.wins").counters().stream().mapToDouble(c -> c.count()).sum();
    assertThat(wins).isEqualTo(3);
    assertThat(escalations).isPositive();
    assertThat(registry.get("atomic.validation.failures").tag("bidder", "wrong").counter().count())
        .isEqualTo(rejections);
    assertThat(registry.get("atomic.escalations").counter().count()).isEqualTo(escalations);
    assertThat(registry.get("atomic.cost").tag("bidder", "right").counter().count()).isEqualTo(0.003, within());
    assertThat(registry.get("atomic.attempt.latency").tag("bidder", "right").tag("status", "succeeded").timer()
        .count()).isEqualTo(3);
    assertThat(registry.get("atomic.feedback").counter().count()).isEqualTo(1);
  }

  @Test
  void listener_countsKnownTokensPerBidderAndDirection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Exchange exchange = Exchange.builder().seed(3).utility(Utility.qualityOnly())
        .listener(new ExchangeMetrics(registry))
        .bidder(new ScriptedBidder("llm", 0.99, 0.002, 10, "ham").metered(Usage.of("gpt-4o-mini", 40, 3)))
        .bidder(new ScriptedBidder("rules", 0.10, 0.0, 1, "ham"))
        .build()) {
      for (int i = 0; i < 2; i++) {
        exchange.execute(Microtask.builder("email.spam").build());
      }
    }
    assertThat(registry.get("atomic.tokens").tag("bidder", "llm").tag("type", "input").counter().count())
        .isEqualTo(80);
    assertThat(registry.get("atomic.tokens").tag("bidder", "llm").tag("type", "output").counter().count())
        .isEqualTo(6);
    // a bidder that reports no usage adds nothing, rather than a -1
    assertThat(registry.find("atomic.tokens").tag("bidder", "rules").counters()).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
