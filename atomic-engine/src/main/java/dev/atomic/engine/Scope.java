package dev.atomic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;

/** What an expression's roots ({@code request}, {@code steps.<id>.output}, {@code item}) stand for. */
final class Scope {

  private Scope() {}

  /** Root types, when a pipeline is checked at load. */
  @FunctionalInterface
  interface Types {
    Type root(Expression.Hole hole);
  }

  /** Root values, when a step runs. */
  @FunctionalInterface
  interface Values {
    JsonNode root(Expression.Hole hole);
  }
}
