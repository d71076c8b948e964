package dev.atomic.models.local;

import java.time.Duration;

/**
 * What a local model costs: the compute time it uses, priced per CPU-millisecond, and the latency measured on its past
 * calls. Local bidders bid {@link #expectedUsd()} and {@link #expectedLatency()} and charge {@link #charge(long)}.
 *
 * <p>Time is measured as the wall-clock time of the call on one thread, a fair proxy for CPU time for in-process models
 * that run single-threaded and do not wait on I/O. Thread-safe.
 */
public final class ComputeCost {

  /** About what one vCPU costs on a public cloud: 0.04 USD an hour. */
  public static final double DEFAULT_USD_PER_CPU_MS = 0.04 / 3_600_000.0;

  /** Weight of the newest call in the moving average of latency. */
  private static final double SMOOTHING = 0.05;

  private final double usdPerCpuMs;
  private double averageMs;

  private ComputeCost(double usdPerCpuMs, double initialMs) {
    this.usdPerCpuMs = usdPerCpuMs;
    this.averageMs = initialMs;
  }

  /**
   * A meter that prices compute at {@code usdPerCpuMs} and expects {@code initialMs} per call until it has measured.
   */
  public static ComputeCost of(double usdPerCpuMs, double initialMs) {
    if (!(usdPerCpuMs >= 0) || Double.isInfinite(usdPerCpuMs)) {
      throw new IllegalArgumentException("usdPerCpuMs must be a finite amount >= 0, was " + usdPerCpuMs);
    }
    if (!(initialMs >= 0) || Double.isInfinite(initialMs)) {
      throw new IllegalArgumentException("initialMs must be a finite number >= 0, was " + initialMs);
    }
    return new ComputeCost(usdPerCpuMs, initialMs);
  }

  /** A meter at the default price, expecting one millisecond per call at first. */
  public static ComputeCost defaults() {
    return of(DEFAULT_USD_PER_CPU_MS, 1.0);
  }

  public double usdPerCpuMs() {
    return usdPerCpuMs;
  }

  public synchronized double expectedMs() {
    return averageMs;
  }

  public double expectedUsd() {
    return expectedMs() * usdPerCpuMs;
  }

  public Duration expectedLatency() {
    return Duration.ofNanos((long) (expectedMs() * 1e6));
  }

  /** Records a call that took {@code nanos} and returns what it cost in USD. */
  public double charge(long nanos) {
    double ms = Math.max(nanos, 0) / 1e6;
    synchronized (this) {
      averageMs += SMOOTHING * (ms - averageMs);
    }
    return ms * usdPerCpuMs;
  }
}
