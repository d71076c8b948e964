package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a model (or an attacker) sends, parsing either yields a value or throws an {@link OutputException}. */
class HostileInputProperties {

  private static final StructuredOutput<Fixtures.SpamVerdict> VERDICTS = StructuredOutput.of(Fixtures.SpamVerdict.class);
  private static final StructuredOutput<Fixtures.Plan> PLANS = StructuredOutput.of(Fixtures.Plan.class);
  private static final StructuredOutput<Fixtures.Category> CATEGORIES = StructuredOutput.of(Fixtures.Category.class);

  @Property(tries = 1500, seed = "20261129")
  void parse_anyText_valueOrOutputException(@ForAll("jsonish") String text) {
    for (StructuredOutput<?> output : new StructuredOutput<?>[] {VERDICTS, PLANS, CATEGORIES}) {
      try {
        assertThat(output.parse(text).value()).isNotNull();
      } catch (OutputException expected) {
        assertThat(expected.problems()).isNotEmpty();
      }
      output.streaming().feed(text).value(); // partial parsing must not throw either
    }
  }

  @Property(tries = 500, seed = "20261130")
  void parse_anyBytes_valueOrOutputException(@ForAll byte[] bytes) {
    try {
      VERDICTS.parse(bytes);
    } catch (OutputException expected) {
      assertThat(expected.problems()).isNotEmpty();
    }
  }

  /** Text made mostly of JSON's punctuation, quotes, literals and digits: where parser bugs hide. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "'", "\\", "\\u12", "\\n", "\n", " ",
        "true", "True", "None", "null", "undefined", "NaN", "-", "+", ".", "e", "E", "0", "1", "12", "1e999999", "-.",
        "//", "/*", "*/", "#", "```", "```json\n", "spam", "SPAM", "not spam", "type", "Reply", "\"spam\"",
        "\"category\"", "\"actions\"", "\"reasons\"", "é", "\u0000", "\ud800");
    return tokens.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
