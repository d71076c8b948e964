package dev.atomic.server.api;

import dev.atomic.task.Microtask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A microtask as it arrives over the wire. Only {@code kind} is required; the input may be any JSON value and is
 * handed to the winning bidder as plain Java values (maps, lists, strings, numbers).
 */
record MicrotaskRequest(
    String id,
    String kind,
    Object input,
    String tenant,
    Double maxCostUsd,
    Long latencySloMs,
    Double minQuality,
    Instant deadline,
    List<String> dataClasses) {

  /**
   * The microtask, for the tenant the request acts for (the caller's; a {@code tenant} in the body must name that same
   * one, which the route checks before).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  Microtask toMicrotask(String actingTenant) {
    if (kind == null) {
      throw ApiError.badRequest("invalid_request", "a microtask needs a 'kind', such as 'email.spam'");
    }
    Microtask.Builder b = Microtask.builder(kind);
    if (id != null) {
      if (id.isBlank() || id.length() > 200) {
        throw ApiError.badRequest("invalid_request", "'id' must be 1 to 200 characters, was '" + abbreviate(id) + "'");
      }
      b.id(id);
    }
    if (input != null) { // read straight into maps, lists, strings and numbers; JSON null reads as null
      b.input(input);
    }
    if (tenant != null && tenant.length() > 200) {
      throw ApiError.badRequest("invalid_request", "'tenant' must be at most 200 characters");
    }
    b.tenant(actingTenant);
    if (maxCostUsd != null) {
      b.maxCostUsd(maxCostUsd);
    }
    if (latencySloMs != null) {
      b.latencySlo(Duration.ofMillis(latencySloMs));
    }
    if (minQuality != null) {
      b.minQuality(minQuality);
    }
    if (deadline != null) {
      b.deadline(deadline);
    }
    if (dataClasses != null) {
      if (dataClasses.contains(null)) {
        throw ApiError.badRequest("invalid_request", "'dataClasses' must not contain null");
      }
      b.dataClasses(Set.copyOf(dataClasses));
    }
    return b.build();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
