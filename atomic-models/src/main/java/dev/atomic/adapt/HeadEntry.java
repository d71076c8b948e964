package dev.atomic.adapt;

import java.util.Objects;

/**
 * The learned state of one head bidder: exactly one of {@code logistic} and {@code knn} is set.
 *
 * @param kind the microtask kind it serves
 * @param bidder its bidder id
 * @param logistic its state if it is a logistic head, else null
 * @param knn its state if it is a nearest-neighbour head, else null
 */
public record HeadEntry(String kind, String bidder, LogisticHeadState logistic, KnnHeadState knn) {

  public HeadEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bidder, "bidder");
    if ((logistic == null) == (knn == null)) {
      throw new IllegalArgumentException("head '" + bidder + "' of '" + kind
          + "' must have exactly one of a logistic and a knn state");
    }
  }
}
