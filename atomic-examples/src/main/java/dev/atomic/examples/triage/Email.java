package dev.atomic.examples.triage;

/**
 * An incoming e-mail, the request of the triage pipeline. Mail arrives without a subject, a body or a known sender:
 * each missing part is empty rather than null, so that no step reads "null" as if the sender had written it.
 */
public record Email(String id, String from, String subject, String body) {

  public Email {
    from = from == null ? "" : from;
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
  }

  /** Subject and body, as the classifiers read them. */
  public String text() {
    return subject + "\n" + body;
  }
}
