package dev.atomic.examples.triage;

import dev.atomic.adapt.Adaptation;
import dev.atomic.bidding.Bidder;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.StepKinds;
import dev.atomic.engine.yaml.PipelineYaml;
import dev.atomic.exchange.Feedback;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.models.local.ComputeCost;
import dev.atomic.models.local.LanguageBidder;
import dev.atomic.models.local.VaderSentiment;
import dev.atomic.output.StructuredOutput;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The triage's models and pipeline, for any exchange: the standalone {@link TriageApp} registers them on its own, the
 * service demo on the server's. The heads of {@link #adaptation()} learn from {@link #teach}.
 */
public final class TriageModels {

  private final Adaptation adaptation;
  private final List<Bidder> bidders;

  private TriageModels(TextEmbedder embedder) {
    this.adaptation = Adaptation.builder(embedder).minLabels(8).build();
    this.bidders = List.of(
        new KeywordRules("keyword-rules"),
        adaptation.logisticHead("email.spam", "spam-logistic"),
        adaptation.knnHead("email.spam", "spam-knn"),
        adaptation.logisticHead("email.category", "category-logistic"),
        adaptation.knnHead("email.category", "category-knn"),
        LanguageBidder.load("opennlp-langdetect", "email.language", ComputeCost.defaults()),
        new VaderTone(VaderSentiment.load()),
        new ReplyResponder(),
        new ActionRules());
  }

  /** Loads the local models (language detector, lexicon) and makes fresh heads over the embedder. */
  public static TriageModels create(TextEmbedder embedder) {
    return new TriageModels(Objects.requireNonNull(embedder, "embedder"));
  }

  /** Every bidder of the triage, to register on an exchange. */
  public List<Bidder> bidders() {
    return bidders;
  }

  /** The learning heads and their few-shot stores. */
  public Adaptation adaptation() {
    return adaptation;
  }

  /** Teaches the heads of a kind the true label of an e-mail, as a reviewer's correction does. */
  public void teach(String kind, Email email, String label) {
    String text = email.subject() + "\n" + email.body();
    adaptation.learn(Microtask.builder(kind).input(text).build(), label, Feedback.accepted());
  }

  /** The kinds of the triage with their input and output types. */
  public static StepKinds kinds() {
    return StepKinds.builder()
        .type("Email", Email.class)
        .kind("email.language", String.class, String.class)
        .kind("email.spam", String.class, Spam.class, StructuredOutput.of(Spam.class).check())
        .kind("email.category", String.class, Category.class, StructuredOutput.of(Category.class).check())
        .kind("email.sentiment", String.class, Sentiment.class, StructuredOutput.of(Sentiment.class).check())
        .kind("email.reply", ReplyRequest.class, ReplyDraft.class)
        .kind("email.action", ActionRequest.class, Action.class)
        .build();
  }

  /** The triage pipeline, {@code triage/email-triage.yaml}. */
  public static Pipeline pipeline() {
    return PipelineYaml.parse("triage/email-triage.yaml", resource("/triage/email-triage.yaml"), kinds());
  }

  private static String resource(String name) {
    try (InputStream in = TriageModels.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
