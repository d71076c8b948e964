package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunLeasesTest extends StoreFixture {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static final Set<String> TRIAGE = Set.of("triage");

  private void run(String id, String status) throws Exception {
    store.record(new RunEntry(id, null, "triage", "default", status, T0)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void claim_onlyOneServerHoldsARun_untilItsLeaseLapsesOrIsReleased() throws Exception {
    run("r1", "running");
    Instant now = Instant.now();
    Instant live = now.plus(Duration.ofMinutes(5));

    assertThat(store.runLeases().claim("r1", "server-a", live)).isTrue();
    assertThat(store.runLeases().claim("r1", "server-b", live)).as("a's lease is live").isFalse();
    assertThat(store.runLeases().claim("r1", "server-a", live)).as("its owner may claim again").isTrue();
    assertThat(store.runLeases().claimable(now, TRIAGE, 10)).isEmpty();

    store.runLeases().release("server-a");
    assertThat(store.runLeases().claimable(now, TRIAGE, 10)).containsExactly("r1");
    assertThat(store.runLeases().claim("r1", "server-b", now.minusSeconds(1))).isTrue();
    // b's lease has already lapsed: a crash of b leaves the run to the next server that looks.
    assertThat(store.runLeases().claimable(now, TRIAGE, 10)).containsExactly("r1");
    assertThat(store.runLeases().claim("r1", "server-c", live)).isTrue();
  }

  @Test
  void renew_keepsTheLeasesOfItsOwnerOnly_andFinishedRunsAreNeverClaimable() throws Exception {
    run("r1", "running");
    run("r2", "running");
    run("done", "succeeded");
    Instant now = Instant.now();
    store.runLeases().claim("r1", "server-a", now.minusSeconds(1));
    store.runLeases().claim("r2", "server-b", now.minusSeconds(1));

    store.runLeases().renew("server-a", now.plus(Duration.ofMinutes(5)));

    assertThat(store.runLeases().claimable(now, TRIAGE, 10)).containsExactly("r2");
    assertThat(store.runLeases().claim("done", "server-a", now.plusSeconds(60))).isFalse();
    assertThat(store.runLeases().claim("unknown", "server-a", now.plusSeconds(60))).isFalse();
    assertThatThrownBy(() -> store.runLeases().claimable(now, TRIAGE, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> store.runLeases().claim("r1", " ", now)).hasMessageContaining("lease owner");
  }

  @Test
  void claimable_onlyRunsOfTheAskedPipelines() throws Exception {
    run("r1", "running");
    store.record(new RunEntry("r2", null, "invoices", "default", "running", T0)).get(10, TimeUnit.SECONDS);
    Instant now = Instant.now();

    assertThat(store.runLeases().claimable(now, Set.of("invoices"), 10)).containsExactly("r2");
    assertThat(store.runLeases().claimable(now, Set.of("triage", "invoices"), 10)).containsExactly("r1", "r2");
    assertThat(store.runLeases().claimable(now, Set.of(), 10)).isEmpty();
  }
}
