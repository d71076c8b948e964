package dev.atomic.cli;

import dev.atomic.server.ServerConfig;
import dev.atomic.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the ledger that {@code atomic serve} would open: the YAML configuration, {@code ATOMIC_*} variables over it,
 * then a {@code --db} override. Administrative commands never create a ledger, so a mistyped path is an error rather
 * than a fresh, empty database.
 */
final class ConfiguredStore {

  private ConfiguredStore() {}

  /** The configuration in force, or an error message. */
  static ServerConfig settings(Path config, String db, Map<String, String> environment) {
    if (config != null && !Files.isRegularFile(config)) {
      throw new IllegalArgumentException("no configuration file at " + config.toAbsolutePath());
    }
    ServerConfig settings = ServerConfig.load(config, environment);
    return db == null ? settings : settings.withStoreUrl(db);
  }

  /** Why the configured ledger cannot be opened, if it cannot. */
  static Optional<String> missing(ServerConfig settings) {
    if (!settings.postgres() && !Files.isRegularFile(Path.of(settings.storeUrl()))) {
      return Optional.of("no ledger at " + Path.of(settings.storeUrl()).toAbsolutePath()
          + "; run 'atomic serve' first, or name one with --db or ATOMIC_DB_URL");
    }
    return Optional.empty();
  }

  static Store open(ServerConfig settings) {
    return Store.open(c -> {
      if (settings.postgres()) {
        c.postgres(settings.storeUrl(), settings.storeUser(),
            settings.storePassword() == null ? null : settings.storePassword().reveal(), settings.storeSchema());
      } else {
        c.sqlite(Path.of(settings.storeUrl()));
      }
    });
  }
}
