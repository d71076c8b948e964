package dev.atomic.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicrotaskTest {

  @Test
  void builder_nullKind_isRejectedClearly() {
    assertThatThrownBy(() -> Microtask.builder(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be null or empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Email.Spam", "email..spam", ".email", "email spam", "email.", "ümlaut"})
  void builder_badKind_namesTheKind(String kind) {
    assertThatThrownBy(() -> Microtask.builder(kind)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_goodKind_buildsWithDefaults() {
    Microtask task = Microtask.builder("email.spam").input("hello").build();
    assertThat(task.kind()).isEqualTo("email.spam");
    assertThat(task.tenant()).isEqualTo(Microtask.DEFAULT_TENANT);
    assertThat(task.constraints()).isEqualTo(Constraints.none());
    assertThat(task.id()).isNotBlank();
  }

  @Test
  void builder_negativeBudget_isRejectedWithTheValue() {
    assertThatThrownBy(() -> Microtask.builder("a").maxCostUsd(-0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-0.5");
  }

  @Test
  void constraints_invalidValues_areRejected() {
    assertThatThrownBy(() -> Constraints.none().withMaxCostUsd(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Constraints.none().withMinQuality(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> Constraints.none().withLatencySlo(Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void builder_blankTenant_isRejected() {
    assertThatThrownBy(() -> Microtask.builder("a").tenant(" ")).hasMessageContaining("tenant");
  }

  @Test
  void features_nonFinite_areRejected() {
    assertThatThrownBy(() -> Features.of(1.0, Double.NaN)).hasMessageContaining("feature 1");
    assertThat(Features.of(new float[] {1f, 2f})).isEqualTo(Features.of(1.0, 2.0));
  }
}
