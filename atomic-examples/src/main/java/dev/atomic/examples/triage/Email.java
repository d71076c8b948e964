package dev.atomic.examples.triage;

/** An incoming e-mail, the request of the triage pipeline. */
public record Email(String id, String from, String subject, String body) {

  /** Subject and body, as the classifiers read them. */
  public String text() {
    return subject + "\n" + body;
  }
}
