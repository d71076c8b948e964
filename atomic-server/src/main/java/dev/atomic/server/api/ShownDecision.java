package dev.atomic.server.api;

/** How an answer shows its decision: in brief, or in full with every bid and the explanation. */
sealed interface ShownDecision permits DecisionBrief, DecisionView {}
