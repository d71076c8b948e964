package dev.atomic.engine;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A checked request-level graph of steps, ready to run on any engine. Made from YAML by
 * {@link dev.atomic.engine.yaml.PipelineYaml} or in Java by {@link #builder}; both are checked the same way, so a
 * pipeline that exists has no cycle, no unknown kind, no bad expression and no type mismatch between steps.
 *
 * {@snippet :
 * Pipeline triage = Pipeline.builder("email-triage", kinds)
 *     .request(Email.class)
 *     .step("spam", s -> s.kind("email.spam").input("${request}").maxCostUsd(0.001))
 *     .step("reply", s -> s.kind("email.reply").when("${!steps.spam.output.spam}")
 *         .input(Map.of("subject", "Re: ${request.subject}", "body", "${request.body}")))
 *     .build();
 * }
 */
public final class Pipeline {

  private final String name;
  private final Type requestType;
  private final Map<String, Step> steps;
  private final StepKinds kinds;
  private final Location location;

  Pipeline(String name, Type requestType, Map<String, Step> steps, StepKinds kinds, Location location) {
    this.name = name;
    this.requestType = requestType;
    this.steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    this.kinds = kinds;
    this.location = location;
  }

  /** Checks a definition against the registered kinds; throws {@link PipelineException} at the first problem. */
  public static Pipeline compile(PipelineDefinition definition, StepKinds kinds) {
    return Compiler.compile(Objects.requireNonNull(definition, "definition"), Objects.requireNonNull(kinds, "kinds"));
  }

  /** Starts a pipeline in Java; {@link Builder#build()} checks it as the YAML loader would. */
  public static Builder builder(String name, StepKinds kinds) {
    return new Builder(name, kinds);
  }

  public String name() {
    return name;
  }

  public Type requestType() {
    return requestType;
  }

  /** The steps in the order written. */
  public List<Step> steps() {
    return List.copyOf(steps.values());
  }

  public Step step(String id) {
    Step step = steps.get(id);
    if (step == null) {
      throw new IllegalArgumentException("pipeline '" + name + "' has no step '" + id + "' (steps: " + steps.keySet()
          + ")");
    }
    return step;
  }

  public StepKinds kinds() {
    return kinds;
  }

  public Location location() {
    return location;
  }

  @Override
  public String toString() {
    return "Pipeline[" + name + ", steps=" + steps.keySet() + "]";
  }

  /** Builds a {@link Pipeline} in Java. */
  public static final class Builder {
    private final String name;
    private final StepKinds kinds;
    private final Location location;
    private Type requestType = Object.class;
    private final List<StepDefinition> steps = new ArrayList<>();

    private Builder(String name, StepKinds kinds) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("pipeline name must not be blank");
      }
      this.name = name;
      this.kinds = Objects.requireNonNull(kinds, "kinds");
      this.location = new Location("builder '" + name + "'", 0);
    }

    /** The request's Java type; expressions over {@code request} are checked against it. */
    public Builder request(Type type) {
      this.requestType = Objects.requireNonNull(type, "request type");
      return this;
    }

    /** Adds a step, configured by the consumer. */
    public Builder step(String id, Consumer<StepBuilder> configure) {
      StepBuilder b = new StepBuilder(id, location);
      configure.accept(b);
      steps.add(b.build());
      return this;
    }

    public Pipeline build() {
      return compile(new PipelineDefinition(name, requestType, steps, location), kinds);
    }
  }

  /** Configures one step; each setter checks its value at once. */
  public static final class StepBuilder {
    private final String id;
    private final Location location;
    private String kind;
    private Object input;
    private String when;
    private String forEach;
    private final List<String> after = new ArrayList<>();
    private double maxCostUsd = Double.POSITIVE_INFINITY;
    private Duration latencySlo;
    private double minQuality;
    private Set<String> dataClasses = Set.of();
    private Duration timeout;
    private RetryPolicy retry = RetryPolicy.none();

    private StepBuilder(String id, Location pipeline) {
      this.id = Objects.requireNonNull(id, "id");
      this.location = pipeline;
    }

    public StepBuilder kind(String kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** The whole input: a template such as {@code ${request.body}}, or a literal. */
    public StepBuilder input(Object input) {
      this.input = Objects.requireNonNull(input, "input");
      return this;
    }

    /** The input record's fields, each a template or a literal. */
    public StepBuilder input(Map<String, ?> fields) {
      this.input = new LinkedHashMap<>(Objects.requireNonNull(fields, "fields"));
      return this;
    }

    /** Runs the step only when the boolean template is true, such as {@code ${!steps.spam.output.spam}}. */
    public StepBuilder when(String condition) {
      this.when = Objects.requireNonNull(condition, "condition");
      return this;
    }

    /** Runs the step once per element of the list template, each bound to {@code item}. */
    public StepBuilder forEach(String list) {
      this.forEach = Objects.requireNonNull(list, "list");
      return this;
    }

    public StepBuilder after(String... steps) {
      after.addAll(Arrays.asList(steps));
      return this;
    }

    public StepBuilder maxCostUsd(double usd) {
      new StepConstraints(usd, latencySlo, minQuality, dataClasses);
      this.maxCostUsd = usd;
      return this;
    }

    public StepBuilder latencySlo(Duration slo) {
      new StepConstraints(maxCostUsd, Objects.requireNonNull(slo, "slo"), minQuality, dataClasses);
      this.latencySlo = slo;
      return this;
    }

    public StepBuilder minQuality(double quality) {
      new StepConstraints(maxCostUsd, latencySlo, quality, dataClasses);
      this.minQuality = quality;
      return this;
    }

    public StepBuilder dataClasses(String... classes) {
      this.dataClasses = Set.of(classes);
      return this;
    }

    public StepBuilder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("step '" + id + "' timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public StepBuilder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    private StepDefinition build() {
      return new StepDefinition(id, kind, input, when, forEach, after,
          new StepConstraints(maxCostUsd, latencySlo, minQuality, dataClasses), timeout, retry, location, Map.of());
    }
  }
}
