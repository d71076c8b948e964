package dev.atomic.engine.embedded;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.ScriptedBidder;
import dev.atomic.engine.journal.FileJournal;
import dev.atomic.exchange.Exchange;
import java.nio.file.Path;

/**
 * Run as its own JVM by {@link EmbeddedEngineProcessTest}: starts the triage run on a file journal, says {@code HELD}
 * once the reply is being served, and waits there to be killed.
 */
public final class CrashingProcess {

  private CrashingProcess() {}

  public static void main(String[] args) throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    bidder.hold("email.reply");
    Exchange exchange = Fixtures.exchange(bidder);
    EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(FileJournal.in(Path.of(args[0]))));
    engine.start(Fixtures.pipeline("email-triage.yaml"), Fixtures.ham(), args[1]);
    bidder.awaitHeld();
    System.out.println("HELD");
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
