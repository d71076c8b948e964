package dev.atomic.task;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The unit the exchange trades: one small, typed piece of work such as "is this e-mail spam?".
 *
 * <p>The kind names what is asked ({@code email.spam}), never who answers. Estimates are kept per bidder and kind, so
 * kinds should be stable names, not per-request strings.
 *
 * @param id unique id of this microtask, used to seed its exploration draw and to find it in the ledger
 * @param kind what is asked, a dotted lower-case name such as {@code email.spam}
 * @param input the payload handed to the winning bidder
 * @param outputType the Java type the answer must have
 * @param constraints hard limits on the award
 * @param dataClasses what the input contains ({@code pii.email}, {@code secret}), for policies
 * @param tenant who asks; budgets and learned state belong to a tenant
 * @param features optional context for contextual estimators
 */
public record Microtask(
    String id,
    String kind,
    Object input,
    Type outputType,
    Constraints constraints,
    Set<String> dataClasses,
    String tenant,
    Features features) {

  private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
  public static final String DEFAULT_TENANT = "default";

  public Microtask {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("microtask id must not be blank");
    }
    checkKind(kind);
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(constraints, "constraints");
    dataClasses = Set.copyOf(Objects.requireNonNull(dataClasses, "dataClasses"));
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.isBlank()) {
      throw new IllegalArgumentException("tenant must not be blank");
    }
    Objects.requireNonNull(features, "features");
  }

  /** Throws unless {@code kind} is a dotted lower-case name such as {@code email.spam}. */
  public static String checkKind(String kind) {
    if (kind == null || kind.isEmpty()) {
      throw new IllegalArgumentException("microtask kind must not be null or empty");
    }
    if (kind.length() > 200 || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "microtask kind must be a dotted lower-case name such as 'email.spam', was '" + kind + "'");
    }
    return kind;
  }

  /** Starts a microtask of the given kind. */
  public static Builder builder(String kind) {
    return new Builder(kind);
  }

  /** Builds a {@link Microtask}; each setter checks its value at once. */
  public static final class Builder {
    private final String kind;
    private String id;
    private Object input;
    private Type outputType = Object.class;
    private Constraints constraints = Constraints.none();
    private Set<String> dataClasses = Set.of();
    private String tenant = DEFAULT_TENANT;
    private Features features = Features.none();

    private Builder(String kind) {
      this.kind = checkKind(kind);
    }

    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    public Builder input(Object input) {
      this.input = input;
      return this;
    }

    public Builder outputType(Type type) {
      this.outputType = Objects.requireNonNull(type, "outputType");
      return this;
    }

    public Builder constraints(Constraints constraints) {
      this.constraints = Objects.requireNonNull(constraints, "constraints");
      return this;
    }

    public Builder maxCostUsd(double usd) {
      this.constraints = constraints.withMaxCostUsd(usd);
      return this;
    }

    public Builder latencySlo(Duration slo) {
      this.constraints = constraints.withLatencySlo(slo);
      return this;
    }

    public Builder minQuality(double quality) {
      this.constraints = constraints.withMinQuality(quality);
      return this;
    }

    public Builder deadline(Instant deadline) {
      this.constraints = constraints.withDeadline(deadline);
      return this;
    }

    public Builder dataClasses(Set<String> classes) {
      this.dataClasses = Set.copyOf(classes);
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      if (tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      return this;
    }

    public Builder features(Features features) {
      this.features = Objects.requireNonNull(features, "features");
      return this;
    }

    public Microtask build() {
      String taskId = id != null ? id : UUID.randomUUID().toString();
      return new Microtask(taskId, kind, input, outputType, constraints, dataClasses, tenant, features);
    }
  }
}
