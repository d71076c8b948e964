package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionQueryTest {

  @Test
  void all_hasNoFiltersAndTheDefaultPage() {
    DecisionQuery all = DecisionQuery.all();

    assertThat(all.tenant()).isNull();
    assertThat(all.offset()).isZero();
    assertThat(all.limit()).isEqualTo(DecisionQuery.DEFAULT_LIMIT);
  }

  @Test
  void page_limitOutOfRange_namesIt() {
    assertThatThrownBy(() -> DecisionQuery.all().page(0, 0)).hasMessageContaining("limit must be in [1, 1000], was 0");
    assertThatThrownBy(() -> DecisionQuery.all().page(0, 1001)).hasMessageContaining("was 1001");
  }

  @Test
  void page_negativeOffset_isRejected() {
    assertThatThrownBy(() -> DecisionQuery.all().page(-1, 10)).hasMessageContaining("offset must be >= 0, was -1");
  }

  @Test
  void between_reversedRange_showsBothEnds() {
    Instant later = Instant.parse("2026-02-01T00:00:00Z");
    Instant earlier = Instant.parse("2026-01-01T00:00:00Z");

    assertThatThrownBy(() -> DecisionQuery.all().between(later, earlier))
        .hasMessageContaining("from (2026-02-01T00:00:00Z) must be before until (2026-01-01T00:00:00Z)");
  }

  @Test
  void tenant_blank_isRejected() {
    assertThatThrownBy(() -> DecisionQuery.all().tenant("")).hasMessageContaining("tenant must not be blank");
  }
}
