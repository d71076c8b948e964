package dev.atomic.server.api;

import dev.atomic.server.TenancyConfig;
import dev.atomic.store.ApiKeys;
import dev.atomic.task.Microtask;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Every /v1 request names its caller with "Authorization: Bearer <key>"; the key's tenant is looked up by the key's
 * hash (the store keeps each answer for StoreConfig.apiKeyCache, a second by default, so that a request costs no read;
 * a key revoked by another process stops working within that time), then the tenant's token bucket is charged. Routes
 * ask Tenancy for the tenant and never trust one named in a body or a query. The event stream may pass the key as
 * ?access_token=, because browsers' EventSource cannot send headers; nothing else accepts it in the address.
 *
 * Until the first key is issued (and unless requireApiKeys is set) the service is open: a fresh single-tenant install,
 * a demo or a benchmark needs no key, and requests act for the tenant they name, as before tenants existed. Issuing a
 * key closes it for good: keys are never deleted, only revoked, so "some key exists" can be latched.
 */
final class Tenancy {

  private static final Logger LOG = LoggerFactory.getLogger(Tenancy.class);

  static final String STREAM = "/v1/decisions/stream";
  private static final String ATTRIBUTE = "atomic.tenant";

  private final ApiKeys keys;
  private final TenancyConfig config;
  private final InstantSource clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile boolean warnedOpen;

  Tenancy(ApiKeys keys, TenancyConfig config, InstantSource clock) {
    this.keys = keys;
    this.config = config;
    this.clock = clock;
    this.closed = config.requireApiKeys();
  }

  void register(RouteTable r) {
    r.javalin().before("/v1/*", this::admit);
  }

  /** The authenticated caller's tenant; empty while the service is open (no key issued yet). */
  static Optional<String> caller(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }

  /**
   * The tenant a request acts for: the caller's, after checking that {@code named} (from a body or a query) is that
   * same one (403 otherwise); while the service is open, the named one or the default tenant.
   */
  static String actingFor(Context ctx, String named) {
    Optional<String> caller = caller(ctx);
    if (caller.isEmpty()) {
      return named != null ? named : Microtask.DEFAULT_TENANT;
    }
    if (named != null && !named.equals(caller.get())) {
      throw new ApiError(403, "wrong_tenant", "this key belongs to tenant '" + caller.get() + "'; it cannot act for '"
          + named + "'");
    }
    return caller.get();
  }

  /** Whether the caller may see something of the given tenant: its own, or anything while the service is open. */
  static boolean maySee(Context ctx, String tenant) {
    return caller(ctx).map(tenant::equals).orElse(true);
  }

  private void admit(Context ctx) {
    try {
      authenticate(ctx);
    } catch (ApiError refused) {
      // The refused request's body is never read; closing the connection spares the next request on it (and a
      // stopping server) from waiting on those unread bytes.
      ctx.header("Connection", "close");
      throw refused;
    }
  }

  private void authenticate(Context ctx) {
    String key = bearer(ctx);
    if (key == null && STREAM.equals(ctx.path())) {
      key = ctx.queryParam("access_token");
    }
    if (key == null) {
      if (isOpen()) {
        return;
      }
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, "unauthenticated", "send 'Authorization: Bearer <key>'; keys are issued with "
          + "'atomic tenants add <tenant>'");
    }
    String tenant = keys.tenantOf(key).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return new ApiError(401, "invalid_key", "the API key is unknown or revoked");
    });
    closed = true;
    long waitMillis = buckets.computeIfAbsent(tenant,
        t -> new TokenBucket(config.requestsPerSecond(), config.burst(), clock)).tryTake();
    if (waitMillis > 0) {
      ctx.header("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
      throw new ApiError(429, "rate_limited", "tenant '" + tenant + "' sent more than " + config.requestsPerSecond()
          + " requests a second (bursts of " + config.burst() + "); retry in " + waitMillis + " ms");
    }
    ctx.attribute(ATTRIBUTE, tenant);
  }

  /** Open while no key was ever issued and keys are not required; checked until the first key appears. */
  private boolean isOpen() {
    if (closed) {
      return false;
    }
    if (keys.anyIssued()) {
      closed = true;
      return false;
    }
    if (!warnedOpen) {
      warnedOpen = true;
      LOG.warn("no API key has been issued, so /v1 is open to every caller as the tenant it names; issue one with "
          + "'atomic tenants add <tenant>' (or set tenants.requireApiKeys) to require keys");
    }
    return true;
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String key = header.substring(7).strip();
    return key.isEmpty() ? null : key;
  }
}
