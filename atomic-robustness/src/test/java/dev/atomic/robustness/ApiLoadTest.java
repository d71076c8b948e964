package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load run in small: 500 concurrent clients for a few seconds; zero errors, nothing lost, nothing paid twice. */
class ApiLoadTest {

  @Test
  void run_500ConcurrentClients_noErrorsAndEveryAcknowledgedAnswerIsInTheLedger(@TempDir Path dir) throws Exception {
    ApiLoad.Result r = ApiLoad.run(new ApiLoad.Settings(500, Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ZERO), dir);
    System.out.println("load test: " + r);

    assertThat(r.errors()).as("errors by kind: %s", r.errorKinds()).isZero();
    assertThat(r.acknowledgedMicrotasks()).isGreaterThanOrEqualTo(500);
    assertThat(r.acknowledgedRuns()).isGreaterThanOrEqualTo(1);
    assertThat(r.missingDecisions()).isZero();
    assertThat(r.missingRuns()).isZero();
    // Every serve call is accounted for by an acknowledged answer: none was served twice, none behind a failure.
    assertThat(r.callsServed()).isEqualTo(r.callsAcknowledged());
  }

  @Test
  void settings_badValues_areRefusedNamingTheValue() {
    assertThatThrownBy(() -> new ApiLoad.Settings(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
        .hasMessageContaining("clients must be in [1, 10000], was 0");
    assertThatThrownBy(() -> new ApiLoad.Settings(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
        .hasMessageContaining("duration must be positive, was PT0S");
  }
}
