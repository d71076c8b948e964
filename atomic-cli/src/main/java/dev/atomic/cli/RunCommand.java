package dev.atomic.cli;

import dev.atomic.bidding.Bidder;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.StepKinds;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.yaml.PipelineYaml;
import dev.atomic.examples.triage.TriageModels;
import dev.atomic.exchange.Exchange;
import dev.atomic.models.config.ConfiguredModels;
import dev.atomic.models.config.ModelSpec;
import dev.atomic.models.config.ModelsConfig;
import dev.atomic.models.embed.EmbeddingCache;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.server.ServerConfig;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atomic run PIPELINE --input FILE.jsonl}: runs a pipeline over a JSON-lines file on the embedded engine, one
 * request per line (several in flight, results in input order), with the configured models as bidders (plus the triage's local models for the bundled
 * {@code email-triage} pipeline), and writes one result line per request.
 *
 * <p>Step kinds: the e-mail triage's kinds ({@link TriageModels#kinds()}) are always registered; every other kind a
 * configured model lists under {@code kinds:} is registered as text in, text out. Kinds with other types are registered
 * in Java, with {@code StepKinds.builder()}, by programs that embed the engine.
 */
@Command(name = "run", description = "Run a pipeline over a JSON-lines file on the embedded engine; one result line "
    + "per request.")
final class RunCommand implements Callable<Integer> {

  static final String BUNDLED_TRIAGE = "email-triage";

  @Parameters(index = "0", paramLabel = "PIPELINE",
      description = "a pipeline YAML file, or '" + BUNDLED_TRIAGE + "' for the bundled e-mail triage")
  String pipelineArgument;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "one JSON request per line")
  Path input;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration whose models: serve the steps")
  Path config;

  @Option(names = "--out", paramLabel = "FILE", description = "where result lines go (default: standard output)")
  Path out;

  @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
      description = "requests in flight at once (default ${DEFAULT-VALUE}); results keep the input's order")
  int parallel;

  Path embeddingCache = Path.of(System.getProperty("user.home"), ".cache", "atomic", "minilm-embeddings.bin");
  PrintStream stdout = System.out;
  PrintStream err = System.err;
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws IOException {
    if (parallel < 1 || parallel > 1024) {
      err.println("--parallel must be in [1, 1024], was " + parallel);
      return 2;
    }
    if (!Files.isRegularFile(input)) {
      err.println("no input file at " + input.toAbsolutePath());
      return 2;
    }
    ServerConfig settings;
    ModelsConfig specs;
    try {
      if (config != null && !Files.isRegularFile(config)) {
        throw new IllegalArgumentException("no configuration file at " + config.toAbsolutePath());
      }
      settings = ServerConfig.load(config, environment);
      specs = ModelSetup.specs(config);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    StepKinds kinds = kinds(specs);
    Pipeline pipeline;
    try {
      pipeline = pipeline(kinds);
    } catch (PipelineException e) {
      err.println("pipeline " + e.getMessage());
      if (e.getMessage().contains("kind")) {
        err.println("Registered kinds: " + kinds.kindNames() + ". A model in the configuration's models: section "
            + "registers the kinds it lists (text in, text out).");
      }
      return 2;
    } catch (UncheckedIOException e) {
      // The cause's message alone: "java.io.IOException: " in front of it tells the user nothing.
      err.println(e.getCause().getMessage());
      return 2;
    }
    boolean triage = pipeline.name().equals(BUNDLED_TRIAGE);
    try (ConfiguredModels models = ConfiguredModels.create(specs, ModelSetup.secrets(environment));
        EmbeddingCache embedder = triage ? EmbeddingCache.open(new MiniLmEmbedder(), embeddingCache) : null) {
      List<Bidder> bidders = new ArrayList<>(models.bidders());
      if (triage) {
        bidders.addAll(TriageModels.create(embedder).bidders());
      }
      if (bidders.isEmpty()) {
        err.println("no bidders: declare models in the configuration's models: section (--config FILE)");
        return 2;
      }
      return run(pipeline, bidders, settings);
    } catch (IllegalArgumentException e) {
      // A model that cannot be built: a missing key, an unpriced model, a missing file. The message names the entry.
      err.println(e.getMessage());
      return 2;
    }
  }

  private int run(Pipeline pipeline, List<Bidder> bidders, ServerConfig settings) throws IOException {
    Exchange.Builder exchangeBuilder = Exchange.builder().utility(settings.utility());
    if (settings.seed() != null) {
      exchangeBuilder.seed(settings.seed());
    }
    bidders.forEach(exchangeBuilder::bidder);
    long total;
    try (Stream<String> lines = Files.lines(input, StandardCharsets.UTF_8)) {
      total = lines.filter(l -> !l.isBlank()).count();
    }
    err.printf("Running pipeline '%s' over %d requests from %s with %d bidders%n", pipeline.name(), total, input,
        bidders.size());
    BatchRun.Summary summary;
    try (Exchange exchange = exchangeBuilder.build();
        EmbeddedEngine engine = EmbeddedEngine.create(exchange);
        BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        Writer results = out == null
            ? new OutputStreamWriter(unclosable(stdout), StandardCharsets.UTF_8)
            : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      summary = new BatchRun(engine, pipeline, input.toString(), parallel, err).run(reader, total, results);
    }
    err.print(summary.describe());
    if (out != null) {
      err.println("Results: " + out);
    }
    return summary.failed() + summary.invalid() == 0 ? 0 : 1;
  }

  private Pipeline pipeline(StepKinds kinds) {
    Path file = Path.of(pipelineArgument);
    if (pipelineArgument.equals(BUNDLED_TRIAGE) && !Files.exists(file)) {
      return TriageModels.pipeline();
    }
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(new IOException("no pipeline file at " + file.toAbsolutePath()
          + " (or name the bundled one: " + BUNDLED_TRIAGE + ")"));
    }
    return PipelineYaml.load(file, kinds);
  }

  /** The triage's kinds, and every other kind a configured model serves, as text to text. */
  static StepKinds kinds(ModelsConfig specs) {
    StepKinds triage = TriageModels.kinds();
    StepKinds.Builder builder = StepKinds.builder();
    triage.typeNames().forEach(name -> builder.type(name, triage.type(name).orElseThrow()));
    triage.kindNames().forEach(name -> builder.kind(triage.kind(name).orElseThrow()));
    specs.models().stream().map(ModelSpec::kinds).flatMap(java.util.Set::stream).distinct()
        .filter(kind -> triage.kind(kind).isEmpty())
        .sorted()
        .forEach(kind -> builder.kind(kind, String.class, String.class));
    return builder.build();
  }

  /** Standard output stays open after the results are written: the summary follows, and tests capture it. */
  private static OutputStream unclosable(PrintStream stream) {
    return new FilterOutputStream(stream) {
      @Override
      public void write(byte[] bytes, int offset, int length) {
        stream.write(bytes, offset, length);
      }

      @Override
      public void close() {
        stream.flush();
      }
    };
  }
}
