package dev.atomic.governance.classify;

import dev.atomic.AtomicException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a microtask's input and hands every text in it to a consumer: strings themselves, map keys and values, elements
 * of collections and arrays, record components, and the {@code toString()} of anything else (numbers included, since a
 * card number may travel as a {@code long}).
 *
 * <p>Record components are read through their accessors, the one place reflection is needed: a classifier cannot know
 * the caller's record types. Shared and cyclic structures are visited once.
 */
final class Texts {

  static final int MAX_DEPTH = 32;

  private Texts() {}

  static void each(Object input, Consumer<String> text) {
    walk(input, text, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
  }

  private static void walk(Object value, Consumer<String> text, Set<Object> seen, int depth) {
    if (value == null) {
      return;
    }
    if (value instanceof CharSequence chars) {
      text.accept(chars.toString());
      return;
    }
    if (depth > MAX_DEPTH) {
      throw new AtomicException("input nests deeper than " + MAX_DEPTH + " levels (at a " + value.getClass().getName()
          + "); it cannot be classified, so it must not be sent anywhere");
    }
    if (!seen.add(value)) {
      return;
    }
    switch (value) {
      case Map<?, ?> map -> map.forEach((k, v) -> {
        walk(k, text, seen, depth + 1);
        walk(v, text, seen, depth + 1);
      });
      case Iterable<?> items -> items.forEach(item -> walk(item, text, seen, depth + 1));
      case Optional<?> optional -> optional.ifPresent(v -> walk(v, text, seen, depth + 1));
      case Record record -> components(record, text, seen, depth);
      default -> {
        if (value.getClass().isArray()) {
          for (int i = 0, n = Array.getLength(value); i < n; i++) {
            walk(Array.get(value, i), text, seen, depth + 1);
          }
        } else {
          text.accept(String.valueOf(value));
        }
      }
    }
  }

  private static void components(Record record, Consumer<String> text, Set<Object> seen, int depth) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        component.getAccessor().setAccessible(true);
        value = component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
        throw new AtomicException("cannot read component '" + component.getName() + "' of "
            + record.getClass().getName() + " to classify it: " + e, e);
      }
      walk(value, text, seen, depth + 1);
    }
  }
}
