package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditType;
import dev.atomic.governance.audit.AuditVerifier;
import dev.atomic.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TenantsCommandTest {

  @TempDir
  Path dir;

  record Result(int exit, String out, String err) {}

  private Result run(TenantsCommand.OnLedger command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    command.environment = Map.of();
    int exit = new CommandLine(command).execute(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void add_printsTheKeyOnce_whichResolvesToTheTenant() {
    Path db = dir.resolve("atomic.db");

    Result added = run(new TenantsCommand.Add(), "acme", "--db", db.toString());

    assertThat(added.exit()).as(added.err()).isZero();
    String key = added.out().strip();
    assertThat(key).startsWith("atomic_");
    assertThat(added.err()).contains("shown only this once").doesNotContain(key);
    try (Store store = Store.open(c -> c.sqlite(db))) {
      assertThat(store.apiKeys().tenantOf(key)).contains("acme");
      List<AuditEntry> audit = store.audit().read(1, Long.MAX_VALUE);
      assertThat(audit).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(AuditType.ADMIN);
        assertThat(e.tenant()).isEqualTo("acme");
        assertThat(e.details()).containsEntry("action", "api-key.issued").doesNotContainValue(key);
      });
    }
    Result listed = run(new TenantsCommand.ListKeys(), "--db", db.toString());
    assertThat(listed.out()).contains("acme").doesNotContain(key);
  }

  @Test
  void revoke_thenTheKeyNoLongerResolves() {
    Path db = dir.resolve("atomic.db");
    String key = run(new TenantsCommand.Add(), "acme", "--db", db.toString()).out().strip();
    String keyId = key.split("_")[1];

    Result revoked = run(new TenantsCommand.Revoke(), keyId, "--db", db.toString());
    Result again = run(new TenantsCommand.Revoke(), keyId, "--db", db.toString());

    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(revoked.out()).contains("revoked " + keyId + " of tenant acme");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("no live API key has id '" + keyId + "'");
    try (Store store = Store.open(c -> c.sqlite(db))) {
      assertThat(store.apiKeys().tenantOf(key)).isEmpty();
      assertThat(AuditVerifier.verify(store.audit().read(1, Long.MAX_VALUE)).intact()).isTrue();
    }
  }

  @Test
  void add_badTenantName_isRejectedBeforeTouchingTheLedger() {
    Path db = dir.resolve("atomic.db");

    Result result = run(new TenantsCommand.Add(), "Not A Tenant", "--db", db.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("was 'Not A Tenant'");
    assertThat(db).doesNotExist();
  }

  @Test
  void tenants_isRegisteredUnderTheRootCommand() {
    assertThat(new CommandLine(new AtomicCommand()).getSubcommands().get("tenants").getSubcommands())
        .containsKeys("add", "list", "revoke");
  }
}
