package dev.atomic.examples.triage;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The team's routing policy, as code: spam is discarded; unhappy customers and account matters go to a person's queue;
 * the rest gets the drafted reply automatically.
 */
final class ActionRules implements Bidder {

  @Override
  public String id() {
    return "action-rules";
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!task.kind().equals("email.action")) {
      return Optional.empty();
    }
    return Inputs.as(task.input(), ActionRequest.class)
        .map(r -> new Bid(0.95, 0.02, 0, Duration.ofNanos(5_000), "routing policy"));
  }

  @Override
  public Answer serve(Microtask task) {
    return Answer.of(decide(Inputs.as(task.input(), ActionRequest.class).orElseThrow()), 0, Duration.ofNanos(5_000));
  }

  static Action decide(ActionRequest r) {
    String category = r.category().name().toLowerCase(Locale.ROOT);
    if (r.spam() == Spam.SPAM) {
      return new Action("discard", "", List.of("spam"));
    }
    if (r.sentiment() == Sentiment.NEGATIVE || r.category() == Category.ACCOUNT) {
      return new Action("route", category, List.of(category, r.sentiment().name().toLowerCase(Locale.ROOT)));
    }
    return new Action("auto-reply", "", List.of(category));
  }
}
