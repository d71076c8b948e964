/**
 * Spend limits per tenant. A {@link dev.atomic.budget.Budget} is a limit over a window;
 * {@link dev.atomic.budget.BudgetPacer} spends it smoothly across the window and never past the limit.
 */
package dev.atomic.budget;
