package dev.atomic.exchange;

import java.util.Objects;
import java.util.Set;

/**
 * Whose track record a tenant's awards read and teach. By default every tenant learns alone: what one tenant's
 * feedback teaches never steers another's awards. Tenants that opt in share one track record.
 */
@FunctionalInterface
public interface LearningScopes {

  /** The scope tenants share when they opt in; no tenant id can be this (tenants are not parenthesised). */
  String SHARED = "(shared)";

  /** The scope whose estimates the tenant's awards use and update. */
  String scopeOf(String tenant);

  /** Every tenant learns alone. */
  static LearningScopes isolated() {
    return tenant -> tenant;
  }

  /** The given tenants, which opted in, share one track record; every other tenant learns alone. */
  static LearningScopes sharedAmong(Set<String> optedIn) {
    Set<String> sharing = Set.copyOf(Objects.requireNonNull(optedIn, "optedIn"));
    return tenant -> sharing.contains(tenant) ? SHARED : tenant;
  }
}
