package dev.atomic.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetPacerTest {

  private final AtomicLong now = new AtomicLong();
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

  @Test
  void reserve_withoutBudget_isUnlimited() {
    BudgetPacer pacer = new BudgetPacer(clock);
    assertThat(pacer.reserve("t", 1e6)).isNotNull();
    assertThat(pacer.available("t")).isInfinite();
  }

  @Test
  void reserve_followsThePacedAllowanceAndResetsEachWindow() {
    BudgetPacer pacer = new BudgetPacer(clock);
    pacer.set("t", new Budget(10, Duration.ofHours(1), 0.2));
    assertThat(pacer.reserve("t", 2)).isNotNull();
    assertThat(pacer.reserve("t", 0.01)).isNull();
    now.set(Duration.ofMinutes(30).toMillis());
    assertThat(pacer.available("t")).isCloseTo(6 - 2, within(1e-9));
    now.set(Duration.ofMinutes(61).toMillis());
    assertThat(pacer.committed("t")).isZero();
    assertThat(pacer.available("t")).isCloseTo(2 + 8 * (1 / 60.0), within(1e-9));
  }

  @Test
  void settle_replacesTheReservationByTheRealCostOnce() {
    BudgetPacer pacer = new BudgetPacer(clock);
    pacer.set("t", new Budget(10, Duration.ofHours(1), 1));
    BudgetPacer.Reservation r = pacer.reserve("t", 3);
    r.settle(1);
    r.settle(5);
    assertThat(pacer.committed("t")).isEqualTo(1);
  }

  @Test
  void budget_badValues_areRejectedWithTheValue() {
    assertThatThrownBy(() -> Budget.of(-1, Duration.ofHours(1))).hasMessageContaining("-1");
    assertThatThrownBy(() -> Budget.of(1, Duration.ZERO)).hasMessageContaining("window");
    assertThatThrownBy(() -> new Budget(1, Duration.ofHours(1), 0)).hasMessageContaining("burst");
    assertThatThrownBy(() -> new BudgetPacer(clock).reserve("t", Double.NaN)).hasMessageContaining("NaN");
  }
}
