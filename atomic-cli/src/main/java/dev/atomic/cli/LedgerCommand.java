package dev.atomic.cli;

import dev.atomic.server.ServerConfig;
import dev.atomic.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * A command that works on the ledger: the options that name it (a YAML configuration, or a database URL that
 * overrides it), the streams it writes to, and opening it. Exit 2 when the configuration is wrong or the ledger cannot
 * be found.
 */
abstract class LedgerCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration naming the ledger")
  Path config;

  @Option(names = "--db", paramLabel = "URL", description = "a SQLite file or jdbc:postgresql: URL (overrides config)")
  String db;

  PrintStream out = System.out;
  PrintStream err = System.err;
  Map<String, String> environment = System.getenv();

  /** Opens the ledger (creating a SQLite one when asked to) and runs the job on it. */
  int onStore(boolean mayCreate, Function<Store, Integer> job) {
    ServerConfig settings;
    try {
      settings = ConfiguredStore.settings(config, db, environment);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    Optional<String> missing = mayCreate ? Optional.empty() : ConfiguredStore.missing(settings);
    if (missing.isPresent()) {
      err.println(missing.get());
      return 2;
    }
    try (Store store = ConfiguredStore.open(settings)) {
      return job.apply(store);
    }
  }
}
