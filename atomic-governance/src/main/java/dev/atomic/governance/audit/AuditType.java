package dev.atomic.governance.audit;

/** What an audit entry records. */
public enum AuditType {
  /** An auction closed: who won, which data classes, which rules allowed it. */
  AWARD,
  /** A bidder was called to serve a microtask. */
  MODEL_CALL,
  /** Feedback was applied to a decision. */
  FEEDBACK,
  /** An operator changed something: a policy, a key, a budget. */
  ADMIN
}
