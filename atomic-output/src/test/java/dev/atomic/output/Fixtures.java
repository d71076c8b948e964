package dev.atomic.output;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Output types used across the tests: the shapes microtasks really return. */
final class Fixtures {

  private Fixtures() {}

  enum Category {
    BILLING,
    TECH_SUPPORT,
    NOT_SPAM,
    SPAM
  }

  @Description("Whether an e-mail is spam, and why")
  record SpamVerdict(
      @Description("true when the message is unsolicited") boolean spam,
      @Description("confidence in [0, 1]") double confidence,
      Category category,
      List<String> reasons) {}

  record ReplyDraft(String subject, String body, Optional<String> cc, int priority) {}

  record Ticket(String id, Category category, List<String> tags, Map<String, Integer> scores, ReplyDraft reply) {}

  sealed interface Action permits Reply, Escalate, Ignore {}

  record Reply(String text) implements Action {}

  record Escalate(String team, int severity) implements Action {}

  record Ignore() implements Action {}

  record Plan(List<Action> actions, Optional<String> note) {}
}
