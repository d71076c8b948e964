package dev.atomic.cli;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.policy.Policy;
import dev.atomic.server.ServerConfig;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomic demo --simulated}: an exchange with four in-process demo bidders whose true success rates are known to the demo
 * (not to the exchange). It shows one auction explained, then learns from feedback over a stream of microtasks, and
 * shows how the exchange discounted the bidder that overstates its quality and moved routine work to the cheap one.
 *
 * <p>The bidders are simulations with declared success rates, named as such; no real model is called here.
 */
@Command(name = "demo", description = "Start the service, triage the sample inbox through its API on local models, "
    + "and show how the exchange decided and learned; the dashboard stays up until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--simulated", description = "run the auction among simulated bidders instead of the e-mail triage")
  boolean simulated;

  @Option(names = "--offline", description = "triage in process, without starting the service")
  boolean offline;

  @Option(names = "--exit", description = "stop the service after the summary instead of serving until Ctrl-C")
  boolean exit;

  @Option(names = "--port", defaultValue = "8080", description = "the service's port (default ${DEFAULT-VALUE}; 0 for any)")
  int port;

  @Option(names = "--tasks", defaultValue = "400", description = "microtasks to stream (default ${DEFAULT-VALUE})")
  int tasks;

  @Option(names = "--seed", defaultValue = "7", description = "seed for the exchange and the demo (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (simulated) {
      return simulatedAuction();
    }
    if (offline) {
      return TriageDemo.run(seed, System.out);
    }
    ServerConfig settings;
    try {
      settings = ServerConfig.load(null, System.getenv()).withPort(port);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    return new ServiceDemo(settings, seed, System.out).run(!exit);
  }

  private Integer simulatedAuction() {
    if (tasks < 1) {
      System.err.println("--tasks must be at least 1, was " + tasks);
      return 2;
    }
    SplittableRandom world = new SplittableRandom(seed);
    Policy onPremForPii = (task, id, profile) -> task.dataClasses().contains("pii") && !profile.onPremises()
        ? Optional.of("data class 'pii' may not leave the premises; " + id + " runs at " + profile.vendor())
        : Optional.empty();
    try (Exchange exchange = Exchange.builder()
        .seed(seed)
        .utility(Utility.of(20, 0.05))
        .policy(onPremForPii)
        .bidder(new SimulatedBidder("local-head", BidderProfile.local(), 0.80, 0.88, 0.00001, 4, world.split()))
        .bidder(new SimulatedBidder("mid-llm", BidderProfile.hosted("mid-vendor", "eu-west"), 0.92, 0.93, 0.0008, 400,
            world.split()))
        .bidder(new SimulatedBidder("premium-llm", BidderProfile.hosted("premium-vendor", "us-east"), 0.99, 0.97, 0.012,
            900, world.split()))
        .bidder(new SimulatedBidder("boastful-llm", BidderProfile.hosted("cheap-vendor", "us-east"), 0.99, 0.55, 0.0004,
            300, world.split()))
        .build()) {
      System.out.println("""
          Atomic demo: four simulated bidders with declared true success rates (the exchange does not know them)
            local-head    claims 0.80, really 0.88, $0.00001, 4 ms (on premises)
            mid-llm       claims 0.92, really 0.93, $0.0008, 400 ms
            premium-llm   claims 0.99, really 0.97, $0.012, 900 ms
            boastful-llm  claims 0.99, really 0.55, $0.0004, 300 ms
          utility = quality - 20 x USD - 0.05 x seconds
          """);
      Microtask pii = Microtask.builder("email.spam").id("demo-pii").input("Hi, my card is 4111...")
          .dataClasses(Set.of("pii")).build();
      System.out.println("A microtask whose input holds personal data: only on-premises bidders may see it.");
      System.out.println(exchange.award(pii).explain());
      Map<String, Integer> wins = new TreeMap<>();
      double spend = 0;
      double premiumSpend = 0;
      int good = 0;
      Decision first = null;
      Decision last = null;
      for (int i = 0; i < tasks; i++) {
        Microtask task = Microtask.builder("email.spam").id("demo-" + i).input("message " + i).build();
        Execution run = exchange.execute(task);
        Decision d = run.decision();
        if (first == null) {
          first = d;
        }
        last = d;
        boolean correct = Boolean.TRUE.equals(((Map<?, ?>) run.output()).get("good"));
        good += correct ? 1 : 0;
        wins.merge(run.servedBy(), 1, Integer::sum);
        spend += run.totalCostUsd();
        premiumSpend += 0.012;
        exchange.feedback(d.id(), correct ? Feedback.accepted() : Feedback.rejected());
      }
      System.out.println("The first auction of the stream, before any feedback:");
      System.out.println(first.explain());
      System.out.printf("After %d microtasks with feedback, the last auction:%n", tasks);
      System.out.println(last.explain());
      System.out.printf("Served: %s%n", wins);
      System.out.printf("Accepted results: %.1f%%; spend $%.4f against $%.4f for always-premium (%.1f%%)%n",
          100.0 * good / tasks, spend, premiumSpend, 100 * spend / premiumSpend);
      return 0;
    }
  }
}
