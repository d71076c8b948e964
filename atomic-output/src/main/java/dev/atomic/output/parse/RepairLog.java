package dev.atomic.output.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects repairs, keeping the JSON path of the value being parsed or aligned. Bounded, so that a hostile input with
 * a million faults cannot make the log itself the problem.
 */
final class RepairLog {

  private static final int MAX_REPAIRS = 256;

  private final List<Repair> repairs = new ArrayList<>();
  private Object[] path = new Object[16];
  private int depth;
  private int dropped;

  /** A new, empty log at the same path: for trying an alignment on the side. */
  RepairLog fork() {
    RepairLog f = new RepairLog();
    f.path = Arrays.copyOf(path, Math.max(path.length, 16));
    f.depth = depth;
    return f;
  }

  void push(String key) {
    grow();
    path[depth++] = key;
  }

  void push(int index) {
    grow();
    path[depth++] = index;
  }

  void pop() {
    depth--;
  }

  void add(Repair.Kind kind, int offset, String detail) {
    if (repairs.size() >= MAX_REPAIRS) {
      dropped++;
      return;
    }
    repairs.add(new Repair(kind, path(), offset, detail));
  }

  void addAll(List<Repair> more) {
    for (Repair r : more) {
      if (repairs.size() >= MAX_REPAIRS) {
        dropped++;
      } else {
        repairs.add(r);
      }
    }
  }

  int size() {
    return repairs.size() + dropped;
  }

  List<Repair> repairs() {
    return List.copyOf(repairs);
  }

  String path() {
    return Paths.render(path, depth);
  }

  private void grow() {
    if (depth == path.length) {
      path = Arrays.copyOf(path, depth * 2);
    }
  }
}
