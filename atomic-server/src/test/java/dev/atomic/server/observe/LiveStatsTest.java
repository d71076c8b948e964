package dev.atomic.server.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.task.Microtask;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class LiveStatsTest {

  @Test
  void snapshot_measuresSavingsAgainstThePremiumBidder() {
    LiveStats stats = new LiveStats(InstantSource.system(), "premium");
    double spent = 0;
    try (Exchange exchange = Exchange.builder().seed(5).utility(Utility.of(100, 0)).listener(stats)
        .bidder(new ScriptedBidder("cheap", 0.9, 0.001, 10, "a"))
        .bidder(new ScriptedBidder("premium", 0.95, 0.02, 100, "b"))
        .build()) {
      for (int i = 0; i < 10; i++) {
        Execution e = exchange.execute(Microtask.builder("doc.kind").build());
        spent += e.totalCostUsd();
        exchange.feedback(e.decision().id(), i % 2 == 0 ? Feedback.accepted() : Feedback.rejected());
      }
    }
    LiveStats.Snapshot s = stats.snapshot();
    assertThat(s.decisions()).isEqualTo(10);
    assertThat(s.executions()).isEqualTo(10);
    assertThat(s.spendUsd()).isEqualTo(spent, within(1e-12));
    // Nothing learned about costs yet beyond the claims, so the premium baseline is its claimed cost each time.
    assertThat(s.premiumBaselineUsd()).isEqualTo(10 * 0.02, within(1e-9));
    assertThat(s.savedUsd()).isEqualTo(s.premiumBaselineUsd() - spent, within(1e-12));
    long wins = s.bidders().stream().mapToLong(LiveStats.BidderLive::wins).sum();
    assertThat(wins).isEqualTo(10);
    double share = s.bidders().stream().mapToDouble(LiveStats.BidderLive::winShare).sum();
    assertThat(share).isEqualTo(1.0, within(1e-12));
    long feedback = s.bidders().stream().mapToLong(LiveStats.BidderLive::feedback).sum();
    assertThat(feedback).isEqualTo(10);
    LiveStats.BidderLive busiest = s.bidders().stream().filter(b -> b.served() > 0).findFirst().orElseThrow();
    assertThat(busiest.latencyP50Ms()).isIn(10.0, 100.0);
    assertThat(busiest.meanClaimedQuality()).isCloseTo(busiest.bidder().equals("cheap") ? 0.9 : 0.95, within(1e-9));
    assertThat(s.spend()).isNotEmpty();
  }

  @Test
  void snapshot_withoutTraffic_hasNoFigures() {
    LiveStats.Snapshot s = new LiveStats(InstantSource.system(), null).snapshot();
    assertThat(s.decisions()).isZero();
    assertThat(s.bidders()).isEmpty();
    assertThat(s.savedUsd()).isZero();
  }
}
