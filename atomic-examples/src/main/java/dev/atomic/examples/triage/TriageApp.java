package dev.atomic.examples.triage;

import dev.atomic.adapt.Adaptation;
import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.StepResult;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.functions.Atomic;
import dev.atomic.models.embed.RecentEmbeddings;
import dev.atomic.models.embed.TextEmbedder;
import java.util.Objects;
import java.util.Optional;

/**
 * The e-mail triage application, offline on local models: OpenNLP detects the language, VADER the tone, keyword rules
 * and two learned heads (logistic and k-nearest-neighbour over MiniLM embeddings) decide spam and category, a
 * retrieval responder drafts the reply, and the routing policy picks the action. The exchange awards every step;
 * feedback on spam and category teaches both the exchange and the heads, which take the routine work over from the
 * rules as they earn it.
 *
 * <p>Both faces of the library run on the same exchange: the YAML pipeline on the embedded engine ({@link #process}),
 * and the typed functions ({@link #functions()}).
 */
public final class TriageApp implements AutoCloseable {

  private final TriageModels models;
  private final Exchange exchange;
  private final Adaptation adaptation;
  private final EmbeddedEngine engine;
  private final Pipeline pipeline;
  private final Atomic atomic;
  private final EmailTriage functions;
  /**
   * Texts whose vectors are shared by default: far more than the messages in flight at once, since a message's text is
   * needed only while its run and its feedback last.
   */
  public static final int RECENT_TEXTS = 256;

  /** Awards the exchange keeps waiting for feedback. */
  private static final int PENDING_AWARDS = 10_000;

  private final RecentDecisions recent = new RecentDecisions(1_000);

  private TriageApp(TextEmbedder embedder, long seed) {
    this.models = TriageModels.create(embedder);
    this.adaptation = models.adaptation();
    Exchange.Builder builder = Exchange.builder()
        .seed(seed)
        .utility(Utility.of(100, 0.01))
        // Feedback, when it comes, follows its run at once, and only spam and category get any: the awards of the
        // other four steps would otherwise sit in the exchange until 100,000 of them pushed each other out.
        .pendingCapacity(PENDING_AWARDS)
        .listener(recent);
    models.bidders().forEach(builder::bidder);
    this.exchange = builder.build();
    this.pipeline = TriageModels.pipeline();
    this.engine = EmbeddedEngine.create(exchange);
    this.atomic = Atomic.builder().exchange(exchange).learner(adaptation).build();
    this.functions = atomic.functions(EmailTriage.class);
  }

  /**
   * Builds the application on the given sentence embedder (MiniLM, usually), sharing each text's vector between the
   * steps that read it through the last {@link #RECENT_TEXTS} texts.
   */
  public static TriageApp create(TextEmbedder embedder, long seed) {
    return create(embedder, seed, RECENT_TEXTS);
  }

  /**
   * Builds the application with {@code recentTexts} vectors shared between steps. The spam and category steps read the
   * same text, and each of their four heads embeds it to bid, the winner to serve, and the feedback to learn: with
   * sharing, a message is embedded once. With {@code recentTexts} 0 every one of those calls reaches the model (to
   * measure what sharing saves). The caller keeps ownership of {@code embedder} and closes it.
   */
  public static TriageApp create(TextEmbedder embedder, long seed, int recentTexts) {
    Objects.requireNonNull(embedder, "embedder");
    if (recentTexts < 0) {
      throw new IllegalArgumentException("recentTexts must be 0 (no sharing) or more, was " + recentTexts);
    }
    return new TriageApp(recentTexts == 0 ? embedder : RecentEmbeddings.of(embedder, recentTexts), seed);
  }

  /** Runs the triage pipeline on one e-mail. */
  public RunResult process(Email email) {
    return engine.start(pipeline, email, "triage-" + email.id()).await();
  }

  /**
   * Tells the exchange and the heads the truth about a processed e-mail's spam and category steps, as a person
   * reviewing it would: the decision's server is credited or debited, and the true labels teach the heads.
   */
  public void teach(RunResult run, Email email, Spam spam, Category category) {
    teach(run.step("spam"), "email.spam", email, spam.name());
    teach(run.step("category"), "email.category", email, category.name());
  }

  private void teach(StepResult step, String kind, Email email, String truth) {
    if (step == null || step.status() != StepResult.Status.COMPLETED || step.calls().isEmpty()) {
      return;
    }
    CallOutcome call = step.calls().getFirst();
    boolean right = step.output().asText().equals(truth);
    exchange.feedback(call.decisionId(), right ? Feedback.accepted() : Feedback.rejected());
    models.teach(kind, email, truth);
  }

  /** One of the last thousand decisions, to explain it. */
  public Optional<Decision> decision(String id) {
    return recent.find(id);
  }

  /** The same microtasks as typed functions. */
  public EmailTriage functions() {
    return functions;
  }

  public Exchange exchange() {
    return exchange;
  }

  public Adaptation adaptation() {
    return adaptation;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  @Override
  public void close() {
    atomic.close();
    engine.close();
    exchange.close();
  }
}
