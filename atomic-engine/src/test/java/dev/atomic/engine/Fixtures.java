package dev.atomic.engine;

import dev.atomic.exchange.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The test world both engines run: an e-mail triage with typed steps, served by in-process {@link ScriptedBidder}s.
 * Public so that atomic-temporal's tests use the very same kinds, bidders and pipelines.
 */
public final class Fixtures {

  private Fixtures() {}

  public record Email(String from, String subject, String body, List<String> paragraphs) {}

  public record SpamVerdict(boolean spam, double score) {}

  public record SummaryRequest(String text, int maxWords) {}

  public record Summary(String text) {}

  public record ReplyRequest(String subject, String summary) {}

  public record Reply(String text) {}

  public record Tag(String label) {}

  /** Every kind the test pipelines use. */
  public static StepKinds kinds() {
    return StepKinds.builder()
        .type("Email", Email.class)
        .kind("email.spam", Email.class, SpamVerdict.class)
        .kind("text.summary", SummaryRequest.class, Summary.class)
        .kind("email.reply", ReplyRequest.class, Reply.class)
        .kind("text.tag", String.class, Tag.class)
        .kind("task.plan", Email.class, Plan.class)
        .build();
  }

  /** A bidder that serves every test kind deterministically from its input. */
  public static ScriptedBidder bidder() {
    return new ScriptedBidder("scripted", Map.of(
        "email.spam", task -> {
          Email e = (Email) task.input();
          if (e.body().contains("explode")) {
            throw new IllegalStateException("the spam model crashed on this e-mail");
          }
          boolean spam = e.subject().toLowerCase(java.util.Locale.ROOT).contains("winner");
          return new SpamVerdict(spam, spam ? 0.97 : 0.02);
        },
        "text.summary", task -> {
          SummaryRequest r = (SummaryRequest) task.input();
          String[] words = r.text().split("\\s+");
          return new Summary(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, r.maxWords()))));
        },
        "email.reply", task -> {
          ReplyRequest r = (ReplyRequest) task.input();
          return new Reply(r.subject() + ": thanks, noted (" + r.summary() + ")");
        },
        "text.tag", task -> new Tag(((String) task.input()).length() > 10 ? "long" : "short"),
        "task.plan", task -> {
          Email e = (Email) task.input();
          if (e.subject().contains("bad plan")) {
            return new Plan(List.of(
                new Plan.PlannedTask("sum", "text.summary", Map.of("text", e.body(), "maxWords", 3)),
                new Plan.PlannedTask("oops", "email.translate", e.body())));
          }
          return new Plan(List.of(
              new Plan.PlannedTask("sum", "text.summary", Map.of("text", e.body(), "maxWords", 3)),
              new Plan.PlannedTask("tag", "text.tag", e.subject())));
        }));
  }

  /** A seeded exchange with one bidder. */
  public static Exchange exchange(ScriptedBidder bidder) {
    return Exchange.builder().seed(42).bidTimeout(Duration.ofSeconds(5)).maxAttempts(1).bidder(bidder).build();
  }

  public static Email ham() {
    return new Email("ann@example.com", "Meeting on Monday", "Can we move the meeting to ten tomorrow morning please",
        List.of("Can we move the meeting", "to ten"));
  }

  public static Email spam() {
    return new Email("x@spam.example", "You are a WINNER", "Claim your prize now", List.of("Claim", "your prize now!"));
  }

  /** The text of a test pipeline on the classpath, such as {@code email-triage.yaml}. */
  public static String pipelineText(String name) {
    try (var in = Fixtures.class.getResourceAsStream("/pipelines/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test pipeline " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A test pipeline, loaded and checked. */
  public static Pipeline pipeline(String name) {
    return dev.atomic.engine.yaml.PipelineYaml.parse(name, pipelineText(name), kinds());
  }
}
