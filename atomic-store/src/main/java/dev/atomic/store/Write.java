package dev.atomic.store;

import java.sql.SQLException;

/** One unit of work for the {@link BatchWriter}: statements run inside the writer's open transaction. */
interface Write {

  /** Runs the statements; throws to reject this write (the writer then rolls back only what this write did). */
  void apply(Tx tx) throws SQLException;

  /** What is written, for error messages. */
  String describe();

  /** The statements of a write, as a lambda. */
  @FunctionalInterface
  interface Statements {
    void apply(Tx tx) throws SQLException;
  }

  /** A write of {@code statements}, described as {@code what} in error messages. */
  static Write of(String what, Statements statements) {
    return new Write() {
      @Override
      public void apply(Tx tx) throws SQLException {
        statements.apply(tx);
      }

      @Override
      public String describe() {
        return what;
      }
    };
  }

  /** A write of nothing, whose acknowledgement means everything queued before it is acknowledged. */
  Write FLUSH = new Write() {
    @Override
    public void apply(Tx tx) {}

    @Override
    public String describe() {
      return "flush";
    }
  };
}
