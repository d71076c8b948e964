/**
 * The exchange's own beliefs about each bidder, learned from outcomes: what makes bids honest. Start at
 * {@link dev.atomic.estimate.Estimator}; its state is exported and restored as an {@link dev.atomic.estimate.EstimatorSnapshot}.
 */
package dev.atomic.estimate;
