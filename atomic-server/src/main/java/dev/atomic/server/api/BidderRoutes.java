package dev.atomic.server.api;

import dev.atomic.bidding.Bidder;
import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.Cascade;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.LearningScopes;
import dev.atomic.server.observe.LiveStats;
import dev.atomic.server.observe.TenantStats;
import dev.atomic.store.BidderStats;
import dev.atomic.store.DecisionQuery;
import dev.atomic.store.Store;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/bidders}: each bidder and cascade with three views of its record: the ledger's (durable, every
 * decision), the live one (since the server started, and the ledger's last 2,000 decisions before it) and what the
 * exchange has learned per kind. {@code GET /v1/stats} is the live figures on their own, for the dashboard.
 */
final class BidderRoutes {

  record BidderView(String id, String type, String vendor, String region, Boolean onPremises, List<String> members,
      BidderStats ledger, LiveStats.BidderLive live, List<Learned> learned) {}

  /** What the exchange has learned about an arm on one kind: how many outcomes, and actual/claimed cost and latency. */
  record Learned(String kind, double observations, double costRatio, double latencyRatio) {}

  private final Exchange exchange;
  private final Store store;
  private final TenantStats stats;
  private final Set<String> sharedLearning;

  BidderRoutes(Exchange exchange, Store store, TenantStats stats, Set<String> sharedLearning) {
    this.exchange = exchange;
    this.store = store;
    this.stats = stats;
    this.sharedLearning = Set.copyOf(sharedLearning);
  }

  void register(RouteTable r) {
    r.get("/v1/bidders", this::bidders);
    r.get("/v1/stats", ctx -> Requests.json(ctx, 200, live(ctx)));
  }

  /** A tenant's caller sees its own figures; without tenants (no key issued yet) the whole service's. */
  private LiveStats.Snapshot live(Context ctx) {
    return Tenancy.caller(ctx).map(stats::snapshot).orElseGet(stats::snapshot);
  }

  private void bidders(Context ctx) {
    String tenant = Tenancy.caller(ctx).orElse(null);
    DecisionQuery own = tenant == null ? DecisionQuery.all() : DecisionQuery.all().tenant(tenant);
    Requests.caughtUp(store);
    Map<String, BidderStats> ledger = store.ledger().bidderStats(own).stream()
        .collect(Collectors.toMap(BidderStats::arm, Function.identity(), (a, b) -> a));
    Map<String, LiveStats.BidderLive> live = live(ctx).bidders().stream()
        .collect(Collectors.toMap(LiveStats.BidderLive::bidder, Function.identity(), (a, b) -> a));
    Map<String, List<Learned>> learned = exchange.snapshot().arms().stream()
        .filter(arm -> tenant == null || arm.scope().equals(tenant)
            || (arm.scope().equals(LearningScopes.SHARED) && sharedLearning.contains(tenant)))
        .collect(Collectors.groupingBy(
            EstimatorSnapshot.Arm::arm, Collectors.mapping(BidderRoutes::learned, Collectors.toList())));
    List<BidderView> out = new ArrayList<>();
    for (Bidder b : exchange.bidders()) {
      out.add(new BidderView(b.id(), "bidder", b.profile().vendor(), b.profile().region(), b.profile().onPremises(),
          List.of(), ledger.get(b.id()), live.get(b.id()), learned.getOrDefault(b.id(), List.of())));
    }
    for (Cascade c : exchange.cascades()) {
      out.add(new BidderView(c.id(), "cascade", null, null, null, List.copyOf(c.members()), ledger.get(c.id()),
          live.get(c.id()), learned.getOrDefault(c.id(), List.of())));
    }
    Requests.json(ctx, 200, Map.of("bidders", out));
  }

  private static Learned learned(EstimatorSnapshot.Arm arm) {
    return new Learned(arm.kind(), arm.observations(), ratio(arm.cost()), ratio(arm.latency()));
  }

  /** The mean of actual/claimed, or NaN when never observed. */
  private static double ratio(EstimatorSnapshot.Ratio r) {
    return r.ratioCount() == 0 ? Double.NaN : r.ratioSum() / r.ratioCount();
  }
}
