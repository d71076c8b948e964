package dev.atomic.output.schema;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/** Every class reachable from a type through record components, type arguments and sealed permits. */
public final class TypeGraph {

  private TypeGraph() {}

  /** The classes reachable from {@code root}, the root's own class first. */
  public static Set<Class<?>> classes(Type root) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Type t = todo.pop();
      switch (t) {
        case Class<?> c -> {
          if (c.isArray()) {
            todo.push(c.getComponentType());
          } else if (seen.add(c)) {
            if (c.isRecord()) {
              for (RecordComponent rc : c.getRecordComponents()) {
                todo.push(rc.getGenericType());
              }
            }
            if (c.isSealed()) {
              for (Class<?> sub : c.getPermittedSubclasses()) {
                todo.push(sub);
              }
            }
          }
        }
        case ParameterizedType p -> {
          todo.push(p.getRawType());
          for (Type arg : p.getActualTypeArguments()) {
            todo.push(arg);
          }
        }
        case GenericArrayType g -> todo.push(g.getGenericComponentType());
        case WildcardType w -> {
          for (Type u : w.getUpperBounds()) {
            todo.push(u);
          }
        }
        default -> { }
      }
    }
    return seen;
  }
}
