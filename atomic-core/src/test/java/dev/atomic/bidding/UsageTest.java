package dev.atomic.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void of_negativeTokens_isRefusedWithTheValues() {
    assertThatThrownBy(() -> Usage.of("m", -1, 5)).hasMessageContaining("-1 in, 5 out");
    assertThatThrownBy(() -> new Usage("m", -1, 5)).hasMessageContaining("both");
    assertThatThrownBy(() -> new Usage("m", -2, -2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Usage(null, 1, 1)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void unknown_knowsNothing() {
    assertThat(Usage.UNKNOWN.tokensKnown()).isFalse();
    assertThat(Usage.UNKNOWN.modelKnown()).isFalse();
    assertThat(Usage.model("head-v2").modelKnown()).isTrue();
    assertThat(Usage.model("head-v2").tokensKnown()).isFalse();
    assertThat(Usage.of("m", 0, 0).tokensKnown()).isTrue();
  }

  @Test
  void plus_addsTheKnownTokensAndJoinsDistinctModels() {
    Usage a = Usage.of("a", 10, 2);
    assertThat(a.plus(Usage.of("b", 5, 1))).isEqualTo(Usage.of("a,b", 15, 3));
    assertThat(a.plus(Usage.of("a", 5, 1))).isEqualTo(Usage.of("a", 15, 3));
    assertThat(a.plus(Usage.UNKNOWN)).isEqualTo(a);
    assertThat(Usage.UNKNOWN.plus(a)).isEqualTo(a);
    assertThat(Usage.UNKNOWN.plus(Usage.model("x"))).isEqualTo(Usage.model("x"));
    assertThat(Usage.of("a,b", 1, 1).plus(Usage.of("b", 1, 1)).model()).isEqualTo("a,b");
  }

  @Test
  void answer_withoutUsage_isUnknownAndWithUsageKeepsTheRest() {
    Answer answer = Answer.of("x", 0.01, Duration.ofMillis(3));
    assertThat(answer.usage()).isEqualTo(Usage.UNKNOWN);
    Answer used = answer.withUsage(Usage.of("m", 4, 2));
    assertThat(used).isEqualTo(new Answer("x", 0.01, Duration.ofMillis(3), Double.NaN, Usage.of("m", 4, 2)));
    assertThatThrownBy(() -> answer.withUsage(null)).isInstanceOf(NullPointerException.class);
  }
}
