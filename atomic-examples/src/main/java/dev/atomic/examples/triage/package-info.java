/**
 * The e-mail triage example, offline on local models: detect language, spam, category and sentiment in parallel, draft
 * a reply unless it is spam, choose an action. Entry point: {@link dev.atomic.examples.triage.TriageApp}; the pipeline
 * is {@code triage/email-triage.yaml}, the sample inbox {@code triage/inbox.jsonl} (written for this project by
 * {@code atomic-examples/tools/make_inbox.py}).
 */
package dev.atomic.examples.triage;
