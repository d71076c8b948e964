package dev.atomic.cli;

import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditStore;
import dev.atomic.governance.audit.AuditVerifier;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atomic audit}: tools for the audit chain the service keeps in its ledger. */
@Command(name = "audit", description = "Inspect the audit chain kept in the ledger.",
    subcommands = {AuditCommand.Verify.class, CommandLine.HelpCommand.class})
final class AuditCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code atomic audit verify}: recomputes every hash of the chain, a page at a time (each page anchored on the last
   * hash of the one before, so memory stays flat), and names the first broken link. Exit 0 when intact, 1 when broken
   * or unreadable, 2 when the ledger cannot be found.
   */
  @Command(name = "verify", description = "Recompute the audit chain; report OK with the count, or the first broken "
      + "link (exit 1).")
  static final class Verify extends LedgerCommand {

    static final int PAGE = 10_000;

    @Override
    public Integer call() {
      try {
        return onStore(false, store -> verify(store.audit()));
      } catch (RuntimeException e) {
        // An unreadable row (a type or details edited into nonsense) is a broken chain too, not a crash.
        err.println("audit chain unreadable: " + e.getMessage());
        return 1;
      }
    }

    private int verify(AuditStore audit) {
      long first = 1;
      String anchor = AuditEntry.GENESIS;
      while (true) {
        List<AuditEntry> page = audit.read(first, first + PAGE);
        AuditVerifier.Verification result = AuditVerifier.verify(page, first, anchor);
        switch (result) {
          case AuditVerifier.Broken broken -> {
            err.printf("audit chain BROKEN at entry %d: %s%n", broken.sequence(), broken.problem());
            return 1;
          }
          case AuditVerifier.Intact intact when page.size() < PAGE -> {
            long total = first - 1 + intact.entries();
            // Rows beyond a gap as wide as a page are not in any page read; the last row shows them.
            long last = audit.last().map(AuditEntry::sequence).orElse(0L);
            if (last > total) {
              err.printf("audit chain BROKEN at entry %d: entry %d is missing: the chain ends at %d but entry %d "
                  + "exists%n", total + 1, total + 1, total, last);
              return 1;
            }
            out.printf("audit chain OK: %d entries, head hash %s%n", total, intact.headHash());
            return 0;
          }
          case AuditVerifier.Intact intact -> {
            first += PAGE;
            anchor = intact.headHash();
          }
        }
      }
    }
  }
}
