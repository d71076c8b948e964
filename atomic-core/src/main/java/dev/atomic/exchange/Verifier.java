package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.task.Microtask;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a cascade may stop at a stage: whether the answers of that stage's bidders are good enough to return
 * without asking the next, more expensive stage.
 */
@FunctionalInterface
public interface Verifier {

  /** Whether to accept this stage's answers; the first answer is the one returned. */
  boolean accept(Microtask task, List<Answer> answers);

  /**
   * Whether the microtasks this verifier judges have a single correct answer that equal outputs share (a multiple-choice
   * letter, a number, a label). Then feedback on a cascade's answer teaches every member it called, not only those
   * that gave it: when the returned answer was right, a member whose output differs from it was wrong. When the
   * returned answer was wrong, a differing member's outcome stays unknown and it learns nothing. False by default,
   * since many outputs (code, prose) may be right in more than one form.
   */
  default boolean singleCorrectAnswer() {
    return false;
  }

  /** This verifier, declaring that its microtasks have a single correct answer (see {@link #singleCorrectAnswer()}). */
  default Verifier withSingleCorrectAnswer() {
    Verifier accepts = this;
    return new Verifier() {
      @Override
      public boolean accept(Microtask task, List<Answer> answers) {
        return accepts.accept(task, answers);
      }

      @Override
      public boolean singleCorrectAnswer() {
        return true;
      }
    };
  }

  /** Accepts when every answer of the stage has the same output (self-consistency across models). */
  static Verifier agreement() {
    return (task, answers) -> {
      if (answers.isEmpty()) {
        return false;
      }
      Object first = answers.getFirst().output();
      return answers.stream().allMatch(a -> Objects.equals(a.output(), first));
    };
  }

  /** Accepts when every answer reports a confidence of at least {@code threshold}. */
  static Verifier confidenceAtLeast(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("confidence threshold must be in [0, 1], was " + threshold);
    }
    return (task, answers) ->
        !answers.isEmpty() && answers.stream().allMatch(a -> a.confidence() >= threshold);
  }
}
