package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.List;
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
}
