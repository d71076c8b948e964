package dev.atomic.output.parse;

/**
 * Bounds that keep parsing linear and the process safe whatever a model (or an attacker) sends.
 *
 * @param maxChars longest output accepted, in characters; longer outputs are refused before parsing
 * @param maxDepth deepest nesting of arrays and objects
 * @param maxCandidates most values considered when an output contains several
 */
public record ParseLimits(int maxChars, int maxDepth, int maxCandidates) {

  /** 2 M characters, depth 128, 16 candidates: far beyond any sane model answer, cheap to refuse. */
  public static final ParseLimits DEFAULT = new ParseLimits(2_000_000, 128, 16);

  public ParseLimits {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
    if (maxDepth < 1 || maxDepth > 10_000) {
      throw new IllegalArgumentException("maxDepth must be in [1, 10000], was " + maxDepth);
    }
    if (maxCandidates < 1) {
      throw new IllegalArgumentException("maxCandidates must be at least 1, was " + maxCandidates);
    }
  }
}
