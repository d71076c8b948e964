package dev.atomic.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.adapt.Learner;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.TokenSink;
import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Exchange;
import dev.atomic.models.llm.Prompt;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionsTest {

  enum Category { BILLING, TECHNICAL, OTHER }

  record SpamVerdict(boolean spam, String reason) {}

  @Limits(maxCostUsd = 0.05)
  interface Triage {
    @Task("email.category")
    Category category(String email);

    @Task("email.spam")
    @Instructions("Decide whether this e-mail from {{sender}} is spam.\nE-mail:\n{{email}}")
    SpamVerdict spam(@Text String email, String sender);

    @Task("email.spam")
    @Instructions("Decide whether this e-mail from {{sender}} is spam.\nE-mail:\n{{email}}")
    Result<SpamVerdict> spamWithDecision(@Text String email, String sender);

    @Task("email.spam")
    @Instructions("Decide whether this e-mail from {{sender}} is spam.\nE-mail:\n{{email}}")
    CompletableFuture<SpamVerdict> spamLater(@Text String email, String sender);

    @Task("email.spam")
    @Instructions("Decide whether this e-mail from {{sender}} is spam.\nE-mail:\n{{email}}")
    SpamVerdict spamStreaming(@Text String email, String sender, Consumer<SpamVerdict> partial);

    default String describe() {
      return "triage";
    }
  }

  /** A model that reads the rendered prompt and answers with whatever text the test gives it. */
  static final class PromptedBidder implements Bidder {
    final String id;
    final double quality;
    final double cost;
    final Function<Prompt, String> answer;
    final List<Prompt> seen = new CopyOnWriteArrayList<>();

    PromptedBidder(String id, double quality, double cost, Function<Prompt, String> answer) {
      this.id = id;
      this.quality = quality;
      this.cost = cost;
      this.answer = answer;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Inputs.as(task.input(), Prompt.class).map(p -> Bid.of(quality, cost, Duration.ofMillis(300)));
    }

    @Override
    public Answer serve(Microtask task) {
      Prompt prompt = Inputs.as(task.input(), Prompt.class).orElseThrow();
      seen.add(prompt);
      String text = answer.apply(prompt);
      Inputs.as(task.input(), TokenSink.class).ifPresent(sink -> {
        for (int i = 0; i < text.length(); i += 7) {
          sink.accept(text.substring(i, Math.min(text.length(), i + 7)));
        }
      });
      return Answer.of(text, cost, Duration.ofMillis(300));
    }
  }

  /** A local classifier that needs no prompt: it reads the text and answers a label. */
  static final class LocalLabeler implements Bidder {
    final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "local";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return task.kind().equals("email.category") ? Inputs.text(task.input()).map(t -> Bid.of(0.9, 0.00001,
          Duration.ofMillis(2))) : Optional.empty();
    }

    @Override
    public Answer serve(Microtask task) {
      String text = Inputs.text(task.input()).orElseThrow();
      texts.add(text);
      return Answer.of(text.contains("invoice") ? "billing" : "Other", 0.00001, Duration.ofMillis(2));
    }
  }

  private final List<String> learned = new CopyOnWriteArrayList<>();
  private final Learner learner = (task, output, feedback) -> learned.add(task.kind() + "=" + output + "@"
      + feedback.quality());
  private Exchange exchange;
  private Atomic atomic;

  private Triage triage(Bidder... bidders) {
    Exchange.Builder b = Exchange.builder().seed(3).estimator(new EstimatorConfig(1e-6, 1e-6, 0, 1));
    for (Bidder bidder : bidders) {
      b.bidder(bidder);
    }
    exchange = b.build();
    atomic = Atomic.builder().exchange(exchange).learner(learner).build();
    return atomic.functions(Triage.class);
  }

  @AfterEach
  void close() {
    if (atomic != null) {
      atomic.close();
    }
    if (exchange != null) {
      exchange.close();
    }
  }

  @Test
  void call_localModelServesTheContractWithoutAPrompt() {
    LocalLabeler local = new LocalLabeler();
    Triage triage = triage(local);
    assertThat(triage.category("Please find the invoice attached")).isEqualTo(Category.BILLING);
    assertThat(triage.category("hello")).isEqualTo(Category.OTHER);
    assertThat(local.texts).containsExactly("Please find the invoice attached", "hello");
    assertThat(triage.describe()).isEqualTo("triage");
  }

  @Test
  void call_rendersTheTemplateAndParsesWhatTheModelWrote() {
    PromptedBidder llm = new PromptedBidder("llm", 0.9, 0.001,
        p -> "Sure! Here it is:\n```json\n{spam: True, 'reason': 'lottery win',}\n```");
    Triage triage = triage(llm);
    SpamVerdict verdict = triage.spam("You won the lottery", "promo@example.com");
    assertThat(verdict).isEqualTo(new SpamVerdict(true, "lottery win"));
    Prompt prompt = llm.seen.getFirst();
    assertThat(prompt.user()).startsWith("Decide whether this e-mail from promo@example.com is spam.\nE-mail:\n"
        + "You won the lottery").contains("Answer with JSON matching this type");
    assertThat(prompt.jsonSchema()).contains("\"spam\"").contains("\"reason\"");
  }

  @Test
  void call_failingModelIsEscalatedTransparently() {
    PromptedBidder garbage = new PromptedBidder("garbage", 0.99, 0.0001, p -> "I cannot help with that.");
    PromptedBidder good = new PromptedBidder("good", 0.8, 0.002, p -> "{\"spam\": false, \"reason\": \"a colleague\"}");
    Triage triage = triage(garbage, good);
    Result<SpamVerdict> result = triage.spamWithDecision("Lunch at noon?", "bob@example.com");
    assertThat(result.value()).isEqualTo(new SpamVerdict(false, "a colleague"));
    assertThat(result.servedBy()).isEqualTo("good");
    assertThat(result.execution().attempts()).extracting(Attempt::arm, Attempt::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("garbage", Attempt.Status.REJECTED),
        org.assertj.core.groups.Tuple.tuple("good", Attempt.Status.SUCCEEDED));
    assertThat(result.costUsd()).isEqualTo(0.0021, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void result_feedbackReachesTheEstimatorAndTheLearner() {
    PromptedBidder llm = new PromptedBidder("llm", 0.9, 0.001, p -> "{\"spam\": true, \"reason\": \"x\"}");
    Triage triage = triage(llm);
    Result<SpamVerdict> first = triage.spamWithDecision("a", "s");
    first.feedback().accept();
    Result<SpamVerdict> second = triage.spamWithDecision("b", "s");
    second.feedback().correct(new SpamVerdict(false, "a friend"));
    assertThat(learned).containsExactly("email.spam=" + new SpamVerdict(true, "x") + "@1.0",
        "email.spam=" + new SpamVerdict(false, "a friend") + "@1.0");
    EstimatorSnapshot.Arm arm = exchange.snapshot().arms().stream()
        .filter(a -> a.arm().equals("llm")).findFirst().orElseThrow();
    assertThat(arm.observations()).isEqualTo(2.0);
    assertThat(result(first).decision().winner()).isEqualTo("llm");
    assertThatThrownBy(() -> first.feedback().reject()).hasMessageContaining("already has feedback");
  }

  private static <T> Result<T> result(Result<T> r) {
    return r;
  }

  @Test
  void future_completesWithTheValue() throws Exception {
    Triage triage = triage(new PromptedBidder("llm", 0.9, 0.001, p -> "{\"spam\": false, \"reason\": \"ok\"}"));
    assertThat(triage.spamLater("hi", "s").get()).isEqualTo(new SpamVerdict(false, "ok"));
  }

  @Test
  void streaming_deliversPartialTypedValuesThenTheWhole() {
    Triage triage = triage(new PromptedBidder("llm", 0.9, 0.001,
        p -> "{\"spam\": true, \"reason\": \"a very long reason that arrives in pieces\"}"));
    List<SpamVerdict> partials = new CopyOnWriteArrayList<>();
    SpamVerdict whole = triage.spamStreaming("hi", "s", partials::add);
    assertThat(whole).isEqualTo(new SpamVerdict(true, "a very long reason that arrives in pieces"));
    assertThat(partials).isNotEmpty();
    assertThat(partials.getFirst().reason()).isNull();
    assertThat(partials.getLast()).isEqualTo(whole);
    for (SpamVerdict p : partials) {
      assertThat(p.reason() == null || whole.reason().equals(p.reason())).as("no half-read string leaks: %s", p)
          .isTrue();
    }
  }

  interface NoTask {
    String f(String x);
  }

  interface UnknownPlaceholder {
    @Task("a.b")
    @Instructions("Hello {{nobody}}")
    String f(String x);
  }

  interface VoidReturn {
    @Task("a.b")
    void f(String x);
  }

  interface RawFuture {
    @Task("a.b")
    @SuppressWarnings("rawtypes")
    CompletableFuture f(String x);
  }

  interface BadLimits {
    @Task("a.b")
    @Limits(minQuality = 2)
    String f(String x);
  }

  interface TwoTexts {
    @Task("a.b")
    String f(@Text String x, @Text String y);
  }

  interface BadKind {
    @Task("Not A Kind")
    String f(String x);
  }

  interface WrongListener {
    @Task("a.b")
    String f(String x, Consumer<Integer> partial);
  }

  @Test
  void functions_badInterfaces_failAtCreationNamingTheMethod() {
    triage();
    assertThatThrownBy(() -> atomic.functions(NoTask.class)).hasMessageContaining("NoTask.f: has no @Task");
    assertThatThrownBy(() -> atomic.functions(UnknownPlaceholder.class))
        .hasMessageContaining("UnknownPlaceholder.f").hasMessageContaining("{{nobody}}").hasMessageContaining("[x]");
    assertThatThrownBy(() -> atomic.functions(VoidReturn.class)).hasMessageContaining("VoidReturn.f: returns void");
    assertThatThrownBy(() -> atomic.functions(RawFuture.class)).hasMessageContaining("raw CompletableFuture");
    assertThatThrownBy(() -> atomic.functions(BadLimits.class)).hasMessageContaining("BadLimits.f: @Limits")
        .hasMessageContaining("2.0");
    assertThatThrownBy(() -> atomic.functions(TwoTexts.class)).hasMessageContaining("two @Text");
    assertThatThrownBy(() -> atomic.functions(BadKind.class)).hasMessageContaining("BadKind.f")
        .hasMessageContaining("Not A Kind");
    assertThatThrownBy(() -> atomic.functions(WrongListener.class)).hasMessageContaining("Consumer<java.lang.Integer>");
    assertThatThrownBy(() -> atomic.functions(String.class)).hasMessageContaining("not an interface");
  }

  @Test
  void call_limitsOfTheInterfaceApply() {
    PromptedBidder pricey = new PromptedBidder("pricey", 0.99, 0.5, p -> "{\"spam\": true, \"reason\": \"x\"}");
    Triage triage = triage(pricey);
    assertThatThrownBy(() -> triage.spam("x", "y")).hasMessageContaining("COST");
  }
}
