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
    return declare(prices, teachDissenters, skipCheapest, false);
  }

  /**
   * The family, and with {@code secondPair} a second cheap stage before the highest-priced model in every cascade: the
   * two models ranked just above the {@value #CHEAP_MODELS} cheapest by price (chosen by price alone), asked when the
   * first pair disagrees and trusted when they agree with each other.
   */
  static List<Cascade> declare(List<ModelPrice> prices, boolean teachDissenters, int skipCheapest,
      boolean secondPair) {
    if (skipCheapest < 0 || skipCheapest > CHEAP_MODELS - 2) {
      throw new IllegalArgumentException("skipCheapest must be in [0, " + (CHEAP_MODELS - 2) + "], was "
          + skipCheapest);
    }
    Verifier agree = CascadeFamily::choicesAgree;
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

  static String shortName(String model) {
    return model.substring(model.lastIndexOf('/') + 1);
  }
}
