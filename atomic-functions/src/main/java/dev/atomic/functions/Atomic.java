package dev.atomic.functions;

import dev.atomic.adapt.Learner;
import dev.atomic.exchange.Exchange;
import dev.atomic.task.Microtask;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The configured Atomic instance: an exchange (with its bidders), a learner for the local models, and the functions
 * built on them.
 *
 * {@snippet :
 * Atomic atomic = Atomic.builder().exchange(exchange).learner(adaptation).build();
 * EmailTriage triage = atomic.functions(EmailTriage.class);
 * Result<SpamVerdict> verdict = triage.spam(email);   // auctioned, served, validated
 * verdict.feedback().accept();                          // the exchange and the local heads learn
 * }
 */
public final class Atomic implements AutoCloseable {

  private final Exchange exchange;
  private final Learner learner;
  private final String tenant;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("atomic-function-", 0).factory());

  private Atomic(Builder b) {
    this.exchange = b.exchange;
    this.learner = b.learner;
    this.tenant = b.tenant;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Exchange exchange() {
    return exchange;
  }

  /**
   * An implementation of a function interface: each abstract method, annotated with {@link Task}, becomes a microtask
   * function. Every method is checked now.
   *
   * @throws FunctionDefinitionException naming the method, when one cannot work as declared
   */
  public <F> F functions(Class<F> type) {
    Objects.requireNonNull(type, "type");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface; functions are declared as the "
          + "methods of an interface");
    }
    Map<Method, MethodPlan> plans = new HashMap<>();
    for (Method method : type.getMethods()) {
      if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
        plans.put(method, MethodPlan.of(method));
      }
    }
    return FunctionHandler.proxy(type, new FunctionHandler(type, Map.copyOf(plans), exchange, learner, tenant,
        executor));
  }

  /** Stops the threads of asynchronous calls; the exchange is the caller's to close. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Configures {@link Atomic}. */
  public static final class Builder {
    private Exchange exchange;
    private Learner learner = (task, output, feedback) -> false;
    private String tenant = Microtask.DEFAULT_TENANT;

    private Builder() {}

    /** The exchange that awards every call. */
    public Builder exchange(Exchange exchange) {
      this.exchange = Objects.requireNonNull(exchange, "exchange");
      return this;
    }

    /** Learns from feedback on function values (the local heads); none by default. */
    public Builder learner(Learner learner) {
      this.learner = Objects.requireNonNull(learner, "learner");
      return this;
    }

    /** The tenant every call belongs to. */
    public Builder tenant(String tenant) {
      Objects.requireNonNull(tenant, "tenant");
      if (tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      this.tenant = tenant;
      return this;
    }

    public Atomic build() {
      if (exchange == null) {
        throw new IllegalStateException("Atomic needs an exchange: call exchange(...) before build()");
      }
      return new Atomic(this);
    }
  }
}
