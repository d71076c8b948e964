package dev.atomic.bench.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bench.adaptation.Datasets.Labelled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @Test
  void csv_quotedCommasQuotesAndNewlines_areKeptInTheText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("train.csv");
    Files.writeString(file, "text,category\r\n"
        + "plain text,card_arrival\r\n"
        + "\"with, a comma\",top_up\n"
        + "\"she said \"\"hi\"\"\nthen left\",other\n"
        + "no newline at end,last");

    List<Labelled> rows = Datasets.csv(file);

    assertThat(rows).containsExactly(
        new Labelled("plain text", "card_arrival"),
        new Labelled("with, a comma", "top_up"),
        new Labelled("she said \"hi\"\nthen left", "other"),
        new Labelled("no newline at end", "last"));
  }
}
