package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {

  private static final String SCHEMA = """
      {"type": "object",
       "properties": {"label": {"enum": ["SPAM", "HAM"]}, "score": {"type": "number"}},
       "required": ["label", "score"], "additionalProperties": false}
      """;

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    ParseCommand command = new ParseCommand();
    command.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new CommandLine(command).execute(args);
  }

  private Path schema() throws IOException {
    return Files.writeString(dir.resolve("schema.json"), SCHEMA);
  }

  @Test
  void call_repairableOutput_printsValueAndRepairs() throws IOException {
    int code = run("Sure! ```json\n{label: 'spam', score: '0.9',}\n```", "--schema", schema().toString());
    assertThat(code).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("\"label\" : \"SPAM\"").contains("\"score\" : 0.9")
        .contains("EXTRACTED_FROM_FENCE").contains("TRAILING_COMMA").contains("ENUM_MATCH at $.label");
  }

  @Test
  void call_unusableOutput_printsTheErrorAndExitsOne() throws IOException {
    int code = run("{\"label\": \"SPAM\"}", "--schema", schema().toString(), "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"reason\" : \"INVALID\"")
        .contains("\"expected\" : \"property 'score'\"");
  }

  @Test
  void call_missingSchemaFile_exitsTwoWithTheReason() {
    int code = run("{}", "--schema", dir.resolve("nope.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the JSON Schema");
  }

  @Test
  void call_inputBeyondTheLimit_refusedWithoutReadingItAll() throws IOException {
    int code = run("[".repeat(5_000), "--schema", schema().toString(), "--max-chars", "1000");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("TOO_LARGE");
  }
}
