/**
 * Redaction: replaces detected values with placeholders ({@code <EMAIL_1>}, {@code <CARD_1>}) before a permitted
 * external call and puts them back in the answer. The entry point is
 * {@link dev.atomic.governance.redact.RedactingBidder}; {@link dev.atomic.governance.redact.Redactor} does the work
 * for any input.
 */
package dev.atomic.governance.redact;
