package dev.atomic.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile and near-valid input shared by the fuzz suites: mutations of valid documents (deleted,
 * duplicated and inserted spans), deep nesting, huge strings, invalid UTF-8, wrong types and nulls.
 */
final class Hostile {

  private Hostile() {}

  /** JSON values of every type, the awkward ones over-represented. */
  static Arbitrary<String> jsonValue() {
    return Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-0", "-1", "1e999", "-1e999", "1.5", "9223372036854775808",
            "NaN", "Infinity", "\"\"", "\" \"", "[]", "{}", "[null]", "{\"a\":null}", "\"\\u0000\"", "\"\\ud800\"",
            "\"2026-01-31T12:00:00Z\"", "\"yesterday\"", "0.5", "2", "-0.1", "1", "\"spam\""),
        Arbitraries.strings().ofMaxLength(30).map(Hostile::quote),
        Arbitraries.integers().between(1, 3_000).map(Hostile::nested),
        Arbitraries.integers().between(1_000, 20_000).map(n -> "\"" + "x".repeat(n) + "\""));
  }

  /** An object with some of the given field names (and a stray one), each with any value. */
  static Arbitrary<String> objectWith(List<String> fields) {
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(fields), Arbitraries.of("", "extra", "KIND", "id "));
    Arbitrary<String> field = Combinators.combine(name, jsonValue()).as((n, v) -> quote(n) + ":" + v);
    return field.list().ofMaxSize(fields.size() + 1).map(l -> "{" + String.join(",", l) + "}");
  }

  /** A valid document with a few random edits: spans deleted, duplicated, or replaced by a hostile fragment. */
  static Arbitrary<String> mutated(List<String> valid) {
    Arbitrary<String> fragment = Arbitraries.oneOf(jsonValue(),
        Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "'", "//", "/*", "\n", "\u0000", "\ufeff", "é"));
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 12), fragment).as(Edit::new);
    return Combinators.combine(Arbitraries.of(valid), edit.list().ofMinSize(1).ofMaxSize(4)).as((doc, edits) -> {
      String out = doc;
      for (Edit e : edits) {
        out = e.apply(out);
      }
      return out;
    });
  }

  /** Any body for a JSON route: mutated valid ones, structured ones, deep or huge ones, and raw bytes. */
  static Arbitrary<byte[]> body(List<String> valid, List<String> fields) {
    Arbitrary<String> text = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, mutated(valid)),
        net.jqwik.api.Tuple.of(3, objectWith(fields)),
        net.jqwik.api.Tuple.of(1, jsonValue()),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(valid)));
    Arbitrary<byte[]> utf8 = text.map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, utf8),
        net.jqwik.api.Tuple.of(1, Combinators.combine(utf8, Arbitraries.of(
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {0})).as(Hostile::spliceMiddle)),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static byte[] spliceMiddle(byte[] into, byte[] bad) {
    int at = into.length / 2;
    byte[] out = new byte[into.length + bad.length];
    System.arraycopy(into, 0, out, 0, at);
    System.arraycopy(bad, 0, out, at, bad.length);
    System.arraycopy(into, at, out, at + bad.length, into.length - at);
    return out;
  }

  /** One edit at a relative position: 0 deletes a span, 1 duplicates it, 2 replaces it with the fragment. */
  private record Edit(int op, double where, int length, String fragment) {
    String apply(String doc) {
      if (doc.isEmpty()) {
        return fragment;
      }
      int from = (int) (where * doc.length());
      int to = Math.min(doc.length(), from + length);
      return switch (op) {
        case 0 -> doc.substring(0, from) + doc.substring(to);
        case 1 -> doc.substring(0, to) + doc.substring(from, to) + doc.substring(to);
        default -> doc.substring(0, from) + fragment + doc.substring(to);
      };
    }
  }
}
