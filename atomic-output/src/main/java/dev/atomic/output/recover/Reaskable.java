package dev.atomic.output.recover;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;

/**
 * A text bidder that can be asked again: it repeats its original prompt for the microtask, adds its previous answer
 * and the {@link Reask#prompt()} feedback, and calls its model once more.
 */
public interface Reaskable extends Bidder {

  /** Serves the microtask again after an output that could not be used. */
  Answer reask(Microtask task, Reask reask) throws Exception;
}
