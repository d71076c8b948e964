package dev.atomic.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.Execution;
import dev.atomic.governance.RecordingBidder;
import dev.atomic.policy.Policy;
import dev.atomic.task.Microtask;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CleanRoomTest {

  private final RecordingBidder local = RecordingBidder.echo("local", BidderProfile.local(), 0.6, 0);
  private final RecordingBidder hosted =
      RecordingBidder.echo("gpt", BidderProfile.hosted("openai", "us-east"), 0.99, 0.001);

  private static Microtask task() {
    return Microtask.builder("doc.summary").input("patient notes").build();
  }

  @Test
  void admit_hostedBidder_isRefused() {
    assertThatThrownBy(() -> CleanRoom.admit(hosted))
        .isInstanceOf(CleanRoomViolation.class)
        .hasMessageContaining("cannot admit bidder 'gpt'");
    assertThat(hosted.sawAnything()).isFalse();
  }

  @Test
  void exchange_hostedBidderInTheList_isRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> CleanRoom.exchange(Exchange.builder(), List.of(local, hosted), Policy.allowAll()))
        .isInstanceOf(CleanRoomViolation.class);
    assertThat(hosted.sawAnything()).isFalse();
  }

  @Test
  void exchange_bidderSmuggledIntoTheBuilder_isRefused() {
    assertThatThrownBy(() -> CleanRoom.exchange(Exchange.builder().bidder(hosted), List.of(local), Policy.allowAll()))
        .isInstanceOf(CleanRoomViolation.class)
        .hasMessageContaining("[gpt]");
  }

  @Test
  void exchange_hostedBidderRegisteredLater_isNeverAskedAndNothingLeaves() {
    try (Exchange exchange = CleanRoom.exchange(Exchange.builder().seed(1), List.of(local), Policy.allowAll())) {
      exchange.register(hosted);

      Execution execution = exchange.execute(task());

      assertThat(execution.servedBy()).isEqualTo("local");
      assertThat(hosted.sawAnything()).isFalse();
      assertThat(execution.decision().exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(Exclusion.Reason.POLICY);
        assertThat(e.detail()).contains("clean-room mode", "'gpt'", "not sovereign");
      });
    }
  }

  @Test
  void guard_bidderThatStopsBeingSovereign_isRefusedOnEveryCall() throws Exception {
    AtomicReference<BidderProfile> profile = new AtomicReference<>(BidderProfile.local());
    RecordingBidder inner = RecordingBidder.echo("shifty", BidderProfile.local(), 0.9, 0);
    Bidder shifty = new Bidder() {
      @Override
      public String id() {
        return "shifty";
      }

      @Override
      public BidderProfile profile() {
        return profile.get();
      }

      @Override
      public java.util.Optional<dev.atomic.bidding.Bid> bid(Microtask task) {
        return inner.bid(task);
      }

      @Override
      public dev.atomic.bidding.Answer serve(Microtask task) throws Exception {
        return inner.serve(task);
      }
    };
    Bidder guarded = CleanRoom.admit(shifty);
    profile.set(BidderProfile.hosted("someone", "elsewhere"));

    assertThatThrownBy(() -> guarded.bid(task())).isInstanceOf(CleanRoomViolation.class)
        .hasMessageContaining("refused a bid request to bidder 'shifty'");
    assertThatThrownBy(() -> guarded.serve(task())).isInstanceOf(CleanRoomViolation.class)
        .hasMessageContaining("refused a model call");
    assertThat(inner.sawAnything()).isFalse();
  }

  @Test
  void exchange_extraPolicyStillApplies() {
    Policy noSummaries = (t, id, p) -> java.util.Optional.of("no summaries today");
    try (Exchange exchange = CleanRoom.exchange(Exchange.builder().seed(1), List.of(local), noSummaries)) {
      assertThat(exchange.award(task()).awarded()).isFalse();
      assertThat(local.sawAnything()).isFalse();
    }
  }

  @Test
  void guard_keepsTheGuardedBiddersIdAndInlineServing() {
    Bidder fromMemory = RecordingBidder.echo("rules", BidderProfile.local(), 0.9, 0).servingInline();

    Bidder guarded = CleanRoom.admit(fromMemory);

    assertThat(guarded.id()).isEqualTo("rules");
    assertThat(guarded.servesInline()).isTrue();
  }
}
