/** The live dashboard; {@link dev.atomic.server.dashboard.Dashboard} serves it. */
package dev.atomic.server.dashboard;
