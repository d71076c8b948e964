package dev.atomic.cli;

import dev.atomic.governance.audit.AuditEvent;
import dev.atomic.governance.audit.AuditLog;
import dev.atomic.store.ApiKeys;
import dev.atomic.store.Store;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code atomic tenants}: issues, lists and revokes the API keys that bind callers of the service to tenants. Works on
 * the ledger {@code atomic serve} uses (same {@code --config}, {@code ATOMIC_DB_URL}); every change is also appended to
 * the audit chain as an {@code ADMIN} entry.
 */
@Command(name = "tenants", description = "Manage tenants' API keys in the ledger.",
    subcommands = {TenantsCommand.Add.class, TenantsCommand.ListKeys.class, TenantsCommand.Revoke.class,
        CommandLine.HelpCommand.class})
final class TenantsCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** What every subcommand shares: the ledger's options and streams, and writing admin actions to the audit chain. */
  abstract static class OnLedger extends LedgerCommand {

    static void audit(Store store, String tenant, String action, String keyId) {
      AuditLog.chained(store.audit(), InstantSource.system())
          .append(AuditEvent.admin(tenant, "cli:" + System.getProperty("user.name", "unknown"), action,
              Map.of("keyId", keyId)));
    }
  }

  @Command(name = "add", description = "Issue a new API key for a tenant; the key is printed once and never again.")
  static final class Add extends OnLedger {

    @Parameters(paramLabel = "TENANT", description = "lower-case letters, digits, '.', '_' or '-'")
    String tenant;

    @Override
    public Integer call() {
      try {
        ApiKeys.requireTenant(tenant);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      }
      // A first key for a fresh deployment may create the ledger, as `atomic serve` would.
      return onStore(true, store -> {
        ApiKeys.Issued issued = store.apiKeys().issue(tenant);
        audit(store, tenant, "api-key.issued", issued.keyId());
        err.printf("Issued key %s for tenant %s. Store it now: it is shown only this once.%n", issued.keyId(), tenant);
        out.println(issued.key());
        return 0;
      });
    }
  }

  @Command(name = "list", description = "List API keys (their ids and tenants, never the keys).")
  static final class ListKeys extends OnLedger {

    @Override
    public Integer call() {
      return onStore(false, store -> {
        for (ApiKeys.KeyInfo key : store.apiKeys().list()) {
          out.printf("%-14s %-24s created %s%s%n", key.keyId(), key.tenant(), key.createdAt(),
              key.revokedAt().map(at -> ", revoked " + at).orElse(""));
        }
        return 0;
      });
    }
  }

  @Command(name = "revoke", description = "Revoke an API key by its id.")
  static final class Revoke extends OnLedger {

    @Parameters(paramLabel = "KEY_ID", description = "the key's id, as `atomic tenants list` shows it")
    String keyId;

    @Override
    public Integer call() {
      return onStore(false, store -> {
        Optional<ApiKeys.KeyInfo> key = store.apiKeys().list().stream()
            .filter(k -> k.keyId().equals(keyId) && k.revokedAt().isEmpty()).findFirst();
        if (key.isEmpty() || !store.apiKeys().revoke(keyId)) {
          err.println("no live API key has id '" + keyId + "'");
          return 1;
        }
        audit(store, key.get().tenant(), "api-key.revoked", keyId);
        out.println("revoked " + keyId + " of tenant " + key.get().tenant());
        return 0;
      });
    }
  }
}
