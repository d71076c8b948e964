package dev.atomic.engine.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.AtomicException;
import dev.atomic.engine.JsonCodec;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.StepExecutor;
import dev.atomic.engine.journal.InMemoryJournal;
import dev.atomic.engine.journal.Journal;
import dev.atomic.engine.journal.JournalEntry;
import dev.atomic.exchange.Exchange;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs pipelines in this process: independent steps in parallel on virtual threads, every call served through the
 * {@link Exchange}, every served call journaled before the run moves on.
 *
 * <p>Closing the engine abandons its runs as a crash would: their threads are interrupted and nothing more is written,
 * so another engine (in this process or a new one, on the same journal) can {@link #resume} them; calls already
 * journaled are neither served nor paid for again. Only a call in flight at the crash is served again.
 *
 * {@snippet :
 * try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(FileJournal.in(dir)))) {
 *   RunResult result = engine.start(pipeline, email).await();
 * }
 * }
 */
public final class EmbeddedEngine implements AutoCloseable {

  private final Journal journal;
  private final String tenant;
  private final InstantSource clock;
  private final Duration runTimeout;
  private final StepExecutor executor;
  private final RunObserver observer;
  private final ExecutorService threads;
  private final Set<Run> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private EmbeddedEngine(Exchange exchange, Config config) {
    this.journal = config.journal;
    this.tenant = config.tenant;
    this.clock = config.clock;
    this.runTimeout = config.runTimeout;
    this.executor = new StepExecutor(exchange, config.clock);
    this.observer = config.observer;
    this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("atomic-engine-", 0).factory());
  }

  /** An engine with an in-memory journal and the default tenant. */
  public static EmbeddedEngine create(Exchange exchange) {
    return create(exchange, cfg -> { });
  }

  /** An engine configured over the defaults. */
  public static EmbeddedEngine create(Exchange exchange, Consumer<Config> configure) {
    Objects.requireNonNull(exchange, "exchange");
    Config config = new Config();
    configure.accept(config);
    return new EmbeddedEngine(exchange, config);
  }

  /** Starts a run with a fresh id. */
  public Run start(Pipeline pipeline, Object request) {
    return start(pipeline, request, UUID.randomUUID().toString());
  }

  /**
   * Starts a run with the given id, which must be new to the journal.
   *
   * @throws IllegalArgumentException when the request does not fit the pipeline's request type
   */
  public Run start(Pipeline pipeline, Object request, String runId) {
    return start(pipeline, request, runId, tenant);
  }

  /**
   * Starts a run with the given id for the given tenant rather than the engine's, as a service serving many tenants
   * on one engine does; the run's microtasks, budget and learned state are that tenant's.
   *
   * @throws IllegalArgumentException when the request does not fit the pipeline's request type
   */
  public Run start(Pipeline pipeline, Object request, String runId, String runTenant) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(runTenant, "runTenant");
    if (runTenant.isBlank()) {
      throw new IllegalArgumentException("runTenant must not be blank");
    }
    JsonCodec codec = JsonCodec.standard();
    JsonNode tree = codec.toTree(request);
    try {
      codec.convert(tree, pipeline.requestType());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the request does not fit pipeline '" + pipeline.name() + "''s request type "
          + pipeline.requestType().getTypeName() + ": " + e.getMessage(), e);
    }
    if (!journal.read(runId).isEmpty()) {
      throw new AtomicException("run " + runId + " is in the journal already; resume it instead");
    }
    checkOpen();
    journal.append(runId, new JournalEntry.RunStarted(pipeline.name(), codec.write(tree), runTenant));
    return launch(pipeline, runId, tree, runTenant, List.of(), false);
  }

  /**
   * Resumes a run from the journal: calls it records are not served again; the rest of the run goes on.
   *
   * @throws AtomicException when the journal has no such run, or it is a run of another pipeline
   */
  public Run resume(Pipeline pipeline, String runId) {
    Objects.requireNonNull(pipeline, "pipeline");
    List<JournalEntry> entries = journal.read(runId);
    if (entries.isEmpty() || !(entries.getFirst() instanceof JournalEntry.RunStarted started)) {
      throw new AtomicException("run " + runId + " is not in the journal, so it cannot be resumed");
    }
    if (!started.pipeline().equals(pipeline.name())) {
      throw new AtomicException("run " + runId + " is a run of pipeline '" + started.pipeline() + "', not '"
          + pipeline.name() + "'");
    }
    checkOpen();
    return launch(pipeline, runId, JsonCodec.standard().read(started.requestJson()), started.tenant(), entries, true);
  }

  private Run launch(Pipeline pipeline, String runId, JsonNode request, String runTenant,
      List<JournalEntry> history, boolean resumed) {
    Run run = new Run(runId);
    Instant deadline = runTimeout == null ? null : clock.instant().plus(runTimeout);
    RunObserver.RunWatch watch = watch(pipeline, runId, runTenant, resumed);
    RunDriver driver = new RunDriver(pipeline, run, request, runTenant, deadline, history, journal, executor,
        threads, clock, () -> closed, watch);
    running.add(run);
    run.future().whenComplete((r, e) -> running.remove(run));
    Thread.ofVirtual().name("atomic-run-" + runId).start(driver);
    return run;
  }

  /** Asks the observer on the starting thread, so that it may parent the run on this thread's context. */
  private RunObserver.RunWatch watch(Pipeline pipeline, String runId, String runTenant, boolean resumed) {
    try {
      RunObserver.RunWatch watch = observer.runStarted(runId, pipeline.name(), runTenant, resumed);
      return watch != null ? watch : RunObserver.RunWatch.NONE;
    } catch (Exception e) {
      System.getLogger(EmbeddedEngine.class.getName()).log(System.Logger.Level.WARNING,
          "run observer failed in runStarted for run " + runId, e);
      return RunObserver.RunWatch.NONE;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new AtomicException("the engine is closed");
    }
  }

  /** Abandons every run in progress, as a crash would; they stay resumable from the journal. */
  @Override
  public void close() {
    closed = true;
    for (Run run : running) {
      run.abandon();
    }
    threads.shutdownNow();
  }

  /** The engine's settings; each setter checks its value at once. */
  public static final class Config {
    private Journal journal = new InMemoryJournal();
    private String tenant = Microtask.DEFAULT_TENANT;
    private InstantSource clock = InstantSource.system();
    private Duration runTimeout;
    private RunObserver observer = RunObserver.NONE;

    private Config() {}

    /** What watches each run, to trace or log it (see {@link RunObserver#nested} for more than one); default none. */
    public Config observer(RunObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** Where runs are recorded; default in memory. */
    public Config journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /** Who runs pay as; budgets and learned state are per tenant. */
    public Config tenant(String tenant) {
      Objects.requireNonNull(tenant, "tenant");
      if (tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      this.tenant = tenant;
      return this;
    }

    /** The clock for deadlines. */
    public Config clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a whole run may take; it becomes every microtask's deadline. Default none. */
    public Config runTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("runTimeout must be positive, was " + timeout);
      }
      this.runTimeout = timeout;
      return this;
    }
  }
}
