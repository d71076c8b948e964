package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.AtomicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  @TempDir
  Path dir;

  @Test
  void find_datedSnapshot_matchesLongestFamily() {
    PriceTable table = PriceTable.defaults();

    assertThat(table.find("gpt-4o-mini-2024-07-18")).contains(new Price(0.15, 0.60));
    assertThat(table.find("gpt-4o-2024-08-06")).contains(new Price(2.50, 10.00));
    assertThat(table.find("claude-opus-4-5-20251101")).contains(new Price(5.00, 25.00));
    assertThat(table.find("mistral-large")).isEmpty();
  }

  @Test
  void with_overridesAnEntry() {
    PriceTable table = PriceTable.defaults().with("gpt-4o-mini", new Price(1, 2));

    assertThat(table.find("gpt-4o-mini-2024-07-18")).contains(new Price(1, 2));
  }

  @Test
  void load_readsCsvAndRejectsBadLinesWithTheLine() throws IOException {
    Path good = Files.writeString(dir.resolve("p.csv"), "# mine\nmodel,in,out\nmy-model,1.5,3\n");
    assertThat(PriceTable.load(good).find("my-model")).contains(new Price(1.5, 3));

    Path bad = Files.writeString(dir.resolve("bad.csv"), "model,in,out\nmy-model,-1,3\n");
    assertThatThrownBy(() -> PriceTable.load(bad))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("-1");
  }

  @Test
  void costUsd_isPerMillionTokens() {
    assertThat(new Price(3, 15).costUsd(1_000_000, 2_000_000)).isCloseTo(33.0, within(1e-9));
    assertThatThrownBy(() -> new Price(Double.NaN, 1)).hasMessageContaining("NaN");
  }
}
