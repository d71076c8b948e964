package dev.atomic.governance.redact;

import dev.atomic.AtomicException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rebuilds a value with every string in it rewritten: strings, lists, sets, maps (keys and values) and records (through
 * their canonical constructor, the one piece of reflection: the caller's record types are not known here). Numbers,
 * booleans, enums and null pass unchanged. Any other type is refused, because its strings cannot be rewritten and
 * sending it as it is could leak what should have been redacted.
 */
final class Structures {

  static final int MAX_DEPTH = 32;

  private Structures() {}

  /** Rewrites every string; refuses types it cannot rebuild. */
  static Object rewrite(Object value, UnaryOperator<String> strings) {
    return rewrite(value, strings, false, 0);
  }

  /** Rewrites every string it can reach and leaves values of other types as they are. */
  static Object rewriteLeniently(Object value, UnaryOperator<String> strings) {
    return rewrite(value, strings, true, 0);
  }

  private static Object rewrite(Object value, UnaryOperator<String> strings, boolean lenient, int depth) {
    if (depth > MAX_DEPTH) {
      throw new AtomicException("input nests deeper than " + MAX_DEPTH + " levels; it cannot be redacted");
    }
    return switch (value) {
      case null -> null;
      case String s -> strings.apply(s);
      case CharSequence chars -> strings.apply(chars.toString());
      case Number n -> n;
      case Boolean b -> b;
      case Character c -> c;
      case Enum<?> e -> e;
      case List<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(item -> out.add(rewrite(item, strings, lenient, depth + 1)));
        yield java.util.Collections.unmodifiableList(out);
      }
      case Set<?> set -> {
        Set<Object> out = new LinkedHashSet<>();
        set.forEach(item -> out.add(rewrite(item, strings, lenient, depth + 1)));
        yield java.util.Collections.unmodifiableSet(out);
      }
      case Map<?, ?> map -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) ->
            out.put(rewrite(k, strings, lenient, depth + 1), rewrite(v, strings, lenient, depth + 1)));
        yield java.util.Collections.unmodifiableMap(out);
      }
      case Record record -> record(record, strings, lenient, depth);
      default -> lenient ? value : refuse(value);
    };
  }

  private static Object refuse(Object value) {
    throw new AtomicException("cannot redact a " + value.getClass().getName()
          + ": only strings, numbers, lists, sets, maps and records can be rewritten, so it is not sent");
  }

  private static Object record(Record record, UnaryOperator<String> strings, boolean lenient, int depth) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        components[i].getAccessor().setAccessible(true);
        values[i] = rewrite(components[i].getAccessor().invoke(record), strings, lenient, depth + 1);
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof AtomicException atomic) {
        throw atomic;
      }
      throw new AtomicException("cannot rebuild record " + record.getClass().getName() + " with redacted values: " + e,
          e);
    }
  }
}
