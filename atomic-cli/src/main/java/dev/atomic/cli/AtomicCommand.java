package dev.atomic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand is one job. */
@Command(
    name = "atomic",
    mixinStandardHelpOptions = true,
    // Every subcommand takes --help and --version too, as a user trying `atomic serve --help` expects.
    scope = CommandLine.ScopeType.INHERIT,
    version = "atomic 0.1.0-SNAPSHOT",
    description = "An exchange where models bid for typed microtasks.",
    subcommands = {
        DemoCommand.class,
        BenchCommand.class,
        ServeCommand.class,
        DecisionsCommand.class,
        ParseCommand.class,
        AuditCommand.class,
        TenantsCommand.class,
        ModelsCommand.class,
        RunCommand.class,
        CommandLine.HelpCommand.class
    })
public final class AtomicCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
