package dev.atomic.examples.triage;

/** What the reply step needs: who wrote, about what, in which language (ISO 639-3, as detected). */
public record ReplyRequest(String from, String subject, Category category, String language) {}
