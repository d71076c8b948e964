package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.models.embed.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnnRouterTest {

  /** Questions of two kinds, A and B, as unit vectors a little apart within each kind and far apart across. */
  static final class ClusterEmbedder implements TextEmbedder {
    @Override
    public String id() {
      return "clusters";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embed(String text) {
      int n = Integer.parseInt(text.replaceAll("\\D", ""));
      double angle = (text.contains("kind A") ? 0 : Math.PI / 2) + 0.001 * n;
      return new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
    }
  }

  /** The cheap model is right on kind A only; the dear one always, at ten times the price. */
  private static RouterBenchRow row(String kind, int n, boolean train) {
    boolean a = kind.equals("A");
    return new RouterBenchRow(kind + n, Task.ARC, train, "Question of kind " + kind + " number " + n + "?",
        Map.of("cheap", a ? 1.0 : 0.0, "dear", 1.0), Map.of("cheap", 0.001, "dear", 0.01),
        Map.of("cheap", a ? "A" : "B", "dear", "A"));
  }

  private static List<RouterBenchRow> rows() {
    List<RouterBenchRow> rows = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      rows.add(row("A", n, n < 30));
      rows.add(row("B", n, n < 30));
    }
    return rows;
  }

  @Test
  void train_choosesANeighbourhoodWithinOneKind_andRoutesEachKindToItsCheapestRightModel() {
    List<RouterBenchRow> rows = rows();
    KnnRouter knn = KnnRouter.train(rows, QuestionFeatures.embed(rows, new ClusterEmbedder()), List.of("cheap", "dear"));

    // 60 train rows, 48 outside each fold: from k = 40 on, a neighbourhood mixes both kinds.
    assertThat(knn.k()).isIn(KnnRouter.K_CANDIDATES).isLessThanOrEqualTo(20);
    CostQuality.Point routed = knn.route(100);
    assertThat(routed.accuracy()).isEqualTo(1.0);
    assertThat(routed.cost()).isCloseTo((0.001 + 0.01) / 2, within(1e-12));
    // Where money is all that counts, the cheap model takes both kinds and is right on half.
    CostQuality.Point thrifty = knn.route(1e6);
    assertThat(thrifty.accuracy()).isEqualTo(0.5);
    assertThat(thrifty.cost()).isCloseTo(0.001, within(1e-12));
  }
}
