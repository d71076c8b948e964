package dev.atomic.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditStore;
import dev.atomic.governance.audit.AuditType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/*
 * The audit chain's rows. Appends bypass the batch writer on purpose: the chained log reads the last entry and appends
 * the next one under its own lock, so each append must be committed before it returns, and the primary key on the
 * sequence makes a second writer (another process on the same database) fail instead of forking the chain.
 *
 * On SQLite an append commits with synchronous=NORMAL instead of the ledger's FULL: in WAL mode that commit survives a
 * crash of the process at once, and a power loss from the ledger writer's next FULL commit on (which syncs the whole
 * WAL, this row included). Syncing every append instead cost about 4.4 ms each here, and appends are serialised, which
 * capped an audited service near 110 awards a second. A power loss can lose only the newest entries, never reorder
 * them, so the chain stays verifiable.
 */
final class JdbcAuditStore implements AuditStore {

  private static final String COLUMNS = "sequence, at_epoch_ms, tenant, type, actor, details, previous_hash, hash";

  private final DataSource dataSource;

  JdbcAuditStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<AuditEntry> last() {
    List<AuditEntry> last = Sql.query(dataSource, "the last audit entry",
        "SELECT " + COLUMNS + " FROM audit_entry ORDER BY sequence DESC LIMIT 1", List.of(), JdbcAuditStore::entry);
    return last.stream().findFirst();
  }

  @Override
  public void append(AuditEntry entry) {
    appendAll(List.of(Objects.requireNonNull(entry, "entry")));
  }

  /** Stores the entries in one transaction: all of them, or none. */
  @Override
  public void appendAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long first = entries.getFirst().sequence();
    try (Connection connection = dataSource.getConnection()) {
      boolean sqlite = "SQLite".equals(connection.getMetaData().getDatabaseProductName());
      if (sqlite) {
        pragma(connection, "PRAGMA synchronous = NORMAL");
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (var statement = connection.prepareStatement(
          "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (AuditEntry entry : entries) {
          String details = Json.write("the details of audit entry " + entry.sequence(), entry.details());
          Sql.bind(statement, List.of(entry.sequence(), entry.time(), entry.tenant(), entry.type().name(),
              entry.actor(), details, entry.previousHash(), entry.hash()));
          statement.addBatch();
        }
        statement.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
        if (sqlite) {
          // The connection goes back to the pool, where the ledger writer may take it: restore its durability.
          pragma(connection, "PRAGMA synchronous = FULL");
        }
      }
    } catch (SQLException e) {
      String which = entries.size() == 1 ? "entry " + first : "entries " + first + " to " + entries.getLast().sequence();
      throw new StoreException("could not append audit " + which + " (a sequence or hash may be taken already by "
          + "another writer): " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuditEntry> read(long from, long to) {
    return Sql.query(dataSource, "audit entries [" + from + ", " + to + ")",
        "SELECT " + COLUMNS + " FROM audit_entry WHERE sequence >= ? AND sequence < ? ORDER BY sequence",
        List.of(from, to), JdbcAuditStore::entry);
  }

  private static void pragma(Connection connection, String pragma) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(pragma);
    }
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    long sequence = rs.getLong("sequence");
    String type = rs.getString("type");
    AuditType auditType;
    try {
      auditType = AuditType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new StoreException("audit entry " + sequence + " has an unknown type '" + type + "'", e);
    }
    return new AuditEntry(sequence, Sql.instant(rs, "at_epoch_ms"), rs.getString("tenant"), auditType,
        rs.getString("actor"), details(sequence, rs.getString("details")), rs.getString("previous_hash"),
        rs.getString("hash"));
  }

  private static Map<String, String> details(long sequence, String json) {
    JsonNode node = Json.parse("the details of audit entry " + sequence, json);
    if (!node.isObject()) {
      throw new StoreException("the details of audit entry " + sequence + " are not a JSON object: "
          + Json.excerpt(json));
    }
    Map<String, String> details = new LinkedHashMap<>();
    node.properties().forEach(field -> details.put(field.getKey(), field.getValue().asText()));
    return details;
  }
}
