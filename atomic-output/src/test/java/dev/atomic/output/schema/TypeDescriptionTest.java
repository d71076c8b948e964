package dev.atomic.output.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.output.Description;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TypeDescriptionTest {

  enum Category { BILLING, TECH_SUPPORT, SPAM }

  record Reply(String subject, String body, Optional<String> cc) {}

  @Description("One triaged support ticket")
  record Ticket(@Description("ticket id, as written in the e-mail") String id, Category category, List<String> tags,
      Map<String, Integer> scores, Reply reply) {}

  sealed interface Action permits Answer, Escalate {}

  record Answer(String text) implements Action {}

  record Escalate(String team, int severity) implements Action {}

  record Plan(List<Action> actions, Optional<String> note) {}

  @Test
  void render_ticket_readableTypeScriptLikeType() {
    assertThat(TypeDescription.render(TypeSchemas.of(Ticket.class))).isEqualTo("""
        // One triaged support ticket
        {
          // ticket id, as written in the e-mail
          id: string,
          category: "BILLING" | "TECH_SUPPORT" | "SPAM",
          tags: string[],
          scores: map<string, int>,
          reply: {
            subject: string,
            body: string,
            cc?: string | null,
          },
        }""");
  }

  @Test
  void render_fewerTokensThanTheJsonSchema() {
    for (Class<?> type : List.of(Ticket.class, Plan.class)) {
      JsonNode schema = TypeSchemas.of(type);
      String compact = TypeDescription.render(schema);
      String json = TypeSchemas.embedded(schema).toString();
      double tokenRatio = (double) tokens(compact) / tokens(json);
      double charRatio = (double) compact.length() / json.length();
      System.out.printf(java.util.Locale.ROOT, "%s: compact %d tokens / %d chars, JSON Schema %d tokens / %d chars;"
          + " ratio %.2f tokens, %.2f chars%n", type.getSimpleName(), tokens(compact), compact.length(), tokens(json),
          json.length(), tokenRatio, charRatio);
      assertThat(tokenRatio).isLessThan(0.5);
    }
  }

  /** A rough token count: each word and each punctuation mark is one token, as BPE tokenizers roughly do for code. */
  static int tokens(String s) {
    Matcher m = Pattern.compile("[A-Za-z0-9_]+|[^\\sA-Za-z0-9_]").matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
