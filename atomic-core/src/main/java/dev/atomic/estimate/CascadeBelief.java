package dev.atomic.estimate;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * What the exchange believes of a cascade, composed from what it has learned about the cascade's members and about
 * how its stages behave, instead of learning the cascade alone as one more arm.
 *
 * <p>Why. A cascade shares its members with other arms: every cheap model is a bidder of its own and a member of several
 * cascades, and every cascade escalates to the same strong model. Learned alone, each cascade starts from nothing and
 * learns only from its own awards; composed, it is believed from the start from what every award that called its members
 * taught, and its own awards only have to teach what is specific to it: how often its stages stop it, and how often a
 * stage that stops it is right.
 *
 * <p>Model. Stage {@code s} of {@code n} is reached with probability {@code R_s} ({@code R_1 = 1},
 * {@code R_{s+1} = R_s (1 − h_s)}), where {@code h_s} is the probability that its verifier accepts its answers once it
 * is reached ({@code h_n = 1}: the last stage always answers). An answer from stage {@code s} is right with probability
 * {@code r_s}. Then
 * <pre>
 *   quality = Σ_s R_s h_s r_s      cost = Σ_s R_s · Σ_{m ∈ s} cost_m      latency = Σ_s R_s · max_{m ∈ s} latency_m
 * </pre>
 * For two cheap models that must agree before a strong one: {@code P(agree and right) + P(disagree) · q(escalation)},
 * and {@code cost(pair) + P(disagree) · cost(strong)}.
 * <ul>
 *   <li>{@code h_s ~ Beta(1 + stops, 1 + passes)}: uniform before the cascade is tried (its mean, ½, is the escalation
 *       share a cascade's claim assumes), then learned from every award of the cascade, at serve time.
 *   <li>{@code r_s ~ Beta(w·m_s + right_s, w·(1 − m_s) + wrong_s)}: centred, before the stage's own outcomes, on
 *       {@code m_s}, the success rate of the stage's best member as learned from every award that called it (alone or
 *       in any cascade), worth {@code w} outcomes ({@link EstimatorConfig#cascadeMemberWeight()}). The best member is a
 *       cautious guess for an accepted stage (agreement usually does better) and an optimistic one for the last stage
 *       (it answers what the cheaper stages could not); the stage's own outcomes correct both.
 *   <li>Members' costs and latencies are their own expected ones (claims corrected by their track records).
 * </ul>
 *
 * <p>Exploration stays Thompson sampling over the components ({@link #sample}): each member's success rate is drawn
 * from its own posterior (the caller passes the draw, so the auction can use one draw per member for the member's own
 * bid and every cascade containing it: one joint sample of everything the exchange believes), then each {@code h_s} and
 * {@code r_s} from its Beta posterior, and the draws are composed. The exploration scale multiplies the posterior's
 * spread as it does for arms ({@link Estimate#sample(RandomGenerator, double)}): a Beta's concentration is divided by its
 * square.
 *
 * @param stages the cascade's stages, first to last, each with its members' beliefs and its own record
 * @param memberWeight how many outcomes a stage's members' record is worth; above 0
 */
public record CascadeBelief(List<Stage> stages, double memberWeight) {

  /** Pseudo-counts of the uniform prior on each stage's stopping probability. */
  static final double STOP_PRIOR = 1.0;
  /** Keeps a member's rate off 0 and 1, where a Beta prior centred on it would be degenerate. */
  private static final double RATE_EPSILON = 1e-4;

  /** A member of a stage: its arm and the exchange's belief about it, as its own bid would be judged. */
  public record Member(String arm, Estimate estimate) {
    public Member {
      Objects.requireNonNull(arm, "arm");
      Objects.requireNonNull(estimate, "estimate");
    }
  }

  /**
   * One stage: its members, and what its own record says (counts may be fractional: a graded outcome counts in part as
   * right and in part as wrong).
   *
   * @param stops awards in which this stage was reached and its verifier accepted (never counted for the last stage)
   * @param passes awards in which this stage was reached and the cascade went on to the next
   * @param right summed quality of the answers this stage returned
   * @param wrong summed shortfall (1 − quality) of those answers
   */
  public record Stage(List<Member> members, double stops, double passes, double right, double wrong) {
    public Stage {
      members = List.copyOf(members);
      if (members.isEmpty()) {
        throw new IllegalArgumentException("a cascade stage needs at least one member");
      }
      for (double count : new double[] {stops, passes, right, wrong}) {
        if (!(count >= 0) || Double.isInfinite(count)) {
          throw new IllegalArgumentException("stage counts must be finite and >= 0, were " + stops + ", " + passes
              + ", " + right + ", " + wrong);
        }
      }
    }
  }

  /** One joint draw of the cascade's quality, with the cost and latency its drawn stopping probabilities imply. */
  public record Draw(double quality, double costUsd, double latencyMs) {}

  public CascadeBelief {
    stages = List.copyOf(stages);
    if (stages.size() < 2) {
      throw new IllegalArgumentException("a cascade has at least two stages, this belief has " + stages.size());
    }
    if (!(memberWeight > 0) || Double.isInfinite(memberWeight)) {
      throw new IllegalArgumentException("memberWeight must be finite and > 0, was " + memberWeight);
    }
  }

  /** The posterior mean of the cascade's quality (components' means composed; they are independent a posteriori). */
  public double meanQuality() {
    double reach = 1;
    double quality = 0;
    for (int s = 0; s < stages.size(); s++) {
      Stage stage = stages.get(s);
      double stop = last(s) ? 1 : meanStop(stage);
      double best = 0;
      for (Member m : stage.members()) {
        best = Math.max(best, m.estimate().meanQuality());
      }
      quality += reach * stop * meanRight(stage, best);
      reach *= 1 - stop;
    }
    return quality;
  }

  /** The expected cost: each stage's members' expected costs, weighted by the mean probability of reaching it. */
  public double expectedCostUsd() {
    return weighted(m -> m.estimate().expectedCostUsd(), false, meanReach());
  }

  /** The expected latency: each stage's slowest member, weighted by the mean probability of reaching it. */
  public double expectedLatencyMs() {
    return weighted(m -> m.estimate().expectedLatencyMs(), true, meanReach());
  }

  /** How many outcomes of the cascade's own answers the belief rests on (its members' records come on top). */
  public double observations() {
    double n = 0;
    for (Stage s : stages) {
      n += s.right() + s.wrong();
    }
    return n;
  }

  /**
   * One Thompson draw of the cascade.
   *
   * @param memberDraw a draw of a member's success rate from its own posterior, at the same exploration scale
   * @param scale the exploration scale (1: plain Thompson sampling; 0: the posterior means)
   */
  public Draw sample(RandomGenerator random, double scale, ToDoubleFunction<Member> memberDraw) {
    int n = stages.size();
    double[] reach = new double[n];
    double reached = 1;
    double quality = 0;
    for (int s = 0; s < n; s++) {
      Stage stage = stages.get(s);
      double best = 0;
      for (Member m : stage.members()) {
        best = Math.max(best, memberDraw.applyAsDouble(m));
      }
      double m = clampRate(best);
      double right = beta(random, scale, memberWeight * m + stage.right(), memberWeight * (1 - m) + stage.wrong());
      double stop = last(s) ? 1 : beta(random, scale, STOP_PRIOR + stage.stops(), STOP_PRIOR + stage.passes());
      reach[s] = reached;
      quality += reached * stop * right;
      reached *= 1 - stop;
    }
    return new Draw(quality, weighted(x -> x.estimate().expectedCostUsd(), false, reach),
        weighted(x -> x.estimate().expectedLatencyMs(), true, reach));
  }

  private double[] meanReach() {
    double[] reach = new double[stages.size()];
    double reached = 1;
    for (int s = 0; s < stages.size(); s++) {
      reach[s] = reached;
      reached *= 1 - (last(s) ? 1 : meanStop(stages.get(s)));
    }
    return reach;
  }

  /** Σ_s reach_s · (the sum, or the maximum, of the stage members' values). */
  private double weighted(ToDoubleFunction<Member> value, boolean slowest, double[] reach) {
    double total = 0;
    for (int s = 0; s < stages.size(); s++) {
      double stage = 0;
      for (Member m : stages.get(s).members()) {
        double v = value.applyAsDouble(m);
        stage = slowest ? Math.max(stage, v) : stage + v;
      }
      total += reach[s] * stage;
    }
    return total;
  }

  private boolean last(int stage) {
    return stage == stages.size() - 1;
  }

  private static double meanStop(Stage stage) {
    return (STOP_PRIOR + stage.stops()) / (2 * STOP_PRIOR + stage.stops() + stage.passes());
  }

  private double meanRight(Stage stage, double memberRate) {
    double m = clampRate(memberRate);
    return (memberWeight * m + stage.right()) / (memberWeight + stage.right() + stage.wrong());
  }

  private static double clampRate(double rate) {
    return Math.clamp(rate, RATE_EPSILON, 1 - RATE_EPSILON);
  }

  /**
   * A draw from Beta(a, b) whose spread is scaled by {@code scale}: the concentration is divided by {@code scale²}, so
   * the standard deviation shrinks by about {@code scale}, as an arm's logit does. Scale 0 gives the mean.
   */
  static double beta(RandomGenerator random, double scale, double a, double b) {
    if (scale == 0) {
      return a / (a + b);
    }
    double k = 1 / (scale * scale);
    double x = gamma(random, a * k);
    double y = gamma(random, b * k);
    double sum = x + y;
    return sum > 0 ? x / sum : a / (a + b);
  }

  /** A draw from Gamma(shape, 1) (Marsaglia and Tsang 2000; shapes below 1 boosted by a uniform power). */
  static double gamma(RandomGenerator random, double shape) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = random.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
