package dev.atomic.models.llm.gguf;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link GgufModelTest}: loads and closes a model, prints the non-daemon threads that outlive
 * the close, then ends with {@link System#exit}, as applications must.
 */
public final class ExitProbe {

  private ExitProbe() {}

  public static void main(String[] args) {
    Set<Thread> before = nonDaemon();
    try (GgufModel model = GgufModel.builder(Path.of(args[0])).contextSize(128).threads(1).load()) {
      model.chat("hello");
    }
    Set<Thread> after = nonDaemon();
    after.removeAll(before);
    System.out.println("LEFTOVER " + after.stream().map(Thread::getName).sorted().collect(Collectors.joining(",")));
    System.out.flush();
    System.exit(0);
  }

  private static Set<Thread> nonDaemon() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !t.isDaemon() && t.isAlive())
        .collect(Collectors.toSet());
  }
}
