package dev.atomic.bench.pipeline;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.StepKinds;
import dev.atomic.engine.yaml.PipelineYaml;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's pipeline: an e-mail triage of five calls (spam check and summary in parallel, two fan-out tags, a
 * conditional reply), served by one in-process bidder that answers instantly from plain string rules. It is not a
 * model: it stands in for one so that what is measured is the engine (scheduling, JSON values, journal, auctions).
 */
final class TriageWorld {

  record Email(String subject, String body, List<String> paragraphs) {}

  record SpamVerdict(boolean spam) {}

  record SummaryRequest(String text, int maxWords) {}

  record Summary(String text) {}

  record ReplyRequest(String subject, String summary) {}

  record Reply(String text) {}

  record Tag(String label) {}

  static final String YAML = """
      pipeline: bench-triage
      request: Email
      steps:
        spam:
          kind: email.spam
          input: ${request}
          maxCostUsd: 0.01
        summary:
          kind: text.summary
          input: { text: "${request.body}", maxWords: 5 }
        tags:
          kind: text.tag
          forEach: ${request.paragraphs}
          input: ${item}
        reply:
          kind: email.reply
          when: ${!steps.spam.output.spam}
          after: [tags]
          input: { subject: "Re: ${request.subject}", summary: "${steps.summary.output.text}" }
      """;

  private TriageWorld() {}

  static StepKinds kinds() {
    return StepKinds.builder()
        .type("Email", Email.class)
        .kind("email.spam", Email.class, SpamVerdict.class)
        .kind("text.summary", SummaryRequest.class, Summary.class)
        .kind("text.tag", String.class, Tag.class)
        .kind("email.reply", ReplyRequest.class, Reply.class)
        .build();
  }

  static Pipeline pipeline() {
    return PipelineYaml.parse("bench-triage.yaml", YAML, kinds());
  }

  static Email email(int i) {
    return new Email("Meeting " + i, "Could we move the meeting " + i + " to ten tomorrow morning please",
        List.of("Could we move the meeting", "to ten tomorrow"));
  }

  /** Answers every kind at once from string rules, and counts its serve calls. */
  static final class RuleBidder implements Bidder {
    final AtomicLong serves = new AtomicLong();

    @Override
    public String id() {
      return "rules";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(Bid.of(0.9, 0.00001, Duration.ofMillis(1)));
    }

    @Override
    public Answer serve(Microtask task) {
      serves.incrementAndGet();
      Object out = switch (task.input()) {
        case Email e -> new SpamVerdict(e.subject().toLowerCase(Locale.ROOT).contains("winner"));
        case SummaryRequest r -> {
          String[] words = r.text().split(" ");
          yield new Summary(String.join(" ", List.of(words).subList(0, Math.min(words.length, r.maxWords()))));
        }
        case ReplyRequest r -> new Reply(r.subject() + ": noted");
        case String s -> new Tag(s.length() > 12 ? "long" : "short");
        default -> throw new IllegalArgumentException("unexpected input " + task.input());
      };
      return Answer.of(out, 0.00001, Duration.ofMillis(1));
    }
  }
}
