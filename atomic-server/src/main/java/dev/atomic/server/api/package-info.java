/**
 * The HTTP API. {@link dev.atomic.server.api.Api} registers every route (documented in {@code /openapi.json}); errors
 * are thrown as {@link dev.atomic.server.api.ApiError} and answered in one shape by {@code ErrorMapping};
 * {@link dev.atomic.server.api.DecisionStream} is the live server-sent-event feed.
 */
package dev.atomic.server.api;
