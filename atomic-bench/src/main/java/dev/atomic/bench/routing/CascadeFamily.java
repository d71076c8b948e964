package dev.atomic.bench.routing;

import dev.atomic.bidding.Answer;
import dev.atomic.exchange.Cascade;
import dev.atomic.exchange.Verifier;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cascades registered with the exchange before the stream starts, chosen from list prices alone, never from
 * outcomes: every pair of the {@value #CHEAP_MODELS} cheapest models answers first, and when their choice letters agree
 * the answer stands; otherwise the highest-priced model answers. Offered for the multiple-choice kinds only, since two
 * programs cannot be compared by equality. The exchange learns which of them, if any, to use where.
 */
final class CascadeFamily {

  /** How each cascade of the family asks its cheap models before the dearest. */
  enum Shape {
    /** A pair of the cheapest models; their agreement stands. */
    PAIRS,
    /** A pair of the cheapest, then the two models ranked just above them by price; either pair's agreement stands. */
    SECOND_PAIR,
    /** Three of the cheapest models; a majority of their letters stands (two of three, or all three). */
    MAJORITY_OF_THREE
  }

  /** How many of the cheapest models form first stages. */
  static final int CHEAP_MODELS = 5;

  private CascadeFamily() {}

  static List<Cascade> declare(List<ModelPrice> prices) {
    return declare(prices, false);
  }

  /**
   * The family; with {@code teachDissenters} its verifier declares that a multiple-choice prompt has a single correct
   * letter, so the feedback on an escalated answer also teaches the first-stage model that gave another letter
   * ({@link Verifier#singleCorrectAnswer()}).
   */
  static List<Cascade> declare(List<ModelPrice> prices, boolean teachDissenters) {
    return declare(prices, teachDissenters, 0);
  }

  /**
   * The family with the {@code skipCheapest} cheapest models left out of the first stages: pairs of the models ranked
   * {@code skipCheapest + 1} to {@value #CHEAP_MODELS} by price. A smaller family leaves fewer arms to explore; which
   * models are left out is decided by price alone (the cheapest are the smallest models), never by outcomes.
   */
  static List<Cascade> declare(List<ModelPrice> prices, boolean teachDissenters, int skipCheapest) {
    return declare(prices, teachDissenters, skipCheapest, Shape.PAIRS);
  }

  /**
   * The family in a {@link Shape}: with {@link Shape#SECOND_PAIR} a second cheap stage before the highest-priced model
   * in every cascade (the two models ranked just above the {@value #CHEAP_MODELS} cheapest by price, chosen by price
   * alone), asked when the first pair disagrees; with {@link Shape#MAJORITY_OF_THREE} every triple of the cheapest
   * models votes ({@link Verifier#majority()}) and the dearest answers when no letter has a majority.
   */
  static List<Cascade> declare(List<ModelPrice> prices, boolean teachDissenters, int skipCheapest, Shape shape) {
    boolean secondPair = shape == Shape.SECOND_PAIR;
    if (shape == Shape.MAJORITY_OF_THREE && skipCheapest > CHEAP_MODELS - 3) {
      throw new IllegalArgumentException("a majority of three needs skipCheapest <= " + (CHEAP_MODELS - 3) + ", was "
          + skipCheapest);
    }
    if (skipCheapest < 0 || skipCheapest > CHEAP_MODELS - 2) {
      throw new IllegalArgumentException("skipCheapest must be in [0, " + (CHEAP_MODELS - 2) + "], was "
          + skipCheapest);
    }
    Verifier agree = shape == Shape.MAJORITY_OF_THREE ? choicesMajority() : CascadeFamily::choicesAgree;
    Verifier verifier = teachDissenters ? agree.withSingleCorrectAnswer() : agree;
    List<ModelPrice> byPrice = prices.stream().sorted(ModelPrice.cheapestFirst()).toList();
    int needed = CHEAP_MODELS + 1 + (secondPair ? 2 : 0);
    if (byPrice.size() < needed) {
      throw new IllegalArgumentException("the cascade family needs at least " + needed + " models, has "
          + byPrice.size());
    }
    String strong = byPrice.getLast().model();
    Set<String> kinds = Arrays.stream(Task.values()).filter(Task::multipleChoice).map(Task::kind)
        .collect(Collectors.toSet());
    List<Cascade> family = new ArrayList<>();
    if (shape == Shape.MAJORITY_OF_THREE) {
      for (int i = skipCheapest; i < CHEAP_MODELS; i++) {
        for (int j = i + 1; j < CHEAP_MODELS; j++) {
          for (int k = j + 1; k < CHEAP_MODELS; k++) {
            List<String> three = List.of(byPrice.get(i).model(), byPrice.get(j).model(), byPrice.get(k).model());
            family.add(new Cascade("vote[" + String.join("+", three.stream().map(CascadeFamily::shortName).toList())
                + ">" + shortName(strong) + "]", List.of(three, List.of(strong)), verifier, kinds));
          }
        }
      }
      return List.copyOf(family);
    }
    for (int i = skipCheapest; i < CHEAP_MODELS; i++) {
      for (int j = i + 1; j < CHEAP_MODELS; j++) {
        String a = byPrice.get(i).model();
        String b = byPrice.get(j).model();
        if (secondPair) {
          String c = byPrice.get(CHEAP_MODELS).model();
          String d = byPrice.get(CHEAP_MODELS + 1).model();
          family.add(new Cascade("cascade[" + shortName(a) + "+" + shortName(b) + ">" + shortName(c) + "+"
              + shortName(d) + ">" + shortName(strong) + "]", List.of(List.of(a, b), List.of(c, d), List.of(strong)),
              verifier, kinds));
        } else {
          family.add(new Cascade("cascade[" + shortName(a) + "+" + shortName(b) + ">" + shortName(strong) + "]",
              List.of(List.of(a, b), List.of(strong)), verifier, kinds));
        }
      }
    }
    return List.copyOf(family);
  }

  /**
   * The verifier: every answer of the stage read as the same choice letter. An answer with no readable choice never
   * agrees, so two unreadable answers escalate rather than pass.
   */
  static boolean choicesAgree(Microtask task, List<Answer> answers) {
    if (answers.size() < 2 || !(answers.getFirst().output() instanceof Replay.Choice first)) {
      return false;
    }
    return answers.stream().allMatch(a -> first.equals(a.output()));
  }

  /**
   * The vote: more than half of the stage's answers read as the same choice letter, and one of them is returned.
   * Unreadable answers never count toward a majority.
   */
  static Verifier choicesMajority() {
    Verifier vote = Verifier.majority();
    return new Verifier() {
      @Override
      public boolean accept(Microtask task, List<Answer> answers) {
        return vote.accept(task, letters(answers));
      }

      @Override
      public int returned(Microtask task, List<Answer> answers) {
        return vote.returned(task, letters(answers));
      }
    };
  }

  /** The answers with every output that is not a choice letter blanked, so that it cannot join a majority. */
  private static List<Answer> letters(List<Answer> answers) {
    return answers.stream().map(a -> a.output() instanceof Replay.Choice ? a
        : new Answer(null, a.costUsd(), a.latency(), a.confidence())).toList();
  }

  static String shortName(String model) {
    return model.substring(model.lastIndexOf('/') + 1);
  }
}
