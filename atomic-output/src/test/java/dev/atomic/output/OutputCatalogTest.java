package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputCatalogTest {

  @Test
  void forType_sameType_builtOnceAndShared() {
    OutputCatalog catalog = OutputCatalog.withDefaults();
    StructuredOutput<Fixtures.SpamVerdict> first = catalog.forClass(Fixtures.SpamVerdict.class);
    assertThat(catalog.forType(Fixtures.SpamVerdict.class)).isSameAs(first);
    assertThat(first.type()).isEqualTo(Fixtures.SpamVerdict.class);
  }

  @Test
  void forType_null_refused() {
    assertThatThrownBy(() -> OutputCatalog.withDefaults().forType(null)).isInstanceOf(NullPointerException.class);
  }
}
