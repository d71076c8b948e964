package dev.atomic.output.parse;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One value found in a model's output, with the syntax repairs it needed.
 *
 * @param value the parsed value
 * @param source where it was found
 * @param start offset of its first character in the output
 * @param end offset just after its last character
 * @param repairs the syntax repairs made while reading it
 */
public record Candidate(JsonNode value, Source source, int start, int end, List<Repair> repairs) {

  public Candidate {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
    repairs = List.copyOf(repairs);
  }

  /** Where a candidate was found; earlier sources are preferred when several candidates fit. */
  public enum Source {
    /** The output is this value, give or take white space. */
    WHOLE,
    /** Inside a markdown code fence. */
    FENCE,
    /** Inside prose. */
    PROSE,
    /** The whole output taken as text, for schemas that expect a string or an enum. */
    TEXT
  }
}
