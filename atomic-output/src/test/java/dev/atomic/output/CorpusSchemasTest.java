package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.output.schema.TypeSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the corpus's JSON Schemas (used by the structured benchmark and by {@code ./atomic parse --schema}) identical to
 * what the corpus's Java types generate. Regenerate with {@code -Datomic.regenerate=true}.
 */
class CorpusSchemasTest {

  private static final Path DIR = Path.of("src/test/resources/corpus/schemas");

  @Test
  void schemaFiles_matchTheGeneratedSchemas() throws IOException {
    boolean regenerate = Boolean.getBoolean("atomic.regenerate");
    for (Map.Entry<String, Class<?>> e : CorpusTest.TYPES.entrySet()) {
      String generated = TypeSchemas.of(e.getValue()).toPrettyString() + "\n";
      Path file = DIR.resolve(e.getKey() + ".schema.json");
      if (regenerate) {
        Files.createDirectories(DIR);
        Files.writeString(file, generated);
      }
      assertThat(Files.readString(file)).as("%s is stale; rerun with -Datomic.regenerate=true", file)
          .isEqualTo(generated);
    }
  }
}
