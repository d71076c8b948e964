package dev.atomic.examples.first;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.exchange.Exchange;
import dev.atomic.functions.Atomic;
import dev.atomic.functions.Instructions;
import dev.atomic.functions.Result;
import dev.atomic.functions.Task;
import dev.atomic.models.local.ComputeCost;
import dev.atomic.models.local.SentimentBidder;
import dev.atomic.models.local.VaderSentiment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A first program, written the way a user would: public API only, from a fresh class. The code between the markers is
 * the README's first example, and {@link #readme_showsThisProgram} keeps the two identical.
 */
class FirstProgramTest {

  // BEGIN README
  enum Tone { POSITIVE, NEGATIVE }

  interface Reviews {
    @Task("review.tone")
    @Instructions("Is this product review positive or negative?\n{{review}}")
    Result<Tone> tone(String review);
  }

  @Test
  void firstProgram() {
    try (Exchange exchange = Exchange.builder()
            .bidder(SentimentBidder.of("vader", "review.tone", "POSITIVE", "NEGATIVE",
                VaderSentiment.load(), ComputeCost.defaults()))
            .build();
        Atomic atomic = Atomic.builder().exchange(exchange).build()) {
      Reviews reviews = atomic.functions(Reviews.class);
      Result<Tone> tone = reviews.tone("Great battery life, I love it!");
      System.out.println(tone.value() + " from " + tone.servedBy() + " for $" + tone.costUsd());
      System.out.println(tone.decision().explain());
      tone.feedback().accept();   // the exchange learns the bidder's track record

      assertThat(tone.value()).isEqualTo(Tone.POSITIVE);
      assertThat(reviews.tone("Broke after two days. Terrible.").value()).isEqualTo(Tone.NEGATIVE);
    }
  }
  // END README

  @Test
  void readme_showsThisProgram() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/atomic/examples/first/FirstProgramTest.java"));
    String program = source.substring(source.indexOf("// BEGIN README") + "// BEGIN README".length(),
        source.indexOf("  // END README")).stripTrailing().stripIndent().strip();
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains(program);
  }
}
