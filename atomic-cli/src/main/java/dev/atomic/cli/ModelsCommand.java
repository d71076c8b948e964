package dev.atomic.cli;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.config.ModelSpec;
import dev.atomic.models.config.ModelsConfig;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.BidderStats;
import dev.atomic.store.DecisionQuery;
import dev.atomic.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomic models}: the models a configuration declares, with where they run, and what the ledger has learned of
 * each (wins, success rate under feedback, spend) when it has a record of them. Nothing is loaded and no key is read.
 */
@Command(name = "models", description = "List the configured models, their profile, and their record in the ledger.")
final class ModelsCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration with a models: section")
  Path config;

  @Option(names = "--db", paramLabel = "URL", description = "a SQLite file or jdbc:postgresql: URL (overrides config)")
  String db;

  PrintStream out = System.out;
  PrintStream err = System.err;
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    ModelsConfig models;
    ServerConfig settings;
    try {
      settings = ConfiguredStore.settings(config, db, environment);
      models = ModelSetup.specs(config);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (models.models().isEmpty()) {
      out.println(config == null
          ? "No configuration given (--config FILE), so no models are configured."
          : "No models configured in " + config + "; add a models: section (see config/atomic.example.yaml).");
      return 0;
    }
    Map<String, BidderStats> stats = stats(settings);
    out.print(table(models.models(), stats));
    if (models.models().stream().noneMatch(m -> stats.containsKey(m.id()))) {
      out.println(ConfiguredStore.missing(settings).map(m -> "No ledger statistics: " + m)
          .orElse("The ledger has no decisions involving these models yet."));
    }
    return 0;
  }

  private Map<String, BidderStats> stats(ServerConfig settings) {
    if (ConfiguredStore.missing(settings).isPresent()) {
      return Map.of();
    }
    try (Store store = ConfiguredStore.open(settings)) {
      return store.ledger().bidderStats(DecisionQuery.all()).stream()
          .collect(Collectors.toMap(BidderStats::arm, Function.identity()));
    } catch (RuntimeException e) {
      err.println("cannot read the ledger's statistics: " + e.getMessage());
      return Map.of();
    }
  }

  static String table(List<ModelSpec> models, Map<String, BidderStats> stats) {
    StringBuilder text = new StringBuilder();
    String format = "%-18s %-17s %-28s %-12s %-12s %-7s %-9s %-24s %6s %-13s %11s%n";
    text.append(String.format(Locale.ROOT, format, "ID", "TYPE", "MODEL", "VENDOR", "REGION", "ON-PREM", "SOVEREIGN",
        "KINDS", "WINS", "SUCCESS", "SPEND USD"));
    for (ModelSpec model : models) {
      BidderProfile p = model.profile();
      Optional<BidderStats> s = Optional.ofNullable(stats.get(model.id()));
      text.append(String.format(Locale.ROOT, format, model.id(), model.type(), clip(model.describe(), 28),
          clip(p.vendor(), 12), clip(p.region(), 12), yesNo(p.onPremises()), yesNo(p.sovereign()),
          clip(model.kinds().isEmpty() ? "(any prompt)" : String.join(",", new TreeSet<>(model.kinds())), 24),
          s.map(b -> Long.toString(b.wins())).orElse("-"),
          s.filter(b -> b.feedbackCount() > 0)
              .map(b -> String.format(Locale.ROOT, "%.0f%% of %d", 100 * b.successRate(), b.feedbackCount()))
              .orElse("-"),
          s.map(b -> String.format(Locale.ROOT, "%.6f", b.spendUsd())).orElse("-")));
    }
    return text.toString();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }
}
