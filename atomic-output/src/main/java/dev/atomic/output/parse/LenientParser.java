package dev.atomic.output.parse;

import dev.atomic.output.OutputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Finds the JSON values in a model's output: the whole output when it is one value, the contents of markdown code
 * fences, values embedded in prose, and finally the whole output as text (for string and enum schemas). Each value is
 * read by a lenient parser that repairs what models get wrong and logs every repair.
 *
 * <p>Linear and bounded: the output is refused above {@link ParseLimits#maxChars()}, nesting above
 * {@link ParseLimits#maxDepth()}, and the work spent on false starts in prose is capped at a multiple of the length.
 * Thread-safe and stateless.
 */
public final class LenientParser {

  private static final String FENCE = "```";

  private final ParseLimits limits;

  public LenientParser(ParseLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public ParseLimits limits() {
    return limits;
  }

  /** Decodes raw bytes as UTF-8 (replacing invalid sequences, with a repair) and extracts their values. */
  public Extraction extract(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length > (long) limits.maxChars() * 4) {
      throw tooLarge(raw.length + " bytes", "");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
      return extract(text, List.of());
    } catch (CharacterCodingException e) {
      String text = new String(raw, StandardCharsets.UTF_8);
      return extract(text, List.of(new Repair(Repair.Kind.INVALID_UTF8, "$", -1, "invalid bytes replaced by U+FFFD")));
    }
  }

  /**
   * Extracts every value from the output, best source first.
   *
   * @throws OutputException with reason {@code TOO_LARGE} when the output breaks a limit
   */
  public Extraction extract(String text) {
    return extract(Objects.requireNonNull(text, "text"), List.of());
  }

  /**
   * The part of a still-streaming output that is complete: the first object or array, closed where the text stops, with
   * only the scalars that have ended (a string whose closing quote has arrived, a number followed by a delimiter).
   * Empty until an object or array has begun.
   *
   * @throws OutputException with reason {@code TOO_LARGE} when the text breaks a limit
   */
  public Optional<tools.jackson.databind.JsonNode> partial(CharSequence streamed) {
    String text = streamed.toString();
    if (text.length() > limits.maxChars()) {
      throw tooLarge(text.length() + " characters", "");
    }
    int start = 0;
    while (start < text.length() && text.charAt(start) != '{' && text.charAt(start) != '[') {
      start++;
    }
    if (start == text.length()) {
      return Optional.empty();
    }
    try {
      ValueParser.Result r = ValueParser.parse(text, start, text.length(), limits.maxDepth(), true, new RepairLog());
      return Optional.ofNullable(r.value());
    } catch (TooLargeException e) {
      throw tooLarge(e.getMessage(), "");
    }
  }

  private Extraction extract(String text, List<Repair> inputRepairs) {
    if (text.length() > limits.maxChars()) {
      throw tooLarge(text.length() + " characters", text);
    }
    try {
      return new Extraction(text, candidates(text), inputRepairs);
    } catch (TooLargeException e) {
      throw tooLarge(e.getMessage(), text);
    }
  }

  private List<Candidate> candidates(String text) {
    List<Candidate> found = new ArrayList<>();
    int from = 0;
    int to = text.length();
    while (from < to && ValueParser.isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && ValueParser.isSpace(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return found;
    }
    // 1. The whole output is one value: the common, well-behaved case, and the fastest.
    RepairLog whole = new RepairLog();
    ValueParser.Result r = ValueParser.parse(text, from, to, limits.maxDepth(), whole);
    boolean bareWord = ValueParser.isWordStart(text.charAt(from)) && r.value() != null && r.value().isString();
    if (r.value() != null && r.end() == to && !bareWord) {
      found.add(new Candidate(r.value(), Candidate.Source.WHOLE, from, to, whole.repairs()));
      return found;
    }
    // 2. Fenced blocks, then the prose around them.
    Budget budget = new Budget(4L * text.length() + 4096);
    List<int[]> prose = new ArrayList<>();
    int at = from;
    while (at < to) {
      int open = text.indexOf(FENCE, at);
      if (open < 0 || open >= to) {
        prose.add(new int[] {at, to});
        break;
      }
      prose.add(new int[] {at, open});
      int lineEnd = text.indexOf('\n', open + FENCE.length());
      int contentStart = lineEnd < 0 || lineEnd >= to ? to : lineEnd + 1;
      int close = text.indexOf(FENCE, contentStart);
      int contentEnd = close < 0 || close >= to ? to : close;
      scan(text, contentStart, contentEnd, Candidate.Source.FENCE, found, budget);
      at = close < 0 || close >= to ? to : close + FENCE.length();
    }
    for (int[] span : prose) {
      scan(text, span[0], span[1], Candidate.Source.PROSE, found, budget);
    }
    // 3. The output as text, for string and enum schemas ("Spam.", "I'd say billing").
    found.add(new Candidate(JsonNodeFactory.instance.stringNode(text.substring(from, to)), Candidate.Source.TEXT,
        from, to, List.of()));
    return found;
  }

  /** Reads every value that starts with a bracket in {@code [from, to)}, skipping what each one consumed. */
  private void scan(String text, int from, int to, Candidate.Source source, List<Candidate> found, Budget budget) {
    int i = from;
    while (i < to && found.size() < limits.maxCandidates()) {
      char c = text.charAt(i);
      if (c != '{' && c != '[') {
        i++;
        continue;
      }
      RepairLog log = new RepairLog();
      ValueParser.Result r = ValueParser.parse(text, i, to, limits.maxDepth(), log);
      if (r.value() != null) {
        found.add(new Candidate(r.value(), source, i, r.end(), log.repairs()));
        i = r.end();
      } else if (!budget.spend(r.end() - i)) {
        return; // so many false starts that going on could turn quadratic: what was found is all there is
      } else {
        i++;
      }
    }
  }

  private OutputException tooLarge(String what, String raw) {
    return OutputException.of(OutputException.Reason.TOO_LARGE, "$",
        "at most " + limits.maxChars() + " characters nested at most " + limits.maxDepth() + " deep", what, raw);
  }

  /** Work allowed for false starts, in characters read. */
  private static final class Budget {
    private long left;

    Budget(long left) {
      this.left = left;
    }

    boolean spend(int chars) {
      left -= Math.max(chars, 1);
      return left >= 0;
    }
  }
}
