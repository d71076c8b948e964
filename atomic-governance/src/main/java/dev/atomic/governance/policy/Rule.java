package dev.atomic.governance.policy;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.governance.classify.Classifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One data policy rule: for the data classes it covers, where a bidder must run to see them. Every requirement that is
 * set must hold (lists are alternatives: any listed region will do); a {@code deny} rule lets no bidder see them.
 *
 * @param name unique name, quoted in exclusions and audit entries
 * @param classes which data classes it covers: exact names ({@code pci.card}), prefixes ({@code pii.*}) or {@code *}
 * @param deny whether no bidder at all may see these classes
 * @param onPremises when set, the bidder's on-premises flag must equal it
 * @param sovereign when set, the bidder's sovereign flag must equal it
 * @param regions when not empty, the bidder's region must be one of them
 * @param vendors when not empty, the bidder's vendor must be one of them
 * @param bidders when not empty, the bidder's id must be one of them
 * @param tags when not empty, the bidder must carry every one of these tags
 * @param line the line in the YAML source that defined it, or 0 when built in Java
 */
public record Rule(
    String name,
    Set<String> classes,
    boolean deny,
    Boolean onPremises,
    Boolean sovereign,
    Set<String> regions,
    Set<String> vendors,
    Set<String> bidders,
    Set<String> tags,
    int line) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Pattern CLASS_PATTERN = Pattern.compile("\\*|[a-z0-9_]+(\\.[a-z0-9_]+)*(\\.\\*)?");

  public Rule {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rule name must be 1-100 letters, digits, '_', '.' or '-', starting with a letter or digit, was '"
              + name + "'");
    }
    classes = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(classes, "classes")));
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("rule '" + name + "' covers no data class; name at least one, or '*'");
    }
    for (String c : classes) {
      if (c == null || c.length() > 100 || !CLASS_PATTERN.matcher(c).matches()) {
        throw new IllegalArgumentException("rule '" + name + "' names data class '" + c
            + "', which is neither a dotted lower-case name (pii.email), a prefix (pii.*) nor '*'");
      }
    }
    regions = Set.copyOf(regions);
    vendors = Set.copyOf(vendors);
    bidders = Set.copyOf(bidders);
    tags = Set.copyOf(tags);
    if (line < 0) {
      throw new IllegalArgumentException("rule '" + name + "' line must be >= 0, was " + line);
    }
    boolean requires = onPremises != null || sovereign != null || !regions.isEmpty() || !vendors.isEmpty()
        || !bidders.isEmpty() || !tags.isEmpty();
    if (deny && requires) {
      throw new IllegalArgumentException("rule '" + name + "' both denies and sets requirements; choose one");
    }
    if (!deny && !requires) {
      throw new IllegalArgumentException("rule '" + name + "' neither denies nor sets any requirement, so it would "
          + "allow everything; set deny, onPremises, sovereign, regions, vendors, bidders or tags");
    }
  }

  /** Starts a rule with the given name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Whether this rule covers the data class. */
  public boolean covers(String dataClass) {
    for (String c : classes) {
      if (c.equals("*") || c.equals(dataClass)
          || (c.endsWith(".*") && dataClass.startsWith(c.substring(0, c.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** What this rule requires that the bidder lacks, or empty when the bidder may see the covered classes. */
  public Optional<String> unmet(String bidderId, BidderProfile profile) {
    if (deny) {
      return Optional.of("no bidder may see it");
    }
    List<String> missing = new ArrayList<>();
    if (onPremises != null && profile.onPremises() != onPremises) {
      missing.add(onPremises ? "on-premises" : "off-premises");
    }
    if (sovereign != null && profile.sovereign() != sovereign) {
      missing.add(sovereign ? "sovereign" : "not sovereign");
    }
    if (!regions.isEmpty() && !regions.contains(profile.region())) {
      missing.add("region in " + sorted(regions));
    }
    if (!vendors.isEmpty() && !vendors.contains(profile.vendor())) {
      missing.add("vendor in " + sorted(vendors));
    }
    if (!bidders.isEmpty() && !bidders.contains(bidderId)) {
      missing.add("bidder in " + sorted(bidders));
    }
    if (!tags.isEmpty() && !profile.tags().containsAll(tags)) {
      missing.add("tags " + sorted(tags));
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of("requires " + String.join(", ", missing));
  }

  /** The rule's name and, when it came from YAML, its line: {@code 'cards' (line 4)}. */
  public String label() {
    return "'" + name + "'" + (line > 0 ? " (line " + line + ")" : "");
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  /** Builds a {@link Rule}; each setter checks its value at once. */
  public static final class Builder {
    private final String name;
    private final Set<String> classes = new LinkedHashSet<>();
    private boolean deny;
    private Boolean onPremises;
    private Boolean sovereign;
    private final Set<String> regions = new LinkedHashSet<>();
    private final Set<String> vendors = new LinkedHashSet<>();
    private final Set<String> bidders = new LinkedHashSet<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private int line;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The data classes covered: exact names, {@code prefix.*} or {@code *}. */
    public Builder classes(String... patterns) {
      for (String p : patterns) {
        if (p == null || !(p.equals("*") || CLASS_PATTERN.matcher(p).matches())) {
          throw new IllegalArgumentException("rule '" + name + "': '" + p + "' is not a data class or pattern");
        }
        if (!p.contains("*")) {
          Classifier.checkClassName(p);
        }
        classes.add(p);
      }
      return this;
    }

    public Builder deny() {
      this.deny = true;
      return this;
    }

    public Builder onPremises(boolean required) {
      this.onPremises = required;
      return this;
    }

    public Builder sovereign(boolean required) {
      this.sovereign = required;
      return this;
    }

    public Builder regions(String... allowed) {
      regions.addAll(nonBlank("region", allowed));
      return this;
    }

    public Builder vendors(String... allowed) {
      vendors.addAll(nonBlank("vendor", allowed));
      return this;
    }

    public Builder bidders(String... allowed) {
      bidders.addAll(nonBlank("bidder", allowed));
      return this;
    }

    public Builder tags(String... required) {
      tags.addAll(nonBlank("tag", required));
      return this;
    }

    Builder line(int line) {
      this.line = line;
      return this;
    }

    public Rule build() {
      return new Rule(name, classes, deny, onPremises, sovereign, regions, vendors, bidders, tags, line);
    }

    private List<String> nonBlank(String what, String[] values) {
      for (String v : values) {
        if (v == null || v.isBlank()) {
          throw new IllegalArgumentException("rule '" + name + "': a " + what + " must not be blank, was '" + v + "'");
        }
      }
      return List.of(values);
    }
  }
}
