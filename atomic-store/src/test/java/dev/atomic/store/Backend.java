package dev.atomic.store;

import java.nio.file.Path;

/** The databases every parameterised store test runs on. */
enum Backend {
  SQLITE,
  POSTGRES;

  /** A fresh, isolated database of this kind; close it to delete it. */
  TestDatabase create(Path dir) {
    return switch (this) {
      case SQLITE -> TestDatabase.sqlite(dir.resolve("ledger.db"));
      case POSTGRES -> TestDatabase.postgres();
    };
  }
}
