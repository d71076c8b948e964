package dev.atomic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Static typing of expressions over Java types: which field of a record a path reads, and whether one step's output
 * fits another's input. {@code Object} and {@code JsonNode} are "unknown": accepted at load and checked when the value
 * is converted at run time.
 */
final class Types {

  private Types() {}

  /** A {@code List<element>}, for a fan-out step's output. */
  static Type listOf(Type element) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return new Type[] {element};
      }

      @Override
      public Type getRawType() {
        return List.class;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof ParameterizedType p && p.getRawType() == List.class && p.getOwnerType() == null
            && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(getActualTypeArguments()) ^ List.class.hashCode();
      }

      @Override
      public String toString() {
        return "List<" + name(element) + ">";
      }
    };
  }

  /** The type a path of fields reads from a root of the given type. */
  static Type field(Type root, List<String> fields, List<String> path) {
    Type current = root;
    for (String field : fields) {
      if (isUnknown(current)) {
        return Object.class;
      }
      Class<?> raw = raw(current);
      if (Map.class.isAssignableFrom(raw)) {
        current = current instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
        continue;
      }
      if (!raw.isRecord()) {
        throw new IllegalArgumentException(String.join(".", path) + " reads field '" + field + "' of " + name(current)
            + ", which has no fields");
      }
      RecordComponent match = Arrays.stream(raw.getRecordComponents())
          .filter(c -> c.getName().equals(field)).findFirst().orElse(null);
      if (match == null) {
        throw new IllegalArgumentException(String.join(".", path) + ": " + name(current) + " has no field '" + field
            + "' (fields: " + String.join(", ", Arrays.stream(raw.getRecordComponents())
            .map(RecordComponent::getName).toList()) + ")");
      }
      current = match.getGenericType();
    }
    return current instanceof TypeVariable<?> || current instanceof WildcardType ? Object.class : current;
  }

  /** The element type of a collection type, for fan-out. */
  static Type element(Type collection) {
    if (isUnknown(collection)) {
      return Object.class;
    }
    if (collection instanceof GenericArrayType g) {
      return g.getGenericComponentType();
    }
    Class<?> raw = raw(collection);
    if (raw.isArray()) {
      return raw.getComponentType();
    }
    if (!Collection.class.isAssignableFrom(raw)) {
      throw new IllegalArgumentException("forEach needs a list, but it reads " + name(collection));
    }
    if (collection instanceof ParameterizedType p) {
      Type arg = p.getActualTypeArguments()[0];
      return arg instanceof Class<?> || arg instanceof ParameterizedType ? arg : Object.class;
    }
    return Object.class;
  }

  /** Whether a value of type {@code source} fits where {@code target} is expected. */
  static boolean fits(Type target, Type source) {
    if (isUnknown(source) || isUnknown(target)) {
      return true;
    }
    Class<?> t = box(raw(target));
    Class<?> s = box(raw(source));
    if (Number.class.isAssignableFrom(t) && Number.class.isAssignableFrom(s)) {
      return true;
    }
    if (!t.isAssignableFrom(s)) {
      return false;
    }
    if (target instanceof ParameterizedType tp && source instanceof ParameterizedType sp
        && tp.getActualTypeArguments().length == sp.getActualTypeArguments().length && t == s) {
      Type[] ta = tp.getActualTypeArguments();
      Type[] sa = sp.getActualTypeArguments();
      for (int i = 0; i < ta.length; i++) {
        if (!(ta[i] instanceof WildcardType) && !fits(ta[i], sa[i])) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean isBooleanLike(Type t) {
    return isUnknown(t) || box(raw(t)) == Boolean.class;
  }

  static boolean isUnknown(Type t) {
    return t == Object.class || t instanceof TypeVariable<?> || t instanceof WildcardType
        || t instanceof Class<?> c && JsonNode.class.isAssignableFrom(c);
  }

  static Class<?> raw(Type t) {
    return switch (t) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case GenericArrayType g -> java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
      default -> Object.class;
    };
  }

  static String name(Type t) {
    if (t instanceof Class<?> c) {
      return c.getSimpleName();
    }
    if (t instanceof ParameterizedType p) {
      return raw(p).getSimpleName() + "<" + String.join(", ",
          Arrays.stream(p.getActualTypeArguments()).map(Types::name).toList()) + ">";
    }
    return t.getTypeName();
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return switch (c.getName()) {
      case "boolean" -> Boolean.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> Void.class;
    };
  }
}
