package dev.atomic.output.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/*
 * A hand-written, single-pass, recursive-descent parser for the JSON that models actually write.
 *
 * Design notes.
 * - It reads one value starting at a given offset and reports where the value ended, so the extractor can find values
 *   in prose and go on scanning after them. Every character is looked at a bounded number of times (the look-ahead
 *   after a quote reads at most one word), so a parse is linear in the length it consumes.
 * - Repairs are decided locally, the way a person reading the text would: a quote followed by a letter is part of the
 *   string, not its end; a key after a value on the next line means a comma was forgotten; the end of input closes
 *   whatever is open. Each repair is logged with the JSON path and offset where it was made.
 * - What it cannot read (a key followed by neither ':' nor the end, a stray character where a value must be) fails
 *   the whole value: a half-guessed value is worse than none, and the extractor may find a better candidate elsewhere.
 * - Depth is bounded (ParseLimits.maxDepth), so recursion cannot overflow the stack.
 * - In partial mode (for streaming) a scalar cut off by the end of input is left out rather than completed, so that
 *   no half-read string or number reaches a field.
 */
final class ValueParser {

  /** Thrown to abandon the value being read; preallocated, no stack trace: failures are part of normal scanning. */
  static final class Failure extends RuntimeException {
    private static final Failure INSTANCE = new Failure();

    private Failure() {
      super("not a value", null, false, false);
    }
  }

  /** Returned by {@link #value} when the input ended before a value began (or, in partial mode, before it ended). */
  private static final JsonNode MISSING = JsonNodeFactory.instance.missingNode();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String s;
  private final int end;
  private final int maxDepth;
  private final boolean partial;
  private final RepairLog log;
  private final StringBuilder buffer = new StringBuilder();
  private int pos;

  private ValueParser(String s, int start, int end, int maxDepth, boolean partial, RepairLog log) {
    this.s = s;
    this.pos = start;
    this.end = end;
    this.maxDepth = maxDepth;
    this.partial = partial;
    this.log = log;
  }

  /** What one parse produced: the value (null when none could be read), and the offset just after it. */
  record Result(JsonNode value, int end) {}

  /**
   * Reads one value (an object, an array, a string, a number or a literal) starting at {@code start}.
   *
   * @return the value and where it ended; the value is {@code null} when none can be read there
   * @throws TooLargeException when the value nests deeper than {@code maxDepth}
   */
  static Result parse(String s, int start, int end, int maxDepth, RepairLog log) {
    return parse(s, start, end, maxDepth, false, log);
  }

  static Result parse(String s, int start, int end, int maxDepth, boolean partial, RepairLog log) {
    ValueParser p = new ValueParser(s, start, end, maxDepth, partial, log);
    try {
      JsonNode v = p.value(0);
      return new Result(v == MISSING ? null : v, p.pos);
    } catch (Failure f) {
      return new Result(null, Math.max(p.pos, start + 1));
    }
  }

  // ---- values -------------------------------------------------------------------------------------------------------

  private JsonNode value(int depth) {
    skipSpaceAndComments();
    if (pos >= end) {
      return MISSING;
    }
    char c = s.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"', '\'' -> string(c, false);
      default -> {
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
          yield number();
        }
        if (isWordStart(c)) {
          yield word();
        }
        throw Failure.INSTANCE;
      }
    };
  }

  private ObjectNode object(int depth) {
    checkDepth(depth);
    int open = pos++;
    ObjectNode obj = NODES.objectNode();
    while (true) {
      skipSpaceAndComments();
      if (pos >= end) {
        truncated(open, "object");
        return obj;
      }
      char c = s.charAt(pos);
      if (c == '}') {
        pos++;
        return obj;
      }
      if (c == ']') {
        // A bracket of the wrong kind closes this object too: models lose track of which one is open.
        log.add(Repair.Kind.TRUNCATED, pos, "']' closed an object");
        pos++;
        return obj;
      }
      if (c == ',') {
        log.add(Repair.Kind.TRAILING_COMMA, pos, "stray comma");
        pos++;
        continue;
      }
      int keyAt = pos;
      String key = key();
      if (key == null) {
        return obj; // partial mode: the key itself is still streaming in
      }
      skipSpaceAndComments();
      if (pos >= end) {
        truncated(keyAt, "key '" + key + "' without a value");
        return obj;
      }
      if (s.charAt(pos) != ':') {
        if (s.charAt(pos) == '=') {
          log.add(Repair.Kind.MISSING_COMMA, pos, "'=' used for ':'");
        } else {
          throw Failure.INSTANCE;
        }
      }
      pos++;
      log.push(key);
      JsonNode v = value(depth);
      if (v == MISSING) {
        log.pop();
        truncated(keyAt, "key '" + key + "' without a value");
        return obj;
      }
      if (obj.has(key)) {
        log.add(Repair.Kind.DUPLICATE_KEY, keyAt, "kept the last value");
      }
      log.pop();
      obj.set(key, v);
      skipSpaceAndComments();
      if (pos >= end) {
        truncated(open, "object");
        return obj;
      }
      c = s.charAt(pos);
      if (c == ',') {
        int comma = pos++;
        skipSpaceAndComments();
        if (pos < end && s.charAt(pos) == '}') {
          log.add(Repair.Kind.TRAILING_COMMA, comma, "");
          pos++;
          return obj;
        }
      } else if (c == '}') {
        pos++;
        return obj;
      } else if (c == '"' || c == '\'' || isWordStart(c)) {
        log.add(Repair.Kind.MISSING_COMMA, pos, "");
      } else if (c != ']') {
        throw Failure.INSTANCE;
      }
    }
  }

  private ArrayNode array(int depth) {
    checkDepth(depth);
    int open = pos++;
    ArrayNode arr = NODES.arrayNode();
    while (true) {
      skipSpaceAndComments();
      if (pos >= end) {
        truncated(open, "array");
        return arr;
      }
      char c = s.charAt(pos);
      if (c == ']') {
        pos++;
        return arr;
      }
      if (c == '}') {
        log.add(Repair.Kind.TRUNCATED, pos, "'}' closed an array");
        pos++;
        return arr;
      }
      if (c == ',') {
        log.add(Repair.Kind.TRAILING_COMMA, pos, "stray comma");
        pos++;
        continue;
      }
      log.push(arr.size());
      JsonNode v = value(depth);
      log.pop();
      if (v == MISSING) {
        truncated(open, "array");
        return arr;
      }
      arr.add(v);
      skipSpaceAndComments();
      if (pos >= end) {
        truncated(open, "array");
        return arr;
      }
      c = s.charAt(pos);
      if (c == ',') {
        int comma = pos++;
        skipSpaceAndComments();
        if (pos < end && s.charAt(pos) == ']') {
          log.add(Repair.Kind.TRAILING_COMMA, comma, "");
          pos++;
          return arr;
        }
      } else if (c == ']') {
        pos++;
        return arr;
      } else if (c == '"' || c == '\'' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9')
          || isWordStart(c)) {
        log.add(Repair.Kind.MISSING_COMMA, pos, "");
      } else if (c != '}') {
        throw Failure.INSTANCE;
      }
    }
  }

  private String key() {
    char c = s.charAt(pos);
    if (c == '"' || c == '\'') {
      JsonNode k = string(c, true);
      return k == MISSING ? null : k.stringValue();
    }
    if (!isWordStart(c)) {
      throw Failure.INSTANCE;
    }
    int start = pos;
    while (pos < end && isWordPart(s.charAt(pos))) {
      pos++;
    }
    log.add(Repair.Kind.UNQUOTED_KEY, start, s.substring(start, pos));
    return s.substring(start, pos);
  }

  // ---- strings ------------------------------------------------------------------------------------------------------

  private JsonNode string(char quote, boolean isKey) {
    int open = pos++;
    if (quote == '\'') {
      log.add(Repair.Kind.SINGLE_QUOTES, open, "");
    }
    // Fast path: no escapes, no control characters, and the first quote ends the string.
    int i = pos;
    while (i < end) {
      char c = s.charAt(i);
      if (c == quote) {
        if (endsString(i, isKey)) {
          String text = s.substring(pos, i);
          pos = i + 1;
          return NODES.stringNode(text);
        }
        break;
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      i++;
    }
    StringBuilder sb = buffer;
    sb.setLength(0);
    sb.append(s, pos, i);
    pos = i;
    boolean controlLogged = false;
    boolean quoteLogged = false;
    while (true) {
      if (pos >= end) {
        if (partial) {
          return MISSING;
        }
        truncated(open, "string");
        return NODES.stringNode(sb.toString());
      }
      char c = s.charAt(pos);
      if (c == quote) {
        if (endsString(pos, isKey)) {
          pos++;
          return NODES.stringNode(sb.toString());
        }
        if (!quoteLogged) {
          log.add(Repair.Kind.UNESCAPED_QUOTE, pos, "");
          quoteLogged = true;
        }
        sb.append(c);
        pos++;
      } else if (c == '\\') {
        escape(sb, quote);
      } else {
        if (c < 0x20 && !controlLogged) {
          log.add(Repair.Kind.UNESCAPED_CONTROL, pos, c == '\n' ? "newline" : "U+" + Integer.toHexString(c));
          controlLogged = true;
        }
        sb.append(c);
        pos++;
      }
    }
  }

  private void escape(StringBuilder sb, char quote) {
    int at = pos++;
    if (pos >= end) {
      return; // the string's own end-of-input handling reports the truncation
    }
    char e = s.charAt(pos++);
    switch (e) {
      case '"', '\\', '/' -> sb.append(e);
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        int cp = hex4(pos);
        if (cp < 0) {
          log.add(Repair.Kind.INVALID_ESCAPE, at, "\\u without four hex digits");
          sb.append("\\u");
        } else {
          sb.append((char) cp);
          pos += 4;
        }
      }
      default -> {
        if (e == '\'' && quote == '\'') {
          sb.append(e); // part of single quotes, already reported
        } else {
          log.add(Repair.Kind.INVALID_ESCAPE, at, "\\" + e);
          sb.append(e == '\'' ? "'" : "\\" + e);
        }
      }
    }
  }

  private int hex4(int at) {
    if (at + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  /**
   * Whether the quote at {@code q} ends the string, judged by what follows it: the end of input, a colon after a key, a
   * closing bracket, a comma followed by something that can start the next element, or a new line starting another
   * string. Anything else (a letter, a space then a word) means the model forgot to escape a quote inside the text.
   */
  private boolean endsString(int q, boolean isKey) {
    int i = q + 1;
    boolean newline = false;
    while (i < end && isSpace(s.charAt(i))) {
      newline |= s.charAt(i) == '\n';
      i++;
    }
    if (i >= end) {
      return true;
    }
    char c = s.charAt(i);
    if (isKey) {
      return c == ':' || c == '=' || c == ',' || c == '}';
    }
    switch (c) {
      case '}', ']' -> {
        return true;
      }
      case '"', '\'' -> {
        return newline;
      }
      case '/' -> {
        return i + 1 < end && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*');
      }
      case '#' -> {
        return newline;
      }
      case ',' -> {
        return elementFollows(i + 1);
      }
      default -> {
        // a new line with an unquoted key after it ("a": "x"\n b: 1) is a forgotten comma
        return newline && keyFollows(i);
      }
    }
  }

  private boolean elementFollows(int from) {
    int i = from;
    while (i < end && isSpace(s.charAt(i))) {
      i++;
    }
    if (i >= end) {
      return true;
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'' || c == '{' || c == '[' || c == ']' || c == '}' || c == '-' || (c >= '0' && c <= '9')) {
      return true;
    }
    if (c == '#' || (c == '/' && i + 1 < end && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*'))) {
      return true; // a comment before the next element
    }
    if (!isWordStart(c)) {
      return false;
    }
    int wordStart = i;
    while (i < end && isWordPart(s.charAt(i)) && i - wordStart < 64) {
      i++;
    }
    if (literal(s.substring(wordStart, i)) != null) {
      return true;
    }
    return keyFollows(wordStart);
  }

  /** Whether an unquoted key and its colon start at {@code i}; reads at most one short word. */
  private boolean keyFollows(int i) {
    if (i >= end || !isWordStart(s.charAt(i))) {
      return false;
    }
    int start = i;
    while (i < end && isWordPart(s.charAt(i)) && i - start < 64) {
      i++;
    }
    while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i < end && s.charAt(i) == ':';
  }

  // ---- numbers and words --------------------------------------------------------------------------------------------

  private JsonNode number() {
    int start = pos;
    boolean repaired = false;
    if (s.charAt(pos) == '+') {
      repaired = true;
      pos++;
    } else if (s.charAt(pos) == '-') {
      pos++;
    }
    int intStart = pos;
    while (pos < end && isDigit(s.charAt(pos))) {
      pos++;
    }
    int intDigits = pos - intStart;
    if (intDigits > 1 && s.charAt(intStart) == '0') {
      repaired = true; // leading zeros
    }
    boolean fraction = false;
    boolean exponent = false;
    int fracDigits = 0;
    if (pos < end && s.charAt(pos) == '.') {
      int dot = pos++;
      int fracStart = pos;
      while (pos < end && isDigit(s.charAt(pos))) {
        pos++;
      }
      fracDigits = pos - fracStart;
      if (intDigits == 0 && fracDigits == 0) {
        pos = dot; // a lone "." or "-." is no number
      } else {
        fraction = true;
        repaired |= fracDigits == 0 || intDigits == 0; // "1." or ".5"
      }
    }
    if (intDigits == 0 && !fraction) {
      // a lone sign: maybe "-Infinity" or nothing readable
      if (pos < end && isWordStart(s.charAt(pos))) {
        JsonNode w = word();
        log.add(Repair.Kind.JS_LITERAL, start, "signed word");
        return w.isNumber() ? w : NODES.nullNode();
      }
      throw Failure.INSTANCE;
    }
    if (pos < end && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      int expStart = pos;
      while (pos < end && isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == expStart) {
        pos = save; // not an exponent after all ("12e" or "12 eggs"), handled below
      } else {
        exponent = true;
      }
    }
    if (pos >= end && partial) {
      return MISSING; // "12" may become "123": wait for the delimiter
    }
    if (pos < end && isWordPart(s.charAt(pos))) {
      // "12px", "3rd": a word that starts with digits, kept as text for the schema to judge
      pos = start;
      return bareText();
    }
    String text = s.substring(start, pos);
    if (repaired) {
      log.add(Repair.Kind.NUMBER_FORMAT, start, text);
    }
    return numberNode(text, fraction || exponent);
  }

  static JsonNode numberNode(String text, boolean decimal) {
    String t = text.startsWith("+") ? text.substring(1) : text;
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.startsWith(".") || t.startsWith("-.")) {
      t = t.replaceFirst("\\.", "0.");
    }
    if (!decimal && t.indexOf('.') < 0) {
      if (t.length() <= 18) {
        long v = Long.parseLong(t);
        return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
      }
      return NODES.numberNode(new BigInteger(t));
    }
    double d = Double.parseDouble(t);
    if (Double.isInfinite(d)) {
      BigDecimal big = new BigDecimal(t);
      // beyond double range; a huge exponent would make every later integer check a denial of service
      return Math.abs(big.scale()) <= 400 ? NODES.numberNode(big) : NODES.stringNode(text);
    }
    return NODES.numberNode(d);
  }

  private JsonNode word() {
    int start = pos;
    while (pos < end && isWordPart(s.charAt(pos))) {
      pos++;
    }
    if (partial && pos >= end) {
      return MISSING;
    }
    String w = s.substring(start, pos);
    Literal lit = literal(w);
    if (lit != null) {
      if (lit.kind != null) {
        log.add(lit.kind, start, w);
      }
      return lit.value;
    }
    pos = start;
    return bareText();
  }

  /** Text without quotes, up to the next delimiter on the same line: {@code {status: active}}. */
  private JsonNode bareText() {
    int start = pos;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == ',' || c == '}' || c == ']' || c == '\n' || c == '\r') {
        break;
      }
      pos++;
    }
    if (partial && pos >= end) {
      return MISSING;
    }
    String text = s.substring(start, pos).strip();
    if (text.isEmpty()) {
      throw Failure.INSTANCE;
    }
    log.add(Repair.Kind.UNQUOTED_STRING, start, text);
    return NODES.stringNode(text);
  }

  private record Literal(JsonNode value, Repair.Kind kind) {}

  private static final Literal TRUE = new Literal(NODES.booleanNode(true), null);
  private static final Literal FALSE = new Literal(NODES.booleanNode(false), null);
  private static final Literal NULL = new Literal(NODES.nullNode(), null);

  private static Literal literal(String w) {
    return switch (w) {
      case "true" -> TRUE;
      case "false" -> FALSE;
      case "null" -> NULL;
      case "True", "TRUE" -> new Literal(NODES.booleanNode(true), Repair.Kind.PYTHON_LITERAL);
      case "False", "FALSE" -> new Literal(NODES.booleanNode(false), Repair.Kind.PYTHON_LITERAL);
      case "None", "NULL", "Null", "nil" -> new Literal(NODES.nullNode(), Repair.Kind.PYTHON_LITERAL);
      case "undefined", "NaN", "Infinity" -> new Literal(NODES.nullNode(), Repair.Kind.JS_LITERAL);
      default -> null;
    };
  }

  // ---- whitespace and comments --------------------------------------------------------------------------------------

  private void skipSpaceAndComments() {
    while (pos < end) {
      char c = s.charAt(pos);
      if (isSpace(c)) {
        pos++;
      } else if (c == '/' && pos + 1 < end && s.charAt(pos + 1) == '/') {
        log.add(Repair.Kind.COMMENT, pos, "//");
        skipLine();
      } else if (c == '#') {
        log.add(Repair.Kind.COMMENT, pos, "#");
        skipLine();
      } else if (c == '/' && pos + 1 < end && s.charAt(pos + 1) == '*') {
        log.add(Repair.Kind.COMMENT, pos, "/* */");
        int close = s.indexOf("*/", pos + 2);
        pos = close < 0 || close >= end ? end : close + 2;
      } else {
        return;
      }
    }
  }

  private void skipLine() {
    while (pos < end && s.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void truncated(int at, String what) {
    log.add(Repair.Kind.TRUNCATED, at, "closed " + what);
  }

  private void checkDepth(int depth) {
    if (depth > maxDepth) {
      throw new TooLargeException("nesting deeper than " + maxDepth + " at char " + pos);
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\u00a0' || c == '\ufeff';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (c > 0x7f && Character.isLetter(c));
  }

  static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c) || c == '-';
  }
}
