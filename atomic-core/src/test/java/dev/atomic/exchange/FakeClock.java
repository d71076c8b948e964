package dev.atomic.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
final class FakeClock implements InstantSource {

  private volatile long millis;

  FakeClock(long startMillis) {
    this.millis = startMillis;
  }

  void advance(Duration d) {
    millis += d.toMillis();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }
}
