package dev.atomic.bench.pipeline;

import dev.atomic.examples.triage.Email;
import dev.atomic.examples.triage.Inbox;
import java.util.List;

/**
 * An endless stream of e-mails: the sample inbox over and over, each message with an id of its own (so every run is a
 * new run) but the text of the inbox message it copies, whose true labels it keeps.
 */
final class EmailStream {

  private final List<Inbox.Message> inbox;

  EmailStream(List<Inbox.Message> inbox) {
    if (inbox.isEmpty()) {
      throw new IllegalArgumentException("the inbox is empty");
    }
    this.inbox = List.copyOf(inbox);
  }

  int inboxSize() {
    return inbox.size();
  }

  /** The {@code n}th message of the stream, with an id unique to {@code n}. */
  Inbox.Message message(long n) {
    Inbox.Message m = inbox.get((int) (n % inbox.size()));
    Email e = m.email();
    return new Inbox.Message(new Email(e.id() + "-" + n, e.from(), e.subject(), e.body()), m.spam(), m.category(),
        m.language(), m.feedback());
  }
}
