package dev.atomic.engine;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One checked step of a {@link Pipeline}: a microtask kind, how its input is made from the request and earlier outputs,
 * when it runs, over what it fans out, and the limits on its awards.
 */
public final class Step {

  private final String id;
  private final StepKind kind;
  private final Binding input;
  private final Expression when;
  private final Expression forEach;
  private final Set<String> dependencies;
  private final StepConstraints constraints;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final Location location;
  private final Type outputType;

  Step(StepDefinition d, StepKind kind, Binding input, Expression when, Expression forEach, Set<String> dependencies,
      Type outputType) {
    this.id = d.id();
    this.kind = kind;
    this.input = input;
    this.when = when;
    this.forEach = forEach;
    this.dependencies = Set.copyOf(dependencies);
    this.constraints = d.constraints();
    this.timeout = d.timeout();
    this.retry = d.retry();
    this.location = d.location();
    this.outputType = outputType;
  }

  public String id() {
    return id;
  }

  public StepKind kind() {
    return kind;
  }

  /** The steps that must finish first: those its expressions read, and those it names in {@code after}. */
  public Set<String> dependencies() {
    return dependencies;
  }

  public StepConstraints constraints() {
    return constraints;
  }

  /** How long one microtask of this step may take. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public RetryPolicy retry() {
    return retry;
  }

  public Location location() {
    return location;
  }

  /** The type of the step's output as later steps see it: a list for a fan-out, a map by task name for a planner. */
  public Type outputType() {
    return outputType;
  }

  /** Whether the step runs once per element of a list. */
  public boolean fansOut() {
    return forEach != null;
  }

  Binding input() {
    return input;
  }

  Expression when() {
    return when;
  }

  Expression forEach() {
    return forEach;
  }

  @Override
  public String toString() {
    return "Step[" + id + ": " + kind.name() + "]";
  }
}
