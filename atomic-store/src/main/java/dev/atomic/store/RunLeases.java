package dev.atomic.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which server runs which pipeline run, so that runs interrupted by a crash or a stop are resumed by exactly one server
 * on the database. A server claims each run it starts or resumes, renews its leases while it lives, and releases them
 * when it stops; a run still marked running whose lease lapsed or was released is claimable.
 */
public interface RunLeases {

  /**
   * Takes the run for {@code owner} until {@code until}, if it is running and nobody else holds a live lease on it.
   * Returns once committed.
   *
   * @return whether {@code owner} now holds the lease
   */
  boolean claim(String runId, String owner, Instant until);

  /** Extends every lease {@code owner} holds on a running run to {@code until}; returns once committed. */
  void renew(String owner, Instant until);

  /** Gives up every lease {@code owner} holds, so another server may claim the runs at once; returns once committed. */
  void release(String owner);

  /**
   * Runs of the given pipelines still marked running whose lease lapsed before {@code now} or was released, oldest
   * first, at most {@code limit}. A server asks only for the pipelines it has: servers sharing a ledger need not serve
   * the same ones, and a run is left for one that can resume it.
   */
  List<String> claimable(Instant now, Set<String> pipelines, int limit);
}
