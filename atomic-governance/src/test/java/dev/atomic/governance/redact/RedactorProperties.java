package dev.atomic.governance.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.governance.classify.Classifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RedactorProperties {

  private static final List<String> SECRETS = List.of("jane@example.com", "bob.smith@mail.example.org",
      "4111 1111 1111 1111", "5500-0000-0000-0004", "DE89370400440532013000", "+33612345678", "536-22-1234",
      "AB123456C", "ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Z_]+_\\d+>");

  private final Redactor redactor = Redactor.of(Classifier.standard());

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> words = Arbitraries.of("hello", "please", "refund", "the", "order", "12", "2024-01-15", "<", ">",
        "<EMAIL_1>", "ok.", "\n");
    return Arbitraries.oneOf(words, Arbitraries.of(SECRETS)).list().ofMaxSize(25).map(l -> String.join(" ", l));
  }

  @Property(tries = 500, seed = "20261127")
  void redactThenRestore_isTheIdentity_andNoSecretSurvivesRedaction(@ForAll("documents") String text) {
    Redacted r = redactor.redact(text);
    String redacted = (String) r.value();

    for (String secret : SECRETS) {
      assertThat(redacted).doesNotContain(secret);
    }
    assertThat(r.restore(redacted)).isEqualTo(text);
  }

  @Property(tries = 500, seed = "20261128")
  void restore_anyReorderingOrRepetitionOfPlaceholders(@ForAll("documents") String text, @ForAll long seed) {
    Redacted r = redactor.redact(text);
    List<String> placeholders = new ArrayList<>(r.originals().keySet());
    SplittableRandom random = new SplittableRandom(seed);
    Collections.shuffle(placeholders, new java.util.Random(seed));
    StringBuilder output = new StringBuilder("Answer:");
    StringBuilder expected = new StringBuilder("Answer:");
    for (int i = 0; i < placeholders.size() * 2; i++) {
      String p = placeholders.get(random.nextInt(placeholders.size()));
      output.append(' ').append(p);
      expected.append(' ').append(r.originals().get(p));
    }
    assertThat(r.restore(output.toString())).isEqualTo(expected.toString());
    Matcher leftover = PLACEHOLDER.matcher(r.restore(output.toString()));
    assertThat(leftover.find()).isFalse();
  }
}
