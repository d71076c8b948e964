package dev.atomic.examples.triage;

import java.util.List;

/**
 * What to do with an e-mail.
 *
 * @param type {@code discard}, {@code route} (to a person's queue) or {@code auto-reply}
 * @param queue the queue for {@code route}, else empty
 * @param tags labels to put on the message
 */
public record Action(String type, String queue, List<String> tags) {

  public Action {
    tags = List.copyOf(tags);
  }
}
