package dev.atomic.cli;

import picocli.CommandLine;

/** Runs the {@code atomic} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new AtomicCommand()).execute(args));
  }
}
