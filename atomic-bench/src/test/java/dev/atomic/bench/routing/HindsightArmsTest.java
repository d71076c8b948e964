package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.exchange.Cascade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HindsightArmsTest {

  private static final List<String> MODELS = List.of("a", "b", "dear");

  /** Four prompts: a and b agree and are right on two, disagree on two (a right on one); dear is always right. */
  private static final List<RouterBenchRow> ROWS = List.of(
      Rows.arc("p1", true, "a", "B", true, 0.001, "b", "B", true, 0.001, "dear", "B", true, 0.01),
      Rows.arc("p2", true, "a", "B", true, 0.001, "b", "B", true, 0.001, "dear", "B", true, 0.01),
      Rows.arc("p3", true, "a", "B", true, 0.001, "b", "A", false, 0.001, "dear", "B", true, 0.01),
      Rows.arc("p4", true, "a", "C", false, 0.001, "b", "B", true, 0.001, "dear", "B", true, 0.01));

  private static final Cascade CASCADE = new Cascade("cascade[a+b>dear]", List.of(List.of("a", "b"),
      List.of("dear")), CascadeFamily::choicesAgree, Set.of(Task.ARC.kind()));

  @Test
  void frontier_playsTheCascadeAsTheExchangeServesIt() {
    List<HindsightArms.ArmPoint> arc = HindsightArms.frontier(ROWS, MODELS, List.of(CASCADE)).get(Task.ARC);

    // a: 0.75 at 0.001; the cascade: right on all four, at 0.002 plus dear's 0.01 on the two disagreements.
    assertThat(arc).extracting(HindsightArms.ArmPoint::arm).containsExactly("a", "cascade[a+b>dear]");
    assertThat(arc.getLast().accuracy()).isEqualTo(1.0);
    assertThat(arc.getLast().cost()).isCloseTo(0.002 + 0.01 / 2, within(1e-12));
  }

  @Test
  void cheapestReaching_picksTheCheapestArmThatReachesTheAccuracy() {
    HindsightArms.Assignment reaching = HindsightArms.cheapestReaching(ROWS, MODELS, List.of(CASCADE), 0.9)
        .orElseThrow();

    assertThat(reaching.arms()).isEqualTo(Map.of(Task.ARC, "cascade[a+b>dear]"));
    assertThat(HindsightArms.cheapestReaching(ROWS, MODELS, List.of(CASCADE), 0.7).orElseThrow().arms())
        .isEqualTo(Map.of(Task.ARC, "a"));
  }

  @Test
  void cheapestReaching_beyondEveryArm_isEmpty() {
    List<RouterBenchRow> rows = new ArrayList<>(ROWS);
    rows.add(Rows.arc("p5", true, "a", "C", false, 0.001, "b", "C", false, 0.001, "dear", "C", false, 0.01));

    assertThat(HindsightArms.cheapestReaching(rows, MODELS, List.of(CASCADE), 0.9)).isEmpty();
  }
}
