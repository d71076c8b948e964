package dev.atomic.output.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.output.OutputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LenientParserTest {

  private final LenientParser parser = new LenientParser(ParseLimits.DEFAULT);

  @Test
  void extract_wholeValue_isTheOnlyCandidate() {
    Extraction ex = parser.extract("  {\"a\": [1, 2.5, \"x\", true, null]}\n");
    assertThat(ex.candidates()).hasSize(1);
    assertThat(ex.candidates().getFirst().source()).isEqualTo(Candidate.Source.WHOLE);
    assertThat(ex.candidates().getFirst().value().toString()).isEqualTo("{\"a\":[1,2.5,\"x\",true,null]}");
    assertThat(ex.candidates().getFirst().repairs()).isEmpty();
  }

  @Test
  void extract_tenMegabytesOfBrackets_refusedAsTooLarge() {
    String hostile = "[".repeat(10_000_000);
    assertThatThrownBy(() -> parser.extract(hostile))
        .isInstanceOfSatisfying(OutputException.class, e -> {
          assertThat(e.reason()).isEqualTo(OutputException.Reason.TOO_LARGE);
          assertThat(e.found()).isEqualTo("10000000 characters");
        });
  }

  @Test
  void extract_deepNestingWithinTheSizeLimit_refusedAsTooLarge() {
    LenientParser roomy = new LenientParser(new ParseLimits(20_000_000, 128, 16));
    assertThatThrownBy(() -> roomy.extract("[".repeat(10_000_000)))
        .isInstanceOfSatisfying(OutputException.class, e -> {
          assertThat(e.reason()).isEqualTo(OutputException.Reason.TOO_LARGE);
          assertThat(e.found()).startsWith("nesting deeper than 128");
        });
    assertThatThrownBy(() -> roomy.extract("{\"a\":".repeat(1_000_000)))
        .isInstanceOf(OutputException.class);
  }

  @Test
  void extract_falseStartsThatEachReadToTheEnd_stopAfterABoundedAmountOfWork() {
    // every "{" inside the strings starts a parse that reads to the final '@' before failing: without the work budget
    // this is 100,000 parses of up to a megabyte each
    String hostile = "{" + "\"k\": \"{\", \"n\": 1, ".repeat(50_000) + "@}";
    Extraction ex = parser.extract(hostile);
    assertThat(ex.candidates()).extracting(Candidate::source).containsExactly(Candidate.Source.TEXT);
  }

  @Test
  void extract_truncatedObjectAtTheEndOfProse_foundAndClosed() {
    Extraction ex = parser.extract("{a ".repeat(1000));
    assertThat(ex.candidates()).extracting(c -> c.source() + " " + c.value()).first().isEqualTo("PROSE {}");
  }

  @Test
  void extract_invalidUtf8_replacedAndReported() {
    byte[] raw = "{\"name\": \"caf?\"}".getBytes(StandardCharsets.UTF_8);
    raw[13] = (byte) 0xC3; // a lead byte with no continuation
    Extraction ex = parser.extract(raw);
    assertThat(ex.inputRepairs()).extracting(Repair::kind).containsExactly(Repair.Kind.INVALID_UTF8);
    assertThat(ex.candidates().getFirst().value().get("name").stringValue()).isEqualTo("caf\ufffd");
  }

  @Test
  void extract_severalValuesInProse_allFoundInOrder() {
    Extraction ex = parser.extract("first {\"a\": 1} then [2] and ```json\n{\"b\": 2}\n``` done");
    assertThat(ex.candidates()).extracting(c -> c.source() + " " + c.value())
        .containsExactly("FENCE {\"b\":2}", "PROSE {\"a\":1}", "PROSE [2]",
            "TEXT \"first {\\\"a\\\": 1} then [2] and ```json\\n{\\\"b\\\": 2}\\n``` done\"");
  }

  @Test
  void extract_repairs_carryPathAndOffset() {
    Extraction ex = parser.extract("{\"a\": {\"b\": [1, 2,]}}");
    Repair r = ex.candidates().getFirst().repairs().getFirst();
    assertThat(r.kind()).isEqualTo(Repair.Kind.TRAILING_COMMA);
    assertThat(r.path()).isEqualTo("$.a.b");
    assertThat(r.offset()).isEqualTo(17);
  }

  @Test
  void extract_hugeExponent_keptAsTextNotComputed() {
    Extraction ex = parser.extract("{\"n\": 1e999999999}");
    assertThat(ex.candidates().getFirst().value().get("n").isString()).isTrue();
  }

  @Test
  void partial_unfinishedScalars_leftOut() {
    assertThat(parser.partial("Sure: {\"a\": \"hel").orElseThrow().toString()).isEqualTo("{}");
    assertThat(parser.partial("{\"a\": \"hello\", \"n\": 12").orElseThrow().toString()).isEqualTo("{\"a\":\"hello\"}");
    assertThat(parser.partial("{\"a\": \"hello\", \"n\": 12,").orElseThrow().toString())
        .isEqualTo("{\"a\":\"hello\",\"n\":12}");
    assertThat(parser.partial("{\"a\": [tr").orElseThrow().toString()).isEqualTo("{\"a\":[]}");
    assertThat(parser.partial("no value yet")).isEmpty();
  }
}
