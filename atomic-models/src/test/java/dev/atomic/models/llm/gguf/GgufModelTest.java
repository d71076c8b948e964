package dev.atomic.models.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.AtomicException;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.models.llm.Completion;
import dev.atomic.models.llm.Decoding;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.Prompt;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process route on a tiny random-weight GGUF model written by the test: loading, tokenizing, seeded generation,
 * schema-constrained decoding, auctions, closing. The model knows nothing, so anything structured it produces is the
 * grammar's doing.
 */
class GgufModelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = """
      {"type":"object","properties":{"spam":{"type":"boolean"},"label":{"enum":["ham","spam","unsure"]}},
       "required":["spam","label"]}""";

  @TempDir
  static Path dir;

  private static Path file;
  private static GgufModel model;

  @BeforeAll
  static void load() {
    file = TinyGguf.write(dir.resolve("tiny.gguf"), 42);
    model = GgufModel.builder(file).template(ChatTemplate.plain()).contextSize(256).threads(1).seed(1).load();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static LlmBidder bidder() {
    // The bidder must not close the shared model; a fresh wrapper without closing() leaves it open.
    return LlmBidder.wrapping("tiny", model).price(dev.atomic.models.llm.Price.FREE).timeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  void tokenize_usesTheFileVocabulary() {
    int[] ids = model.tokenize("{}");

    assertThat(ids).isNotEmpty();
    assertThat(java.util.Arrays.stream(ids).boxed().toList())
        .allSatisfy(id -> assertThat(id).isBetween(0, TinyGguf.vocabulary().size() - 1));
  }

  @Test
  void complete_sameSeedAndPrompt_sameAnswerAndUsage() throws Exception {
    Prompt prompt = Prompt.of("the spam mail").withDecoding(Decoding.defaults().withMaxOutputTokens(8));
    try (LlmBidder bidder = bidder()) {
      Completion first = bidder.complete(prompt);
      Completion second = bidder.complete(prompt);

      assertThat(second.text()).isEqualTo(first.text());
      assertThat(first.usageReported()).isTrue();
      assertThat(first.inputTokens()).isEqualTo(model.tokenize("the spam mail").length);
      assertThat(first.costUsd()).isZero();
      assertThat(first.model()).isEqualTo("tiny.gguf"); // the file it loaded, as the model reports it
    }
  }

  @Test
  void complete_withSchema_answersValidJsonOfThatShape() throws Exception {
    try (LlmBidder bidder = bidder()) {
      for (String mail : List.of("win a prize now", "hello world", "free mail", "the ham", "no")) {
        Completion completion = bidder.complete(Prompt.of("Classify.", mail).withJsonSchema(SCHEMA)
            .withDecoding(Decoding.defaults().withTemperature(1.0).withMaxOutputTokens(64)));

        JsonNode answer = JSON.readTree(completion.text());
        assertThat(answer.path("spam").isBoolean()).as(completion.text()).isTrue();
        assertThat(answer.path("label").asText()).as(completion.text()).isIn("ham", "spam", "unsure");
      }
    }
  }

  @Test
  void execute_inAnAuction_servesForFree() {
    try (LlmBidder bidder = bidder();
        Exchange exchange = Exchange.builder().seed(3).bidTimeout(Duration.ofSeconds(10)).bidder(bidder).build()) {
      Execution execution = exchange.execute(Microtask.builder("email.spam")
          .input(Prompt.of("Classify.", "win a prize").withJsonSchema(SCHEMA)).build());

      assertThat(execution.servedBy()).isEqualTo("tiny");
      assertThat(execution.answer().costUsd()).isZero();
      assertThat((String) execution.output()).startsWith("{");
      assertThat(execution.answer().usage().model()).isEqualTo("tiny.gguf");
      assertThat(execution.answer().usage().outputTokens()).isPositive();
    }
  }

  @Test
  void load_missingOrNotGguf_failsClearlyBeforeNativeCode() throws IOException {
    assertThatThrownBy(() -> GgufModel.builder(dir.resolve("absent.gguf")).load())
        .isInstanceOf(AtomicException.class).hasMessageContaining("absent.gguf");
    Path text = Files.writeString(dir.resolve("model.gguf"), "not a model", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GgufModel.builder(text).load())
        .isInstanceOf(AtomicException.class).hasMessageContaining("not a GGUF file");
  }

  @Test
  void load_truncatedGguf_isRejectedByLlamaCpp() throws IOException {
    byte[] whole = Files.readAllBytes(file);
    Path truncated = Files.write(dir.resolve("truncated.gguf"), java.util.Arrays.copyOf(whole, 200));

    assertThatThrownBy(() -> GgufModel.builder(truncated).contextSize(128).threads(1).load())
        .isInstanceOf(AtomicException.class).hasMessageContaining("truncated.gguf");
  }

  @Test
  void close_isIdempotentAndLaterCallsFailClearly() throws Exception {
    GgufModel own = GgufModel.builder(file).template(ChatTemplate.plain()).contextSize(128).threads(1).load();
    LlmBidder bidder = own.bidder("own").build();
    bidder.close();
    bidder.close();
    own.close();

    assertThatThrownBy(() -> own.tokenize("x")).isInstanceOf(AtomicException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> bidder.complete(Prompt.of("x")))
        .isInstanceOf(AtomicException.class).hasMessageContaining("closed");
  }

  @Test
  void close_leavesLlamaCppThreadAttached_soApplicationsMustCallExit() throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        ExitProbe.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    // A guard against a hang, not a timing assertion: the probe calls System.exit itself.
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exited).as(output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output.lines().filter(l -> l.startsWith("LEFTOVER ")).findFirst().orElseThrow())
        .as("llama.cpp's worker thread outlives close; update the package documentation if this changes")
        .isNotEqualTo("LEFTOVER ");
  }
}
