package dev.atomic.examples.triage;

/** What an e-mail is about, which decides the queue it goes to. */
public enum Category { BILLING, TECHNICAL, ACCOUNT, SALES, OTHER }
