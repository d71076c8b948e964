package dev.atomic.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputsTest {

  record Invocation(String text, Integer number) implements InputViews {
    @Override
    public <V> Optional<V> view(Class<V> type) {
      if (type == CharSequence.class) {
        return Optional.of(type.cast(text));
      }
      if (type == Integer.class) {
        return Optional.of(type.cast(number));
      }
      return Optional.empty();
    }
  }

  @Test
  void as_returnsTheInputItselfOrItsView() {
    assertThat(Inputs.text("plain")).contains("plain");
    assertThat(Inputs.text(new Invocation("viewed", 3))).contains("viewed");
    assertThat(Inputs.as(new Invocation("x", 3), Integer.class)).contains(3);
    assertThat(Inputs.as(new Invocation("x", 3), Double.class)).isEmpty();
    assertThat(Inputs.text(42)).isEmpty();
    assertThat(Inputs.text(null)).isEmpty();
  }
}
