package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void estimator_isTheCoreDefaultsWithTheVariantsExploration() {
    assertThat(new Variant(0, 0.5).estimator().explorationScale()).isEqualTo(0.5);
    assertThat(new Variant(0, 0.5).estimator().biasVariance()).isEqualTo(2.0);
  }

  @Test
  void label_namesContextAndExploration() {
    assertThat(new Variant(16, 1.0).label()).isEqualTo("16-dim context, exploration x1 (plain Thompson)");
    assertThat(new Variant(0, 0.5).label()).isEqualTo("no context, exploration x0.5");
    assertThat(new Variant(0, 0.4, true).label())
        .isEqualTo("no context, exploration x0.4, cascades teach dissenters");
  }

  @Test
  void cascades_teachDissentersOnlyWhenTheVariantSaysSo() {
    List<ModelPrice> prices = IntStream.rangeClosed(1, 6).mapToObj(i -> new ModelPrice("m" + i, "together", i, i))
        .toList();

    assertThat(new Variant(0, 0.5, true).cascades(prices)).allMatch(c -> c.verifier().singleCorrectAnswer());
    assertThat(new Variant(0, 0.5).cascades(prices)).noneMatch(c -> c.verifier().singleCorrectAnswer());
  }

  @Test
  void label_namesTheSmallerFamilyAndReputationClaims() {
    assertThat(new Variant(0, 0.4, true, 2, true).label()).isEqualTo("no context, exploration x0.4, cascades teach "
        + "dissenters, cascades without the 2 cheapest, published-reputation claims");
  }

  @Test
  void topTwo_reachesTheEstimatorAndTheLabel() {
    Variant v = new Variant(0, 0.4, true, 0, false, 0.25, false, CascadeFamily.Shape.PAIRS);
    Variant cheaper = new Variant(0, 0.4, true, 0, false, 0.25, true, CascadeFamily.Shape.PAIRS);

    assertThat(v.estimator().topTwoProbability()).isEqualTo(0.25);
    assertThat(new Variant(0, 0.4, true).estimator().topTwoProbability()).isZero();
    assertThat(v.label()).isEqualTo("no context, exploration x0.4, cascades teach dissenters, top-two β=0.25");
    assertThat(cheaper.estimator().cheaperChallengers()).isTrue();
    assertThat(v.estimator().cheaperChallengers()).isFalse();
    assertThat(cheaper.label()).endsWith("top-two β=0.25 (cheaper challengers)");
  }

  @Test
  void claim_isFlatUnlessTheVariantUsesReputation() {
    assertThat(new Variant(0, 0.4, true).claim("gpt-4-1106-preview")).isEqualTo(ReplayBidder.FLAT_CLAIM);
    assertThat(new Variant(0, 0.4, true, 0, true).claim("gpt-4-1106-preview")).isEqualTo(0.864);
    assertThat(new Variant(0, 0.4, true, 0, true).claim("meta/code-llama-instruct-34b-chat"))
        .isEqualTo(ReplayBidder.FLAT_CLAIM);
  }

  @Test
  void cascades_leaveOutTheCheapestWhenTheVariantSaysSo() {
    List<ModelPrice> prices = IntStream.rangeClosed(1, 6).mapToObj(i -> new ModelPrice("m" + i, "together", i, i))
        .toList();

    assertThat(new Variant(0, 0.4, true, 2, false).cascades(prices)).hasSize(3);
  }

  @Test
  void constructor_withImpossibleDimensions_isRejected() {
    assertThatThrownBy(() -> new Variant(385, 1)).hasMessage("context dimensions must be in [0, 384], was 385");
  }

  @Test
  void featureVariance_isTheCoreDefaultUnlessATrialTightensIt() {
    Variant trial = new Variant(32, 0.4, true, 0, false, 0, false, CascadeFamily.Shape.PAIRS, 0.02);

    assertThat(new Variant(16, 0.4, true).estimator().featureVariance()).isEqualTo(0.5);
    assertThat(trial.estimator().featureVariance()).isEqualTo(0.02);
    assertThat(trial.label()).isEqualTo("32-dim context, exploration x0.4, cascades teach dissenters, "
        + "context prior variance 0.02");
    assertThat(new Variant(16, 1.0).label()).doesNotContain("prior variance");
    assertThatThrownBy(() -> new Variant(4, 0.4, true, 0, false, 0, false, CascadeFamily.Shape.PAIRS, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void candidates_areTheDeclaredOnesOrTheFirstAgainstTheContextTrials() {
    assertThat(Variant.candidates("declared")).isEqualTo(Variant.CANDIDATES);
    assertThat(Variant.candidates("context-trials")).first().isEqualTo(Variant.CANDIDATES.getFirst());
    assertThat(Variant.candidates("context-trials")).hasSize(1 + Variant.CONTEXT_TRIALS.size());
    assertThat(Variant.CONTEXT_TRIALS).allMatch(v -> v.dims() > 0);
    assertThatThrownBy(() -> Variant.candidates("all")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void composedTrials_areTheFirstCandidateWithCascadesBelievedFromTheirMembers() {
    Variant first = Variant.CANDIDATES.getFirst();
    assertThat(Variant.candidates("composed-trials")).first().isEqualTo(first);
    assertThat(Variant.candidates("composed-trials")).hasSize(1 + Variant.COMPOSED_TRIALS.size());
    assertThat(Variant.COMPOSED_TRIALS).allMatch(v -> v.estimator().composesCascades())
        .allMatch(v -> v.withCascadeMemberWeight(0).withExplorationScale(first.explorationScale()).dims() == 0);
    assertThat(first.estimator().composesCascades()).isFalse();
    assertThat(first.withCascadeMemberWeight(2).label())
        .isEqualTo(first.label() + ", cascades composed from members (weight 2.0)");
    assertThatThrownBy(() -> first.withCascadeMemberWeight(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
