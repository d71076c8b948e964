package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AtomicCommandTest {

  /** What one command line printed and returned. */
  private record Ran(int code, String out, String err) {}

  private static Ran run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new AtomicCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Ran(code, out.toString(), err.toString());
  }

  /** Every command's name path from the root, such as [tenants, add]; help itself excluded. */
  private static List<List<String>> commandPaths(CommandLine command, List<String> path, List<List<String>> into) {
    for (var sub : command.getSubcommands().entrySet()) {
      if (sub.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
        continue;
      }
      List<String> here = new ArrayList<>(path);
      here.add(sub.getKey());
      into.add(here);
      commandPaths(sub.getValue(), here, into);
    }
    return into;
  }

  @Test
  void help_onEverySubcommand_printsItsUsageAndExitsZero() {
    List<List<String>> paths = commandPaths(new CommandLine(new AtomicCommand()), List.of(), new ArrayList<>());
    assertThat(paths).contains(List.of("serve"), List.of("tenants", "add"), List.of("audit", "verify"));
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Ran ran = run(args.toArray(String[]::new));
      assertThat(ran.code()).as("exit code of %s", args).isZero();
      assertThat(ran.out()).as("output of %s", args).startsWith("Usage: atomic " + String.join(" ", path));
      assertThat(ran.err()).as("errors of %s", args).isEmpty();
    }
  }

  @Test
  void version_onASubcommand_printsTheVersion() {
    Ran ran = run("models", "--version");
    assertThat(ran.code()).isZero();
    assertThat(ran.out()).startsWith("atomic ");
  }

  @Test
  void unknownOption_exitsTwoWithTheReasonAndTheUsage() {
    Ran ran = run("serve", "--no-such-option");
    assertThat(ran.code()).isEqualTo(2);
    assertThat(ran.err()).contains("Unknown option: '--no-such-option'").contains("Usage: atomic serve");
  }
}
