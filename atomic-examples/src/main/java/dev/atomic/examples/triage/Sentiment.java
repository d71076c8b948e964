package dev.atomic.examples.triage;

/** The tone of an e-mail. */
public enum Sentiment { POSITIVE, NEUTRAL, NEGATIVE }
