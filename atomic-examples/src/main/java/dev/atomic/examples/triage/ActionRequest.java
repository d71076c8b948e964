package dev.atomic.examples.triage;

/** What the action step decides on. */
public record ActionRequest(Spam spam, Category category, Sentiment sentiment) {}
