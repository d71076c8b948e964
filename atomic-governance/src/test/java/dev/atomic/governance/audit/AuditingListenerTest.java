package dev.atomic.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.governance.RecordingBidder;
import dev.atomic.governance.TestClock;
import dev.atomic.governance.classify.Classifier;
import dev.atomic.governance.policy.DataPolicy;
import dev.atomic.task.Microtask;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditingListenerTest {

  private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
  private final AuditLog log = AuditLog.inMemory(clock);
  private final DataPolicy policy = DataPolicy.builder()
      .rule("emails-on-prem", r -> r.classes("pii.email").onPremises(true))
      .build();

  @Test
  void exchange_awardsModelCallsAndFeedback_areChainedInTheLog() {
    RecordingBidder hosted = RecordingBidder.echo("gpt", BidderProfile.hosted("openai", "us"), 0.95, 0.001);
    RecordingBidder failing = new RecordingBidder("flaky", BidderProfile.local(), 0.9, 0.0001, t -> {
      throw new IllegalStateException("model crashed");
    });
    RecordingBidder local = RecordingBidder.echo("local", BidderProfile.local(), 0.5, 0.00001);
    try (Exchange exchange = Exchange.builder().seed(5).clock(clock).policy(policy)
        .listener(new AuditingListener(log, policy)).bidder(hosted).bidder(failing).bidder(local).build()) {
      Microtask task = Classifier.standard().classify(
          Microtask.builder("email.reply").tenant("acme").input("from jane@example.com").build());

      Execution execution = exchange.execute(task);
      exchange.feedback(execution.decision().id(), Feedback.accepted());

      List<AuditEntry> entries = log.read(1, Long.MAX_VALUE);
      assertThat(entries).extracting(AuditEntry::type).containsExactly(
          AuditType.AWARD, AuditType.MODEL_CALL, AuditType.MODEL_CALL, AuditType.FEEDBACK);
      AuditEntry award = entries.getFirst();
      assertThat(award.tenant()).isEqualTo("acme");
      assertThat(award.details())
          .containsEntry("winner", "flaky")
          .containsEntry("dataClasses", "pii.email")
          .containsEntry("policy.allowedBy", "emails-on-prem:pii.email")
          .containsEntry("decision", execution.decision().id());
      assertThat(award.details().get("policy.excluded")).startsWith("gpt: rule 'emails-on-prem'");
      assertThat(entries.get(1).details()).containsEntry("bidder", "flaky").containsEntry("status", "FAILED");
      assertThat(entries.get(2).details()).containsEntry("bidder", "local").containsEntry("status", "SUCCEEDED");
      assertThat(entries.get(3).tenant()).isEqualTo("acme");
      assertThat(entries.get(3).details()).containsEntry("decision", execution.decision().id());
      assertThat(AuditVerifier.verify(entries).intact()).isTrue();
      assertThat(exchange.listenerFailures()).isZero();
    }
  }
}
