package dev.atomic.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.Fixtures.Reply;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.ScriptedBidder;
import dev.atomic.exchange.Exchange;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Temporal's test server on a loopback port, with workers and a client that reach it over gRPC as they would a real
 * cluster: a worker dies in the middle of a run, a new one takes over, and finished steps are not served again.
 */
class TemporalNetworkTest {

  private static final long SAFETY_SECONDS = 60;
  private static final String QUEUE = "atomic-net";

  private final Pipeline triage = Fixtures.pipeline("email-triage.yaml");
  private final ScriptedBidder bidder = Fixtures.bidder();
  private TestServer.PortBoundTestServer server;
  private WorkflowServiceStubs service;
  private WorkflowClient client;

  @BeforeEach
  void startServer() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port);
    service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  @AfterEach
  void stopServer() {
    service.shutdownNow();
    server.close();
  }

  private WorkerFactory worker(Exchange exchange, WorkerFactoryOptions options, WorkerOptions workerOptions) {
    WorkerFactory factory = WorkerFactory.newInstance(client, options);
    Worker worker = factory.newWorker(QUEUE, workerOptions);
    TemporalWorker.register(worker, exchange, List.of(triage),
        cfg -> cfg.defaultStepTimeout(Duration.ofSeconds(3)).redeliveryInterval(Duration.ofMillis(100)));
    factory.start();
    return factory;
  }

  @Test
  void start_overTheNetwork_runsThePipeline() throws Exception {
    try (Exchange exchange = Fixtures.exchange(bidder)) {
      WorkerFactory factory = worker(exchange, WorkerFactoryOptions.getDefaultInstance(),
          WorkerOptions.getDefaultInstance());
      try {
        TemporalEngine engine = TemporalEngine.create(client, cfg -> cfg.taskQueue(QUEUE));

        RunResult result = engine.start(triage, Fixtures.ham(), "net-1").get(SAFETY_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
        assertThat(result.output("reply", Reply.class).text()).startsWith("Re: Meeting on Monday");
      } finally {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void workerDiesMidRun_newWorkerFinishesWithoutServingOrAuctioningFinishedStepsAgain() throws Exception {
    TemporalEngine engine = TemporalEngine.create(client, cfg -> cfg.taskQueue(QUEUE));
    bidder.hold("email.reply");
    CompletableFuture<RunResult> run;
    try (Exchange first = Fixtures.exchange(bidder)) {
      // A real cluster moves a dead worker's sticky queue back to the shared one after a timeout; the test server never
      // does, so the dying worker keeps no workflow cache and asks for no sticky queue (a zero timeout turns it off).
      // The next worker then gets the workflow at once and must replay its history.
      WorkerFactory dying = worker(first, WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build(),
          WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
      run = engine.start(triage, Fixtures.ham(), "net-crash-1");
      bidder.awaitHeld();

      dying.shutdownNow();
      dying.awaitTermination(10, TimeUnit.SECONDS);
    }
    bidder.release();

    try (Exchange second = Fixtures.exchange(bidder)) {
      WorkerFactory survivor = worker(second, WorkerFactoryOptions.getDefaultInstance(),
          WorkerOptions.getDefaultInstance());
      try {
        RunResult result = run.get(SAFETY_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
        assertThat(result.output("reply", Reply.class).text()).startsWith("Re: Meeting on Monday");
      } finally {
        survivor.shutdownNow();
        survivor.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
    // The history held every finished award: the replay neither auctioned nor served them again.
    assertThat(bidder.bids("email.spam")).isEqualTo(1);
    assertThat(bidder.serves("email.spam")).isEqualTo(1);
    assertThat(bidder.serves("text.summary")).isEqualTo(1);
    assertThat(bidder.serves("text.tag")).isEqualTo(2);
    // Only the reply, in flight when the worker died, was served again.
    assertThat(bidder.serves("email.reply")).isEqualTo(2);
  }
}
