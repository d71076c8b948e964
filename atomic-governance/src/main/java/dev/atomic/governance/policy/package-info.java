/**
 * Data policies: which bidders may see which data classes. The entry point is
 * {@link dev.atomic.governance.policy.DataPolicy}, built in Java with {@code DataPolicy.builder()} or loaded from YAML
 * with {@link dev.atomic.governance.policy.PolicyYaml}; it is a core {@link dev.atomic.policy.Policy}, so the exchange
 * applies it before any bid request leaves. {@link dev.atomic.governance.policy.CleanRoom} builds an exchange from
 * which no payload can reach a non-sovereign bidder.
 */
package dev.atomic.governance.policy;
