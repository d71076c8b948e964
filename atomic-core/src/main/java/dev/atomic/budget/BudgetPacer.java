package dev.atomic.budget;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each tenant's spend within its {@link Budget}, paced over the window.
 *
 * <p>An award first {@link #reserve reserves} its expected cost; when the real cost is known the reservation is
 * {@link Reservation#settle settled}. The committed amount (reservations, replaced by real costs as they settle) never
 * exceeds the pacing allowance at the moment of reservation, and so never exceeds the limit. A real cost above its
 * reservation is recorded as it is, which can only block later reservations, never allow more.
 *
 * <p>Thread-safe. Time comes from the injected {@link InstantSource}, so pacing is tested with a fake clock.
 */
public final class BudgetPacer {

  private static final double ROUNDING_USD = 1e-12;

  private final InstantSource clock;
  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public BudgetPacer(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sets (or replaces) the budget of a tenant. */
  public void set(String tenant, Budget budget) {
    budgets.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(budget, "budget"));
  }

  /**
   * Whether {@code usd} fits in {@code availableUsd}. The tolerance absorbs rounding in sums of many small amounts; it
   * is far below any real price.
   */
  public static boolean fits(double usd, double availableUsd) {
    return usd <= availableUsd + ROUNDING_USD;
  }

  /** Whether the tenant has a budget at all; tenants without one are not limited. */
  public boolean limits(String tenant) {
    return budgets.containsKey(tenant);
  }

  /** How much the tenant may still commit right now, in USD; +Infinity without a budget. */
  public double available(String tenant) {
    Budget budget = budgets.get(tenant);
    if (budget == null) {
      return Double.POSITIVE_INFINITY;
    }
    long now = clock.millis();
    Window window = current(tenant, budget, now);
    synchronized (window) {
      return Math.max(0, budget.allowanceAt(window.fraction(now)) - window.committed);
    }
  }

  /** What the tenant has committed in its current window, in USD. */
  public double committed(String tenant) {
    Budget budget = budgets.get(tenant);
    if (budget == null) {
      return 0;
    }
    Window window = current(tenant, budget, clock.millis());
    synchronized (window) {
      return window.committed;
    }
  }

  /**
   * Reserves {@code usd} for the tenant if the paced allowance has room for it.
   *
   * @return the reservation, or {@code null} when the budget has no room now
   */
  public Reservation reserve(String tenant, double usd) {
    if (!(usd >= 0) || Double.isInfinite(usd)) {
      throw new IllegalArgumentException("a reservation must be a finite amount >= 0 USD, was " + usd);
    }
    Budget budget = budgets.get(tenant);
    if (budget == null) {
      return new Reservation(null, usd);
    }
    long now = clock.millis();
    Window window = current(tenant, budget, now);
    synchronized (window) {
      if (!fits(usd, budget.allowanceAt(window.fraction(now)) - window.committed)) {
        return null;
      }
      window.committed += usd;
      return new Reservation(window, usd);
    }
  }

  private Window current(String tenant, Budget budget, long nowMillis) {
    long length = budget.window().toMillis();
    long start = Math.floorDiv(nowMillis, length) * length;
    return windows.compute(tenant, (t, w) -> w != null && w.start == start ? w : new Window(start, length));
  }

  /** The spend of one tenant in one window. */
  private static final class Window {
    final long start;
    final long length;
    double committed;

    Window(long start, long length) {
      this.start = start;
      this.length = length;
    }

    double fraction(long nowMillis) {
      return (double) (nowMillis - start) / length;
    }
  }

  /** Money set aside for one award until its real cost is known. */
  public static final class Reservation {
    private final Window window;
    private double amount;
    private boolean settled;

    private Reservation(Window window, double amount) {
      this.window = window;
      this.amount = amount;
    }

    public double amount() {
      return amount;
    }

    /** Replaces the reserved amount by the real cost; only the first call counts. */
    public void settle(double actualUsd) {
      if (!(actualUsd >= 0) || Double.isInfinite(actualUsd)) {
        throw new IllegalArgumentException("a real cost must be a finite amount >= 0 USD, was " + actualUsd);
      }
      if (window == null) {
        synchronized (this) {
          settled = true;
        }
        return;
      }
      synchronized (window) {
        if (settled) {
          return;
        }
        window.committed += actualUsd - amount;
        amount = actualUsd;
        settled = true;
      }
    }
  }
}
