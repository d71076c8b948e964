package dev.atomic.governance.policy;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.bidding.ForwardingBidder;
import dev.atomic.task.Microtask;
import java.util.Optional;

/**
 * The last line of clean-room defence: checks the wrapped bidder's profile on every call and throws before the payload
 * reaches it unless it is sovereign. The policy should already have kept such a bidder out; this guard holds even if
 * the policy was replaced or the bidder's profile changed at runtime.
 */
final class SovereignGuard extends ForwardingBidder {

  SovereignGuard(Bidder delegate) {
    super(delegate);
  }

  @Override
  public Optional<Bid> bid(Microtask task) throws Exception {
    check("bid request");
    return super.bid(task);
  }

  @Override
  public Answer serve(Microtask task) throws Exception {
    check("model call");
    return super.serve(task);
  }

  private void check(String call) {
    BidderProfile profile = profile();
    if (profile == null || !profile.sovereign()) {
      throw new CleanRoomViolation("clean-room mode refused a " + call + " to bidder '" + id() + "' ("
          + profile + "): it is not sovereign, so no payload may reach it");
    }
  }

  @Override
  public String toString() {
    return "SovereignGuard[" + id() + "]";
  }
}
