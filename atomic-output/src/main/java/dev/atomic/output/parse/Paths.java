package dev.atomic.output.parse;

/** Renders JSON paths such as {@code $.items[2].name} and {@code $['odd key']}. */
final class Paths {

  private Paths() {}

  static String render(Object[] segments, int count) {
    StringBuilder sb = new StringBuilder("$");
    for (int i = 0; i < count; i++) {
      append(sb, segments[i]);
    }
    return sb.toString();
  }

  static String child(String parent, Object segment) {
    StringBuilder sb = new StringBuilder(parent);
    append(sb, segment);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object segment) {
    if (segment instanceof Integer i) {
      sb.append('[').append(i).append(']');
    } else {
      String key = (String) segment;
      if (simple(key)) {
        sb.append('.').append(key);
      } else {
        sb.append("['").append(key.replace("\\", "\\\\").replace("'", "\\'")).append("']");
      }
    }
  }

  private static boolean simple(String key) {
    if (key.isEmpty() || !Character.isJavaIdentifierStart(key.charAt(0))) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      if (!Character.isJavaIdentifierPart(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
