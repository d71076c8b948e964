package dev.atomic.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one parameterised fixture of the store tests: every test of a subclass runs once on SQLite and once on
 * PostgreSQL, each time on a fresh, isolated database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
abstract class StoreFixture {

  @Parameter
  Backend backend;

  @TempDir
  Path dir;

  TestDatabase database;
  Store store;

  @BeforeEach
  void openStore() {
    database = backend.create(dir);
    store = database.open();
  }

  @AfterEach
  void closeStore() throws Exception {
    // Either may be missing when PostgreSQL was skipped (ATOMIC_TEST_POSTGRES=skip) or could not be opened.
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
