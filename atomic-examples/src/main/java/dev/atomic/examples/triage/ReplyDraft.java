package dev.atomic.examples.triage;

/** A reply ready for a person to send, or for the auto-reply action. */
public record ReplyDraft(String subject, String body) {}
