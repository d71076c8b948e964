package dev.atomic.temporal;

import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.StepExecutor;
import dev.atomic.exchange.Exchange;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes a Temporal {@link Worker} run Atomic pipelines: registers the pipeline workflow and the activities that serve
 * each microtask through the given exchange. Every worker on the task queue must register the same pipelines.
 *
 * {@snippet :
 * Worker worker = factory.newWorker("atomic");
 * TemporalWorker.register(worker, exchange, List.of(triage), cfg -> cfg.defaultStepTimeout(Duration.ofMinutes(2)));
 * factory.start();
 * }
 */
public final class TemporalWorker {

  private TemporalWorker() {}

  /**
   * How the workflow schedules activities.
   *
   * @param activityTaskQueue the task queue activities run on (the worker's own)
   * @param defaultStepTimeout how long one attempt of a step without its own timeout may take
   * @param maxDeliveries how often Temporal may hand one call to a worker, counting redeliveries after a worker died
   * @param redeliveryInterval the first pause before such a redelivery
   */
  public record Settings(String activityTaskQueue, Duration defaultStepTimeout, int maxDeliveries,
      Duration redeliveryInterval) {}

  /** Registers with the defaults: steps without a timeout get ten minutes, a call is delivered at most five times. */
  public static void register(Worker worker, Exchange exchange, Collection<Pipeline> pipelines) {
    register(worker, exchange, pipelines, cfg -> { });
  }

  public static void register(Worker worker, Exchange exchange, Collection<Pipeline> pipelines,
      Consumer<Config> configure) {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(exchange, "exchange");
    Config config = new Config();
    configure.accept(config);
    Map<String, Pipeline> byName = new LinkedHashMap<>();
    for (Pipeline p : pipelines) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException("two pipelines are named '" + p.name() + "'");
      }
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("register at least one pipeline");
    }
    Map<String, Pipeline> frozen = Map.copyOf(byName);
    Settings settings = new Settings(worker.getTaskQueue(), config.defaultStepTimeout, config.maxDeliveries,
        config.redeliveryInterval);
    worker.registerWorkflowImplementationFactory(PipelineWorkflow.class,
        () -> new PipelineWorkflowImpl(frozen, settings));
    worker.registerActivitiesImplementations(
        new StepActivitiesImpl(frozen, new StepExecutor(exchange, config.clock), config.observer));
  }

  /** Worker settings; each setter checks its value at once. */
  public static final class Config {
    private Duration defaultStepTimeout = Duration.ofMinutes(10);
    private int maxDeliveries = 5;
    private Duration redeliveryInterval = Duration.ofSeconds(1);
    private InstantSource clock = InstantSource.system();
    private RunObserver observer = RunObserver.NONE;

    private Config() {}

    /** How long one attempt of a step without its own timeout may take before Temporal gives it to another worker. */
    public Config defaultStepTimeout(Duration timeout) {
      this.defaultStepTimeout = positive("defaultStepTimeout", timeout);
      return this;
    }

    /** How often one call may be delivered to a worker, counting redeliveries after a worker died; at least 1. */
    public Config maxDeliveries(int deliveries) {
      if (deliveries < 1) {
        throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + deliveries);
      }
      this.maxDeliveries = deliveries;
      return this;
    }

    /** The first pause before a call is delivered again. */
    public Config redeliveryInterval(Duration interval) {
      this.redeliveryInterval = positive("redeliveryInterval", interval);
      return this;
    }

    /** The clock for step deadlines. */
    public Config clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * What hears of each call this worker serves, through {@link RunObserver#callStarted}; default: nothing. The runs
     * themselves are reported where they are started (see {@link TemporalEngine.Config#observer}).
     */
    public Config observer(RunObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
