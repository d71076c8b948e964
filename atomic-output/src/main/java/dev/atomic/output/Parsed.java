package dev.atomic.output;

import dev.atomic.output.parse.Repair;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A model's output turned into a valid value, with every repair it took.
 *
 * @param value the typed value
 * @param json the value as validated JSON
 * @param repairs every repair and coercion applied, in order; empty when the output was valid as written
 * @param raw the output exactly as received
 * @param <T> the value's type
 */
public record Parsed<T>(T value, JsonNode json, List<Repair> repairs, String raw) {

  public Parsed {
    Objects.requireNonNull(json, "json");
    repairs = List.copyOf(repairs);
    Objects.requireNonNull(raw, "raw");
  }

  /** Whether the output needed any repair. */
  public boolean repaired() {
    return !repairs.isEmpty();
  }
}
