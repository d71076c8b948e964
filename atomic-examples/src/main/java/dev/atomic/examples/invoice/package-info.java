/**
 * A user's own task, end to end: extract an invoice's fields into a record with whichever LLM bids best. Entry point:
 * {@link dev.atomic.examples.invoice.InvoiceExample}.
 */
package dev.atomic.examples.invoice;
