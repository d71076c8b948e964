/**
 * Robustness of the whole service: a loopback load driver ({@link dev.atomic.robustness.ApiLoad}, the entry point,
 * shared by the {@code load} benchmark and this module's tests), with the fuzz and fault-injection suites beside it
 * in the tests.
 */
package dev.atomic.robustness;
