package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterBenchDataTest {

  private static String line(String id, String task, String split, String correctB) {
    return "{\"sample_id\": \"" + id + "\", \"task\": \"" + task + "\", \"split\": \"" + split + "\", "
        + "\"prompt\": \"Q?\\nA) x\\nB) y\\nAnswer:\", "
        + "\"correct\": {\"a\": 1.0, \"b\": " + correctB + "}, "
        + "\"cost_usd\": {\"a\": 0.001, \"b\": 0.002}, "
        + "\"response\": {\"a\": \"A\", \"b\": \"B\"}}";
  }

  @Test
  void parse_goodRows_skipsIncompleteOnes() {
    RouterBenchData.Dataset data = RouterBenchData.parse(List.of(
        line("1", "arc-challenge", "train", "0.0"),
        "",
        line("2", "winogrande", "test", "null"),
        line("3", "mbpp", "test", "1.0")), "t.jsonl");

    assertThat(data.rows()).extracting(RouterBenchRow::id).containsExactly("1", "3");
    assertThat(data.skippedIncomplete()).isEqualTo(1);
    assertThat(data.models()).containsExactly("a", "b");
    assertThat(data.rows().getFirst().correct("a")).isTrue();
    assertThat(data.rows().get(1).task()).isEqualTo(Task.MBPP);
    assertThat(data.rows().get(1).train()).isFalse();
  }

  @Test
  void parse_invalidJson_namesTheLine() {
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(line("1", "mbpp", "train", "1.0"), "{oops"), "t.jsonl"))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("t.jsonl line 2 is not valid JSON");
  }

  @Test
  void parse_unknownTask_namesItAndTheKnownOnes() {
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(line("1", "gsm8k", "train", "1.0")), "t.jsonl"))
        .hasMessageContaining("line 1").hasMessageContaining("unknown task 'gsm8k'").hasMessageContaining("mbpp");
  }

  @Test
  void parse_badSplit_isRejected() {
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(line("1", "mbpp", "dev", "1.0")), "t.jsonl"))
        .hasMessageContaining("split must be 'train' or 'test', was 'dev'");
  }

  @Test
  void parse_outcomeNotZeroOrOne_isRejected() {
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(line("1", "mbpp", "test", "0.5")), "t.jsonl"))
        .hasMessageContaining("correct[b] must be 0 or 1, was 0.5");
  }

  @Test
  void parse_missingResponse_isRejected() {
    String noResponse = line("1", "mbpp", "test", "1.0").replace("\"b\": \"B\"", "\"c\": \"B\"");
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(noResponse), "t.jsonl"))
        .hasMessageContaining("response[b] is missing");
  }

  @Test
  void parse_differentModelsAcrossRows_isRejected() {
    String other = line("2", "mbpp", "test", "1.0").replace("\"b\": 1.0", "\"z\": 1.0");
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(line("1", "mbpp", "test", "1.0"), other), "t.jsonl"))
        .hasMessageContaining("line 2").hasMessageContaining("earlier rows [a, b]");
  }

  @Test
  void parse_duplicateId_isRejected() {
    assertThatThrownBy(() -> RouterBenchData.parse(
        List.of(line("1", "mbpp", "test", "1.0"), line("1", "mbpp", "test", "1.0")), "t.jsonl"))
        .hasMessageContaining("sample_id '1' appears twice");
  }

  @Test
  void parse_noCompleteRow_isRejected() {
    assertThatThrownBy(() -> RouterBenchData.parse(List.of(line("1", "mbpp", "test", "null")), "t.jsonl"))
        .hasMessageContaining("holds no complete row");
  }

  @Test
  void load_missingFile_saysWhereItLooked() {
    assertThatThrownBy(() -> RouterBenchData.load(Path.of("/nonexistent/rb.jsonl")))
        .hasMessageContaining("no RouterBench data at /nonexistent/rb.jsonl");
  }
}
