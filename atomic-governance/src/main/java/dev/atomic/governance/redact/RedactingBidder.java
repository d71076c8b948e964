package dev.atomic.governance.redact;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.ForwardingBidder;
import dev.atomic.task.Microtask;
import java.util.Objects;
import java.util.Optional;

/**
 * A bidder that only ever sees redacted input: bid requests and serve calls get the microtask with its sensitive values
 * replaced by placeholders, and the answer comes back with the placeholders restored (in strings, and in the strings of
 * list, map or record outputs).
 *
 * {@snippet :
 * Bidder safe = new RedactingBidder(hostedBidder, Redactor.of(Classifier.standard()));
 * }
 *
 * <p>Redaction narrows what a permitted bidder learns; it does not make a forbidden bidder permitted: the exchange's
 * policy still decides on the original data classes. Input of a type that cannot be rewritten is refused, not sent.
 */
public final class RedactingBidder extends ForwardingBidder {

  private final Redactor redactor;

  public RedactingBidder(Bidder delegate, Redactor redactor) {
    super(delegate);
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public Optional<Bid> bid(Microtask task) throws Exception {
    return super.bid(with(task, redactor.redact(task.input()).value()));
  }

  @Override
  public Answer serve(Microtask task) throws Exception {
    Redacted redacted = redactor.redact(task.input());
    Answer answer = super.serve(with(task, redacted.value()));
    if (answer == null) {
      return null;
    }
    return new Answer(redacted.restoreAll(answer.output()), answer.costUsd(), answer.latency(), answer.confidence(),
        answer.usage());
  }

  private static Microtask with(Microtask task, Object input) {
    return new Microtask(task.id(), task.kind(), input, task.outputType(), task.constraints(), task.dataClasses(),
        task.tenant(), task.features());
  }
}
