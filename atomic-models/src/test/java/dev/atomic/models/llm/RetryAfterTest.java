package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static HttpHeaders headers(Map<String, List<String>> map) {
    return HttpHeaders.of(map, (a, b) -> true);
  }

  @Test
  void parse_secondsAndMillis() {
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", List.of("12"))), NOW)).isEqualTo(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse(headers(Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("2"))), NOW))
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void parse_httpDate_isMeasuredFromTheDateHeader() {
    assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:00:30 GMT", Optional.of("Sun, 01 Jun 2025 12:00:00 GMT"), NOW))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:01:00 GMT", Optional.empty(), NOW))
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void parse_garbageOrAbsent_isNull() {
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", List.of("soon"))), NOW)).isNull();
    assertThat(RetryAfter.parse(headers(Map.of()), NOW)).isNull();
  }
}
