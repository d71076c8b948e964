package dev.atomic.store;

/**
 * How one bidder or strategy has fared in the recorded decisions.
 *
 * @param arm the bidder or strategy id
 * @param eligibleBids how many of its bids were eligible (ranked)
 * @param wins how many auctions it won
 * @param attempts how many times it tried to serve (as winner or escalation)
 * @param spendUsd what its attempts cost
 * @param feedbackCount how many answers it served have feedback
 * @param meanQuality the mean feedback quality of the answers it served; NaN without feedback
 * @param successRate the share of that feedback with quality at least 0.5; NaN without feedback
 */
public record BidderStats(
    String arm,
    long eligibleBids,
    long wins,
    long attempts,
    double spendUsd,
    long feedbackCount,
    double meanQuality,
    double successRate) {}
