package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PartialParserTest {

  private static final String RESPONSE = "Here you go:\n```json\n{\"id\": \"T-42\", \"category\": \"BILLING\", "
      + "\"tags\": [\"refund\", \"invoice\"], \"scores\": {\"urgency\": 80}, "
      + "\"reply\": {\"subject\": \"Your refund\", \"body\": \"It is on its way.\", \"priority\": 2}}\n```";

  @Test
  void feed_charByChar_onlyCompletedScalarsEverAppear() {
    StructuredOutput<Fixtures.Ticket> output = StructuredOutput.of(Fixtures.Ticket.class);
    PartialParser<Fixtures.Ticket> stream = output.streaming();
    Fixtures.Ticket last = null;
    List<Fixtures.Ticket> snapshots = new ArrayList<>();
    for (int i = 0; i < RESPONSE.length(); i++) {
      stream.feed(RESPONSE.substring(i, i + 1));
      Optional<JsonNode> json = stream.json();
      json.ifPresent(PartialParserTest::assertOnlyFinalValues);
      Optional<Fixtures.Ticket> value = stream.value();
      if (value.isPresent() && !value.get().equals(last)) {
        last = value.get();
        snapshots.add(last);
      }
    }
    Fixtures.Ticket full = stream.finish().value();
    assertThat(full.id()).isEqualTo("T-42");
    assertThat(snapshots.getLast()).isEqualTo(full);
    assertThat(snapshots.getFirst().id()).isNull(); // an empty object came first, with nulls for what was missing
    assertThat(snapshots).extracting(Fixtures.Ticket::id).filteredOn(id -> id != null).allMatch("T-42"::equals);
  }

  /** Every string and number in a snapshot has its final value: none is a half-read prefix. */
  private static void assertOnlyFinalValues(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        assertThat(List.of("id", "category", "tags", "scores", "reply", "urgency", "subject", "body", "priority"))
            .contains(e.getKey());
        assertOnlyFinalValues(e.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(PartialParserTest::assertOnlyFinalValues);
    } else if (node.isString()) {
      assertThat(node.stringValue()).isIn("T-42", "BILLING", "refund", "invoice", "Your refund", "It is on its way.");
    } else {
      assertThat(node.asString()).isIn("80", "2");
    }
  }
}
