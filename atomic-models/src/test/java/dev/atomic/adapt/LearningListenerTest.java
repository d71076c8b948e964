package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearningListenerTest {

  private static final String KIND = "ticket.route";

  private static Microtask task(int i) {
    return Microtask.builder(KIND).id("t" + i).input("c" + (i % 3) + " ticket " + i).outputType(String.class).build();
  }

  @Test
  void feedbackGivenToTheExchange_teachesTheHeadsTheServedOutput() {
    Adaptation adaptation = Adaptation.builder(new Synthetic.ClassEmbedder(8)).minLabels(1).build();
    LearningListener listener = new LearningListener(adaptation, 100);
    try (Exchange exchange = Exchange.builder().seed(2).bidder(new AdaptationTest.Teacher())
        .bidder(adaptation.knnHead(KIND, "knn")).listener(listener).build()) {
      List<Execution> served = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        served.add(exchange.execute(task(i)));
      }
      assertThat(listener.waiting()).isEqualTo(6);
      for (int i = 0; i < served.size(); i++) {
        // Rejected answers are not labels: only the accepted ones teach.
        exchange.feedback(served.get(i).decision().id(), i < 4 ? Feedback.accepted() : Feedback.rejected());
      }
      assertThat(adaptation.learned()).isEqualTo(4);
      assertThat(adaptation.ignored()).isEqualTo(2);
      assertThat(listener.waiting()).isZero();
    }
  }

  @Test
  void capacity_bounded_forgetsTheOldestAndRejectsNonsense() {
    Adaptation adaptation = Adaptation.builder(new Synthetic.ClassEmbedder(8)).build();
    LearningListener listener = new LearningListener(adaptation, 2);
    try (Exchange exchange = Exchange.builder().seed(2).bidder(new AdaptationTest.Teacher()).listener(listener)
        .build()) {
      Execution oldest = exchange.execute(task(0));
      exchange.execute(task(1));
      exchange.execute(task(2));
      assertThat(listener.waiting()).isEqualTo(2);
      exchange.feedback(oldest.decision().id(), Feedback.accepted());
      assertThat(adaptation.learned()).isZero();
    }
    assertThatThrownBy(() -> new LearningListener(adaptation, 0)).hasMessageContaining("capacity");
  }

  @Test
  void feedbackOnWhatLeftMemory_isTaughtFromTheRecall() {
    Adaptation adaptation = Adaptation.builder(new Synthetic.ClassEmbedder(8)).build();
    List<String> recalled = new ArrayList<>();
    LearningListener.Recall ledger = decisionId -> {
      recalled.add(decisionId);
      return Optional.of(new LearningListener.Served(task(7), "c1"));
    };
    // Capacity 1: the first execution has left memory by the time its feedback comes.
    LearningListener listener = new LearningListener(adaptation, 1, ledger);
    try (Exchange exchange = Exchange.builder().seed(2).bidder(new AdaptationTest.Teacher())
        .bidder(adaptation.knnHead(KIND, "knn")).listener(listener).build()) {
      Execution first = exchange.execute(task(0));
      Execution second = exchange.execute(task(1));

      exchange.feedback(second.decision().id(), Feedback.accepted());
      exchange.feedback(first.decision().id(), Feedback.accepted());

      assertThat(recalled).containsExactly(first.decision().id());
      assertThat(adaptation.learned()).isEqualTo(2);
    }
  }

  @Test
  void recallThatFails_costsTheLessonNotTheFeedback() {
    Adaptation adaptation = Adaptation.builder(new Synthetic.ClassEmbedder(8)).build();
    LearningListener listener = new LearningListener(adaptation, 1, decisionId -> {
      throw new IllegalStateException("ledger unavailable");
    });
    try (Exchange exchange = Exchange.builder().seed(2).bidder(new AdaptationTest.Teacher())
        .bidder(adaptation.knnHead(KIND, "knn")).listener(listener).build()) {
      Execution first = exchange.execute(task(0));
      exchange.execute(task(1));

      exchange.feedback(first.decision().id(), Feedback.accepted());

      assertThat(adaptation.learned()).isZero();
      assertThat(listener.waiting()).isEqualTo(1);
    }
  }
}
