package dev.atomic.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * A tenant's spend limit: at most {@code limitUsd} in each window of length {@code window}.
 *
 * <p>Spend is paced: at a fraction f of the way through a window at most {@code limitUsd * (burst + (1 - burst) * f)} may
 * have been committed, so a burst at the start of a window cannot exhaust it.
 *
 * @param limitUsd the most that may be committed in one window, in USD
 * @param window the length of a window; windows are aligned to the epoch
 * @param burst the share of the limit available at the very start of a window, in (0, 1]
 */
public record Budget(double limitUsd, Duration window, double burst) {

  public Budget {
    if (!(limitUsd >= 0) || Double.isInfinite(limitUsd)) {
      throw new IllegalArgumentException("budget limit must be a finite amount >= 0 USD, was " + limitUsd);
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("budget window must be positive, was " + window);
    }
    if (!(burst > 0 && burst <= 1)) {
      throw new IllegalArgumentException("budget burst must be in (0, 1], was " + burst);
    }
  }

  /** A budget that allows a tenth of the limit at once and the rest evenly over the window. */
  public static Budget of(double limitUsd, Duration window) {
    return new Budget(limitUsd, window, 0.1);
  }

  /** How much may have been committed at the given fraction of the window, in USD. */
  public double allowanceAt(double fractionOfWindow) {
    double f = Math.clamp(fractionOfWindow, 0.0, 1.0);
    return limitUsd * (burst + (1 - burst) * f);
  }
}
