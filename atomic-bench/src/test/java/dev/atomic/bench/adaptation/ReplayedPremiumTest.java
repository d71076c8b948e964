package dev.atomic.bench.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayedPremiumTest {

  private static Microtask task(int i) {
    return Microtask.builder("sms.spam").id("t" + i).input("text " + i).build();
  }

  @Test
  void serve_manyTasks_errsAtAboutTheDeclaredRateAndChargesThePrice() {
    ReplayedPremium premium = new ReplayedPremium(0.002, 0.02, Duration.ofMillis(800), 1, List.of("ham", "spam"));
    int wrong = 0;
    for (int i = 0; i < 10_000; i++) {
      premium.expect("t" + i, "ham");
      var answer = premium.serve(task(i));
      wrong += answer.output().equals("ham") ? 0 : 1;
      assertThat(answer.costUsd()).isEqualTo(0.002);
    }
    assertThat(wrong).isBetween(150, 250);
    assertThat(premium.calls()).isEqualTo(10_000);
  }

  @Test
  void serve_sameSeedAndTask_answersTheSame() {
    ReplayedPremium a = new ReplayedPremium(0.002, 0.5, Duration.ZERO, 3, List.of("x", "y", "z"));
    ReplayedPremium b = new ReplayedPremium(0.002, 0.5, Duration.ZERO, 3, List.of("x", "y", "z"));
    for (int i = 0; i < 100; i++) {
      a.expect("t" + i, "x");
      b.expect("t" + i, "x");
      assertThat(a.serve(task(i)).output()).isEqualTo(b.serve(task(i)).output());
    }
  }

  @Test
  void bid_withoutAnExpectedLabel_abstainsAndServeFails() {
    ReplayedPremium premium = new ReplayedPremium(0.002, 0.02, Duration.ZERO, 1, List.of("ham", "spam"));
    assertThat(premium.bid(task(1))).isEmpty();
    assertThatThrownBy(() -> premium.serve(task(1))).hasMessageContaining("t1");
  }
}
