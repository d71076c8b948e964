package dev.atomic.engine;

import dev.atomic.exchange.OutputCheck;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registry of step kinds a pipeline may use, and of the request types a YAML pipeline may name. Immutable; build
 * with {@link #builder()}.
 *
 * {@snippet :
 * StepKinds kinds = StepKinds.builder()
 *     .type("Email", Email.class)
 *     .kind("email.spam", Email.class, SpamVerdict.class)
 *     .build();
 * }
 */
public final class StepKinds {

  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");

  private final Map<String, StepKind> kinds;
  private final Map<String, Type> types;

  private StepKinds(Builder b) {
    this.kinds = Map.copyOf(b.kinds);
    this.types = Map.copyOf(b.types);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<StepKind> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /** A request type registered under a name, for YAML's {@code request:}. */
  public Optional<Type> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** The registered kind names, sorted, for error messages. */
  public Set<String> kindNames() {
    return new java.util.TreeSet<>(kinds.keySet());
  }

  /** The registered type names, sorted, for error messages. */
  public Set<String> typeNames() {
    return new java.util.TreeSet<>(types.keySet());
  }

  /** Registers kinds and type names; each call checks its values at once. */
  public static final class Builder {
    private final Map<String, StepKind> kinds = new LinkedHashMap<>();
    private final Map<String, Type> types = new LinkedHashMap<>();

    private Builder() {}

    /** A kind whose answers are accepted as they are (and then checked against the output type). */
    public Builder kind(String name, Type inputType, Type outputType) {
      return kind(name, inputType, outputType, OutputCheck.acceptAll());
    }

    public Builder kind(String name, Type inputType, Type outputType, OutputCheck check) {
      return kind(new StepKind(name, inputType, outputType, check));
    }

    public Builder kind(StepKind kind) {
      Objects.requireNonNull(kind, "kind");
      if (kinds.containsKey(kind.name())) {
        throw new IllegalArgumentException("step kind '" + kind.name() + "' is registered twice");
      }
      kinds.put(kind.name(), kind);
      return this;
    }

    /** Names a type so that a YAML pipeline can declare it as its request type. */
    public Builder type(String name, Type type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (!TYPE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("type name must look like 'Email' or 'mail.Email', was '" + name + "'");
      }
      if (types.containsKey(name)) {
        throw new IllegalArgumentException("type name '" + name + "' is registered twice");
      }
      types.put(name, type);
      return this;
    }

    public StepKinds build() {
      return new StepKinds(this);
    }
  }
}
