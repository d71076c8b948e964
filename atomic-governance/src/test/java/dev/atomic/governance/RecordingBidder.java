package dev.atomic.governance;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.bidding.ForwardingBidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A test bidder that records every microtask it is shown, in bid requests and in serve calls. */
public final class RecordingBidder implements Bidder {

  /** What serving does: answer with an output, or throw. */
  @FunctionalInterface
  public interface Behaviour {
    Object output(Microtask task) throws Exception;
  }

  private final String id;
  private final BidderProfile profile;
  private final double quality;
  private final double costUsd;
  private final Behaviour behaviour;
  private final List<Microtask> bidRequests = new CopyOnWriteArrayList<>();
  private final List<Microtask> served = new CopyOnWriteArrayList<>();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();

  public RecordingBidder(String id, BidderProfile profile, double quality, double costUsd, Behaviour behaviour) {
    this.id = id;
    this.profile = profile;
    this.quality = quality;
    this.costUsd = costUsd;
    this.behaviour = behaviour;
  }

  /** This bidder, saying it serves from memory: what a decorator forwards of it shows. */
  public Bidder servingInline() {
    return new ForwardingBidder(this) {
      @Override
      public boolean servesInline() {
        return true;
      }
    };
  }

  public static RecordingBidder echo(String id, BidderProfile profile, double quality, double costUsd) {
    return new RecordingBidder(id, profile, quality, costUsd, task -> id + ":" + task.input());
  }

  public static RecordingBidder answering(String id, BidderProfile profile, double quality, double costUsd,
      Function<Microtask, Object> output) {
    return new RecordingBidder(id, profile, quality, costUsd, output::apply);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public BidderProfile profile() {
    return profile;
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    bidRequests.add(task);
    return Optional.of(Bid.of(quality, costUsd, Duration.ofMillis(10)));
  }

  @Override
  public Answer serve(Microtask task) throws Exception {
    served.add(task);
    Answer answer = Answer.of(behaviour.output(task), costUsd, Duration.ofMillis(10));
    answers.add(answer);
    return answer;
  }

  /** Every microtask this bidder was asked to bid on. */
  public List<Microtask> bidRequests() {
    return List.copyOf(bidRequests);
  }

  /** Every microtask this bidder was asked to serve. */
  public List<Microtask> served() {
    return List.copyOf(served);
  }

  /** Every answer it returned, with what it charged. */
  public List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** Whether any payload reached it at all. */
  public boolean sawAnything() {
    return !bidRequests.isEmpty() || !served.isEmpty();
  }
}
