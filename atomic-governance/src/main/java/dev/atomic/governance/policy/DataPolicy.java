package dev.atomic.governance.policy;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.policy.Policy;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A data policy built from {@link Rule rules}: a bidder may see a microtask only when, for every data class the task
 * carries, every rule covering that class is met by the bidder's {@link BidderProfile}. Classes no rule covers are
 * unrestricted. In clean-room mode, only sovereign bidders may see anything at all.
 *
 * {@snippet :
 * DataPolicy policy = DataPolicy.builder()
 *     .rule("cards-stay-home", r -> r.classes("pci.card").onPremises(true))
 *     .rule("eu-pii", r -> r.classes("pii.*").regions("eu-west", "eu-central"))
 *     .rule("no-secrets", r -> r.classes("secret.*").deny())
 *     .build();
 * Exchange exchange = Exchange.builder().policy(policy).build();
 * }
 *
 * <p>An exclusion names the rule and the data class: {@code rule 'cards-stay-home' (line 3) forbids data class
 * 'pci.card' to bidder 'gpt' (openai, us-east): requires on-premises}. The exchange records it in the decision.
 * Immutable and thread-safe.
 */
public final class DataPolicy implements Policy {

  private final List<Rule> rules;
  private final boolean cleanRoom;

  private DataPolicy(List<Rule> rules, boolean cleanRoom) {
    this.rules = List.copyOf(rules);
    this.cleanRoom = cleanRoom;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A policy that only lets sovereign bidders see anything, plus the given rules. */
  public static DataPolicy cleanRoom(Rule... rules) {
    Builder b = builder().cleanRoom(true);
    for (Rule r : rules) {
      b.rule(r);
    }
    return b.build();
  }

  public List<Rule> rules() {
    return rules;
  }

  public boolean isCleanRoom() {
    return cleanRoom;
  }

  @Override
  public Optional<String> exclude(Microtask task, String bidderId, BidderProfile profile) {
    if (cleanRoom && !profile.sovereign()) {
      return Optional.of("clean-room mode: bidder '" + bidderId + "' (" + where(profile) + ") is not sovereign");
    }
    for (String dataClass : new TreeSet<>(task.dataClasses())) {
      for (Rule rule : rules) {
        if (rule.covers(dataClass)) {
          Optional<String> unmet = rule.unmet(bidderId, profile);
          if (unmet.isPresent()) {
            return Optional.of("rule " + rule.label() + " forbids data class '" + dataClass + "' to bidder '"
                + bidderId + "' (" + where(profile) + "): " + unmet.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Which rules let this bidder see this task, as {@code rule:class} pairs in a stable order (empty when no rule covers
   * its classes); for audit entries. Does not check that the bidder is allowed: ask {@link #exclude} first.
   */
  public List<String> allowedBy(Microtask task) {
    List<String> allowed = new ArrayList<>();
    if (cleanRoom) {
      allowed.add("clean-room");
    }
    for (String dataClass : new TreeSet<>(task.dataClasses())) {
      for (Rule rule : rules) {
        if (rule.covers(dataClass)) {
          allowed.add(rule.name() + ":" + dataClass);
        }
      }
    }
    return List.copyOf(allowed);
  }

  private static String where(BidderProfile p) {
    return p.vendor() + ", " + p.region() + (p.onPremises() ? ", on-premises" : "")
        + (p.sovereign() ? ", sovereign" : "");
  }

  @Override
  public String toString() {
    return "DataPolicy[" + (cleanRoom ? "clean-room, " : "") + rules.stream().map(Rule::name).toList() + "]";
  }

  /** Builds a {@link DataPolicy}; rule names are checked for uniqueness as they are added. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean cleanRoom;

    private Builder() {}

    /** Adds a rule configured by the function, e.g. {@code r -> r.classes("pci.*").onPremises(true)}. */
    public Builder rule(String name, UnaryOperator<Rule.Builder> configure) {
      return rule(Objects.requireNonNull(configure, "configure").apply(Rule.named(name)).build());
    }

    public Builder rule(Rule rule) {
      Objects.requireNonNull(rule, "rule");
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("a rule named '" + rule.name() + "' is defined twice"
            + (rule.line() > 0 ? " (again at line " + rule.line() + ")" : ""));
      }
      rules.add(rule);
      return this;
    }

    /** In clean-room mode only sovereign bidders may see any microtask. */
    public Builder cleanRoom(boolean on) {
      this.cleanRoom = on;
      return this;
    }

    public DataPolicy build() {
      return new DataPolicy(rules, cleanRoom);
    }
  }
}
