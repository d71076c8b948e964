package dev.atomic.examples.triage;

/** Whether an e-mail is unsolicited bulk mail. */
public enum Spam { SPAM, HAM }
