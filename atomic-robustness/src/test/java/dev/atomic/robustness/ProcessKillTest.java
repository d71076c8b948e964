package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.RunResult;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.journal.FileJournal;
import dev.atomic.exchange.Exchange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) with many runs in flight: another JVM runs them on a file journal and dies with every run
 * halfway; this one resumes them all. No run is stuck, and no call is paid twice: the payments both processes wrote
 * hold each call of each run exactly once.
 */
class ProcessKillTest {

  private static final int RUNS = 12;

  @Test
  void resume_afterTheProcessWasKilledMidRun_finishesEveryRunPayingEachCallOnce(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("journal");
    Path payments = dir.resolve("payments.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KilledEngineProcess.class.getName(), journal.toString(), payments.toString(), String.valueOf(RUNS))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child should hold every run at its second step").isEqualTo("HELD");
    } finally {
      child.destroyForcibly();
      child.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(Files.readAllLines(payments)).as("paid by the killed process").hasSize(RUNS)
        .allMatch(line -> line.endsWith(":first"));

    PayingBidder bidder = new PayingBidder(payments, "none", 0);
    List<RunResult> results = new ArrayList<>();
    try (Exchange exchange = Exchange.builder().seed(2).bidder(bidder).build();
        EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(FileJournal.in(journal)))) {
      for (int i = 0; i < RUNS; i++) {
        results.add(engine.resume(ApiLoad.pipeline(), "run-" + i).result().get(60, TimeUnit.SECONDS));
      }
    }

    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunResult.Status.SUCCEEDED));
    Map<String, Long> paid = Files.readAllLines(payments).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(paid).hasSize(2 * RUNS).allSatisfy((call, times) -> assertThat(times).as(call).isEqualTo(1));
    for (int i = 0; i < RUNS; i++) {
      assertThat(paid).containsKeys("run-" + i + ":first", "run-" + i + ":second");
    }
  }
}
