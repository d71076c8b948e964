/**
 * Finds what kind of data a microtask carries: e-mail addresses, phone numbers, payment cards, IBANs, national
 * identifiers and secrets. The entry point is {@link dev.atomic.governance.classify.Classifier}: {@code
 * Classifier.standard().classify(task)} returns the task with the detected data classes added, so that data policies
 * act on what the input really contains.
 *
 * <p>Every detector runs in time linear in the input: they are hand-written scanners, or regular expressions of bounded
 * width without nested quantifiers, so hostile input cannot make them backtrack.
 */
package dev.atomic.governance.classify;
