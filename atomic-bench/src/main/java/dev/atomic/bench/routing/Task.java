package dev.atomic.bench.routing;

import java.util.Arrays;

/** The three RouterBench tasks in the data, each traded as its own microtask kind. */
enum Task {
  ARC("arc-challenge", "routerbench.arc", true),
  WINOGRANDE("winogrande", "routerbench.winogrande", true),
  MBPP("mbpp", "routerbench.mbpp", false);

  private final String dataName;
  private final String kind;
  private final boolean multipleChoice;

  Task(String dataName, String kind, boolean multipleChoice) {
    this.dataName = dataName;
    this.kind = kind;
    this.multipleChoice = multipleChoice;
  }

  /** The microtask kind this task is auctioned as. */
  String kind() {
    return kind;
  }

  /** Whether answers are a choice letter (ARC, WinoGrande) rather than code (MBPP). */
  boolean multipleChoice() {
    return multipleChoice;
  }

  /** The task named as in the data file's {@code task} field. */
  static Task fromData(String name) {
    return Arrays.stream(values()).filter(t -> t.dataName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown task '" + name + "'; expected one of "
            + Arrays.stream(values()).map(t -> t.dataName).toList()));
  }
}
