/**
 * Which bidders may see which microtasks. A {@link dev.atomic.policy.Policy} is applied before any bid is asked for,
 * so an ineligible bidder never receives the payload.
 */
package dev.atomic.policy;
