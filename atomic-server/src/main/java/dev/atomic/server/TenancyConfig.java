package dev.atomic.server;

import dev.atomic.store.ApiKeys;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the service treats its tenants: the request rate each may send, the daily spend each may commit, and which
 * tenants opted in to share what the exchange learns. Callers are bound to tenants by API keys
 * ({@code atomic tenants add <tenant>}); this only sets limits.
 *
 * @param requireApiKeys refuse requests without a key even while no key has been issued; when false (the default) a
 *     ledger with no keys at all serves every caller as the tenant a request names, or {@code default}, as a
 *     single-tenant development service does, and the first key issued turns that off for good
 * @param requestsPerSecond the sustained rate of {@code /v1} requests a tenant may send; more get 429
 * @param burst how many requests a tenant may send at once above that rate
 * @param budgetsUsdPerDay a spend limit per tenant, USD per day (paced through the day); tenants not named have none
 * @param sharedLearning tenants that opted in to learn from one another's feedback; every other tenant learns alone
 * @param keyCacheSeconds how long the server keeps the answer for a presented API key before reading the ledger again
 *     (0 to 60): a key revoked by another process ({@code atomic tenants revoke}, another server) stops working within
 *     this time; 0 reads the ledger on every request
 */
public record TenancyConfig(
    boolean requireApiKeys,
    double requestsPerSecond, int burst, Map<String, Double> budgetsUsdPerDay, Set<String> sharedLearning,
    int keyCacheSeconds) {

  public TenancyConfig {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("tenants.requestsPerSecond must be a finite number > 0, was "
          + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("tenants.burst must be at least 1, was " + burst);
    }
    budgetsUsdPerDay = Map.copyOf(new TreeMap<>(budgetsUsdPerDay));
    budgetsUsdPerDay.forEach((tenant, usd) -> {
      ApiKeys.requireTenant(tenant);
      if (usd == null || !(usd >= 0) || usd.isInfinite()) {
        throw new IllegalArgumentException("tenants.budgetsUsdPerDay." + tenant + " must be a finite amount >= 0, was "
            + usd);
      }
    });
    sharedLearning = Set.copyOf(sharedLearning);
    sharedLearning.forEach(ApiKeys::requireTenant);
    if (keyCacheSeconds < 0 || keyCacheSeconds > 60) {
      throw new IllegalArgumentException("tenants.keyCacheSeconds must be between 0 and 60, was " + keyCacheSeconds);
    }
  }

  /**
   * Keys required once one is issued; 50 requests a second with bursts of 100 per tenant; no budgets; no sharing; a
   * key's answer kept for a second.
   */
  public static TenancyConfig defaults() {
    return new TenancyConfig(false, 50, 100, Map.of(), Set.of(), 1);
  }

  public TenancyConfig withRequiredApiKeys(boolean required) {
    return new TenancyConfig(required, requestsPerSecond, burst, budgetsUsdPerDay, sharedLearning, keyCacheSeconds);
  }

  public TenancyConfig withRate(double perSecond, int newBurst) {
    return new TenancyConfig(requireApiKeys, perSecond, newBurst, budgetsUsdPerDay, sharedLearning, keyCacheSeconds);
  }

  public TenancyConfig withBudget(String tenant, double usdPerDay) {
    Map<String, Double> budgets = new TreeMap<>(budgetsUsdPerDay);
    budgets.put(tenant, usdPerDay);
    return new TenancyConfig(requireApiKeys, requestsPerSecond, burst, budgets, sharedLearning, keyCacheSeconds);
  }

  public TenancyConfig withKeyCacheSeconds(int seconds) {
    return new TenancyConfig(requireApiKeys, requestsPerSecond, burst, budgetsUsdPerDay, sharedLearning, seconds);
  }

  public TenancyConfig withSharedLearning(Set<String> tenants) {
    return new TenancyConfig(requireApiKeys, requestsPerSecond, burst, budgetsUsdPerDay, tenants, keyCacheSeconds);
  }
}
