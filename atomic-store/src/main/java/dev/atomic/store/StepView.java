package dev.atomic.store;

import java.time.Instant;

/**
 * A step of a run as last recorded.
 *
 * @param stepId the step's id within the run
 * @param status its last status
 * @param taskId the microtask it put to the exchange, or {@code null}
 * @param detail its last note; empty when none
 * @param updatedAt when its status last changed
 */
public record StepView(String stepId, String status, String taskId, String detail, Instant updatedAt) {}
