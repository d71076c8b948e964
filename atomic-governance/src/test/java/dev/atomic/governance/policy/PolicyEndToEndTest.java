package dev.atomic.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.Execution;
import dev.atomic.governance.RecordingBidder;
import dev.atomic.governance.classify.Classifier;
import dev.atomic.task.Microtask;
import org.junit.jupiter.api.Test;

/** A real exchange with a classifier in front: an ineligible bidder never receives the payload, not even to bid. */
class PolicyEndToEndTest {

  private final RecordingBidder hosted =
      RecordingBidder.echo("gpt", BidderProfile.hosted("openai", "us-east"), 0.95, 0.0001);
  private final RecordingBidder onPrem = RecordingBidder.echo("local", BidderProfile.local(), 0.7, 0.00001);
  private final DataPolicy policy = PolicyYaml.parse("""
      rules:
        - name: cards-stay-home
          classes: [pci.card]
          onPremises: true
      """);
  private final Classifier classifier = Classifier.standard();

  @Test
  void execute_cardInInput_neverReachesTheHostedBidderAndTheDecisionNamesTheRule() {
    try (Exchange exchange = Exchange.builder().seed(1).policy(policy).bidder(hosted).bidder(onPrem).build()) {
      Microtask task = classifier.classify(
          Microtask.builder("support.reply").input("refund card 4111 1111 1111 1111 please").build());

      Execution execution = exchange.execute(task);

      assertThat(execution.servedBy()).isEqualTo("local");
      assertThat(hosted.sawAnything()).isFalse();
      assertThat(onPrem.bidRequests()).hasSize(1);
      Exclusion exclusion = execution.decision().exclusions().getFirst();
      assertThat(exclusion.arm()).isEqualTo("gpt");
      assertThat(exclusion.reason()).isEqualTo(Exclusion.Reason.POLICY);
      assertThat(exclusion.detail()).contains("rule 'cards-stay-home' (line 2)", "'pci.card'");
    }
  }

  @Test
  void execute_cleanInput_isOpenToTheBestBidder() {
    try (Exchange exchange = Exchange.builder().seed(1).policy(policy).bidder(hosted).bidder(onPrem).build()) {
      Microtask task = classifier.classify(Microtask.builder("support.reply").input("where is my parcel?").build());

      Decision decision = exchange.execute(task).decision();

      assertThat(decision.exclusions()).noneMatch(e -> e.reason() == Exclusion.Reason.POLICY);
      assertThat(hosted.bidRequests()).hasSize(1);
    }
  }

  @Test
  void execute_manyTasks_hostedBidderSeesOnlyTheCleanOnes() {
    try (Exchange exchange = Exchange.builder().seed(3).policy(policy).bidder(hosted).bidder(onPrem).build()) {
      for (int i = 0; i < 40; i++) {
        String input = i % 2 == 0 ? "order " + i + " card 5500-0000-0000-0004" : "order " + i + " status";
        exchange.execute(classifier.classify(Microtask.builder("support.reply").input(input).build()));
      }
      assertThat(hosted.bidRequests()).hasSize(20)
          .allSatisfy(t -> assertThat((String) t.input()).doesNotContain("5500"));
      assertThat(hosted.served()).allSatisfy(t -> assertThat((String) t.input()).doesNotContain("5500"));
    }
  }
}
