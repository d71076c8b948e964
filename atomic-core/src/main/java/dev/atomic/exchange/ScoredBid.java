package dev.atomic.exchange;

/**
 * One bid as the exchange scored it: what was claimed, what the exchange believes, and the resulting utility.
 *
 * @param arm the bidder or strategy id
 * @param claimedQuality the quality the bidder claimed (for a strategy, derived from its members' claims)
 * @param claimedCostUsd the cost it claimed
 * @param claimedLatencyMs the latency it claimed
 * @param rationale the bidder's own reason
 * @param believedQuality the exchange's posterior mean of the quality, after calibrating the claim by the track record
 * @param drawnQuality the Thompson draw of the quality used for scoring (the exploration draw)
 * @param expectedCostUsd the cost the exchange expects, after correcting the claim by the track record
 * @param expectedLatencyMs the latency the exchange expects, likewise
 * @param observations how many outcomes the belief rests on
 * @param utility drawn quality minus the weighted expected cost and latency (for a cascade believed from its members,
 *     minus the cost and latency its drawn stopping probabilities imply)
 */
public record ScoredBid(
    String arm,
    double claimedQuality,
    double claimedCostUsd,
    double claimedLatencyMs,
    String rationale,
    double believedQuality,
    double drawnQuality,
    double expectedCostUsd,
    double expectedLatencyMs,
    double observations,
    double utility) {}
