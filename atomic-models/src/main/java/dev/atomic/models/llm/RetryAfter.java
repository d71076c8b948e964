package dev.atomic.models.llm;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asks the caller to wait: {@code retry-after-ms} (OpenAI's precise form), then
 * {@code Retry-After} as seconds or as an HTTP date (RFC 9110), measured from the response's {@code Date} header when
 * it has one, else from {@code now}.
 */
final class RetryAfter {

  private RetryAfter() {}

  static Duration parse(HttpHeaders headers, Instant now) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      Duration d = parseNumber(millis.get(), 1);
      if (d != null) {
        return d;
      }
    }
    return headers.firstValue("retry-after").map(value -> parse(value, headers.firstValue("date"), now)).orElse(null);
  }

  static Duration parse(String value, Optional<String> date, Instant now) {
    Duration seconds = parseNumber(value, 1000);
    if (seconds != null) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Instant from = date.map(RetryAfter::httpDate).orElse(now);
      Duration wait = Duration.between(from == null ? now : from, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant httpDate(String value) {
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration parseNumber(String value, long millisPerUnit) {
    try {
      double units = Double.parseDouble(value.strip());
      if (!(units >= 0) || Double.isInfinite(units)) {
        return null;
      }
      return Duration.ofMillis(Math.round(units * millisPerUnit));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
