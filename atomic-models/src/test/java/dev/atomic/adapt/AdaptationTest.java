package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdaptationTest {

  private static final String KIND = "ticket.route";
  private final Synthetic.ClassEmbedder embedder = new Synthetic.ClassEmbedder(8);

  /** A teacher that always knows the class (the digit after "c") and charges for it. */
  static final class Teacher implements Bidder {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "teacher";
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(Bid.of(0.97, 0.01, Duration.ofMillis(500)));
    }

    @Override
    public Answer serve(Microtask task) {
      calls.incrementAndGet();
      String text = task.input().toString();
      return Answer.of("team-" + text.substring(1, 2), 0.01, Duration.ofMillis(500));
    }
  }

  private static Microtask task(int i, int cls) {
    return Microtask.builder(KIND).id("t" + i).input("c" + cls + " ticket " + i).outputType(String.class).build();
  }

  @Test
  void learn_acceptedTeacherOutputs_letTheLocalHeadsTakeOver() {
    Adaptation adaptation = Adaptation.builder(embedder).minLabels(10).build();
    Teacher teacher = new Teacher();
    SplittableRandom random = new SplittableRandom(1);
    try (Exchange exchange = Exchange.builder().seed(5).utility(Utility.of(10, 0))
        .bidder(teacher)
        .bidder(adaptation.logisticHead(KIND, "logistic"))
        .bidder(adaptation.knnHead(KIND, "knn"))
        .build()) {
      int localLate = 0;
      for (int i = 0; i < 400; i++) {
        Microtask task = task(i, random.nextInt(3));
        Execution execution = exchange.execute(task);
        exchange.feedback(execution.decision().id(), Feedback.accepted());
        adaptation.learn(task, execution.output(), Feedback.accepted());
        if (i >= 300 && !execution.servedBy().equals("teacher")) {
          localLate++;
        }
      }
      assertThat(teacher.calls.get()).isGreaterThanOrEqualTo(10);
      assertThat(localLate).isGreaterThan(90);
      assertThat(adaptation.learned()).isEqualTo(400);
      assertThat(adaptation.fewShot(KIND).size()).isEqualTo(256);
    }
  }

  @Test
  void head_beforeMinLabels_abstainsFromBidding() throws Exception {
    Adaptation adaptation = Adaptation.builder(embedder).minLabels(5).build();
    Bidder head = adaptation.logisticHead(KIND, "logistic");
    assertThat(head.bid(task(0, 1))).isEmpty();
    for (int i = 0; i < 5; i++) {
      adaptation.learn(task(i, i % 2), "team-" + i % 2, Feedback.accepted());
    }
    assertThat(head.bid(task(9, 1))).isPresent();
  }

  @Test
  void learn_rejectedOrNonText_isNotALabel() {
    Adaptation adaptation = Adaptation.builder(embedder).build();
    adaptation.logisticHead(KIND, "logistic");
    Microtask numeric = Microtask.builder(KIND).input(42).build();
    assertThat(adaptation.learn(task(1, 1), "team-1", Feedback.rejected())).isFalse();
    assertThat(adaptation.learn(numeric, "team-1", Feedback.accepted())).isFalse();
    assertThat(adaptation.learn(task(1, 1), null, Feedback.accepted())).isFalse();
    assertThat(adaptation.ignored()).isEqualTo(3);
    assertThat(adaptation.learned()).isZero();
  }

  @Test
  void restore_stateThroughJson_givesIdenticalBids() throws Exception {
    Adaptation adaptation = Adaptation.builder(embedder).minLabels(5).build();
    Bidder logistic = adaptation.logisticHead(KIND, "logistic");
    Bidder knn = adaptation.knnHead(KIND, "knn");
    adaptation.presets(KIND, List.of(new DecodingPreset("a", 0, 10, "v"))).observe("a", 1);
    for (int i = 0; i < 60; i++) {
      adaptation.learn(task(i, i % 4), "team-" + i % 4, Feedback.accepted());
    }
    ObjectMapper json = new ObjectMapper();
    String saved = json.writeValueAsString(adaptation.state());

    Adaptation restarted = Adaptation.builder(embedder).minLabels(5).build();
    Bidder logistic2 = restarted.logisticHead(KIND, "logistic");
    Bidder knn2 = restarted.knnHead(KIND, "knn");
    restarted.restore(json.readValue(saved, AdaptationState.class));

    for (int i = 100; i < 120; i++) {
      Microtask t = task(i, i % 4);
      assertThat(logistic2.bid(t).map(Bid::quality)).isEqualTo(logistic.bid(t).map(Bid::quality));
      assertThat(knn2.serve(t).output()).isEqualTo(knn.serve(t).output());
    }
    assertThat(knn.serve(task(7, 3)).usage()).isEqualTo(Usage.model(embedder.id() + " + knn head"));
    assertThat(logistic.serve(task(7, 3)).usage().model()).isEqualTo(embedder.id() + " + logistic head");
    assertThat(restarted.fewShot(KIND).similar("c2 x", 3)).isEqualTo(adaptation.fewShot(KIND).similar("c2 x", 3));
    assertThat(restarted.presets(KIND, List.of()).meanQuality("a")).isEqualTo(2.0 / 3);
    assertThat(json.writeValueAsString(restarted.state())).isEqualTo(saved);
  }

  @Test
  void restore_stateOfAnotherHeadType_changesNothing() {
    Adaptation adaptation = Adaptation.builder(embedder).build();
    adaptation.logisticHead(KIND, "head");
    AdaptationState state = adaptation.state();
    Adaptation other = Adaptation.builder(embedder).build();
    other.knnHead(KIND, "head");
    assertThatThrownBy(() -> other.restore(state)).hasMessageContaining("KnnHead")
        .hasMessageContaining("LogisticHead");
  }

  @Test
  void logisticHead_duplicateId_isRejected() {
    Adaptation adaptation = Adaptation.builder(embedder).build();
    adaptation.logisticHead(KIND, "head");
    assertThatThrownBy(() -> adaptation.knnHead("other.kind", "head")).hasMessageContaining("'head'");
  }

  @Test
  void builder_badValues_areRejectedWithTheValue() {
    assertThatThrownBy(() -> Adaptation.builder(embedder).minLabels(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> Adaptation.builder(embedder).knnCapacity(-3)).hasMessageContaining("was -3");
    assertThatThrownBy(() -> Adaptation.builder(embedder).acceptAtLeast(0)).hasMessageContaining("was 0.0");
  }
}
