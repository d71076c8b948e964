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

  /** Whether to accept this stage's answers; {@link #returned} says which of them is returned (the first by default). */
  boolean accept(Microtask task, List<Answer> answers);

  /**
   * Which of a stage's answers the cascade returns once {@link #accept} accepted them: an index into {@code answers}.
   * The first by default; a vote returns one of the majority. Never asked of a last stage that was not verified.
   */
  default int returned(Microtask task, List<Answer> answers) {
    return 0;
  }

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
      public int returned(Microtask task, List<Answer> answers) {
        return accepts.returned(task, answers);
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

  /**
   * Accepts when more than half of the stage's answers have the same non-null output (a majority vote), and returns the
   * first answer of that majority. With two answers it is {@link #agreement()}.
   */
  static Verifier majority() {
    return new Verifier() {
      @Override
      public boolean accept(Microtask task, List<Answer> answers) {
        return majorityIndex(answers) >= 0;
      }

      @Override
      public int returned(Microtask task, List<Answer> answers) {
        return Math.max(0, majorityIndex(answers));
      }
    };
  }

  /** The index of the first answer whose output more than half of the answers share, or -1. */
  private static int majorityIndex(List<Answer> answers) {
    for (int i = 0; i < answers.size(); i++) {
      Object output = answers.get(i).output();
      if (output == null) {
        continue;
      }
      long same = answers.stream().filter(a -> output.equals(a.output())).count();
      if (2 * same > answers.size()) {
        return i;
      }
    }
    return -1;
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
