package dev.atomic.adapt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The classes a head has seen, numbered in order of first sight, up to a cap. Not thread-safe. */
final class Labels {

  private final int max;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  Labels(int max) {
    if (max < 2) {
      throw new IllegalArgumentException("a classifier needs room for at least 2 classes, maxClasses was " + max);
    }
    this.max = max;
  }

  static Labels restore(int max, List<String> names) {
    Labels labels = new Labels(max);
    if (names.size() > max) {
      throw new IllegalArgumentException("state holds " + names.size() + " classes, more than the cap " + max);
    }
    for (String name : names) {
      if (labels.index.putIfAbsent(name, labels.names.size()) != null) {
        throw new IllegalArgumentException("state lists class '" + name + "' twice");
      }
      labels.names.add(name);
    }
    return labels;
  }

  /** The number of {@code label}, adding it if new; -1 when it is new and the cap is reached. */
  int intern(String label) {
    Integer i = index.get(label);
    if (i != null) {
      return i;
    }
    if (names.size() >= max) {
      return -1;
    }
    index.put(label, names.size());
    names.add(label);
    return names.size() - 1;
  }

  String name(int i) {
    return names.get(i);
  }

  int size() {
    return names.size();
  }

  int max() {
    return max;
  }

  List<String> names() {
    return List.copyOf(names);
  }
}
