/**
 * The {@code atomic} command. Entry point: {@link dev.atomic.cli.Main}; subcommands are listed on
 * {@link dev.atomic.cli.AtomicCommand}.
 */
package dev.atomic.cli;
