package dev.atomic.robustness;

import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.journal.FileJournal;
import dev.atomic.exchange.Exchange;
import java.nio.file.Path;

/**
 * Run as its own JVM by {@link ProcessKillTest}: starts {@code runs} runs of the two-step pipeline on a file journal,
 * with every second step held in flight; says {@code HELD} once all are, then waits to be killed.
 *
 * <p>Arguments: the journal folder, the payments file, the number of runs.
 */
public final class KilledEngineProcess {

  private KilledEngineProcess() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[2]);
    PayingBidder bidder = new PayingBidder(Path.of(args[1]), "second", runs);
    Exchange exchange = Exchange.builder().seed(1).bidder(bidder).build();
    EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(FileJournal.in(Path.of(args[0]))));
    for (int i = 0; i < runs; i++) {
      engine.start(ApiLoad.pipeline(), new ApiLoad.Doc("invoice " + i), "run-" + i);
    }
    bidder.held.await();
    System.out.println("HELD");
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
