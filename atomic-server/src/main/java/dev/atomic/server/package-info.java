/**
 * The Atomic service. Everything starts at {@link dev.atomic.server.AtomicServer#builder}, configured by a
 * {@link dev.atomic.server.ServerConfig} read from YAML and the environment.
 */
package dev.atomic.server;
