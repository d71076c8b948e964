package dev.atomic.functions;

import dev.atomic.output.StructuredOutput;
import dev.atomic.output.parse.ParseLimits;
import dev.atomic.task.Constraints;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything worked out once, when a function interface is turned into an implementation: the kind, the checked
 * template, the parameter names, which parameter is the text and which the streaming listener, the return shape, the
 * structured output of the value type and the constraints. A bad declaration fails here, naming the method, never at
 * the first call.
 */
final class MethodPlan {

  /** How the method hands its value back. */
  enum Shape {
    VALUE,
    RESULT,
    FUTURE,
    FUTURE_RESULT
  }

  final Method method;
  final String name;
  final String kind;
  final Template template;
  final String examples;
  final List<String> parameterNames;
  final int textIndex;
  final int listenerIndex;
  final Shape shape;
  final Type valueType;
  final StructuredOutput<Object> output;
  final String jsonSchema;
  final Constraints constraints;
  final Set<String> dataClasses;

  private MethodPlan(Method method) {
    this.method = method;
    this.name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    Task task = method.getAnnotation(Task.class);
    if (task == null) {
      throw new FunctionDefinitionException(method, "has no @Task(kind); every abstract method of a function "
          + "interface is a microtask and needs one");
    }
    try {
      this.kind = Microtask.checkKind(task.value());
    } catch (IllegalArgumentException e) {
      throw new FunctionDefinitionException(method, e.getMessage(), e);
    }
    Type returned = method.getGenericReturnType();
    if (returned == void.class || returned == Void.class) {
      throw new FunctionDefinitionException(method, "returns void; a function must return its value, a Result<T> "
          + "or a CompletableFuture of either");
    }
    Type value = returned;
    Shape shape = Shape.VALUE;
    if (raw(value) == CompletableFuture.class) {
      value = typeArgument(method, value, "CompletableFuture");
      shape = Shape.FUTURE;
    }
    if (raw(value) == Result.class) {
      value = typeArgument(method, value, "Result");
      shape = shape == Shape.FUTURE ? Shape.FUTURE_RESULT : Shape.RESULT;
    }
    if (value instanceof Class<?> c && c.isPrimitive()) {
      value = box(c);
    }
    this.shape = shape;
    this.valueType = value;
    this.output = structuredOutput(method, value);
    this.jsonSchema = output.schema().toString();

    List<String> names = new ArrayList<>();
    int text = -1;
    int listener = -1;
    int strings = 0;
    int onlyString = -1;
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      Parameter p = parameters[i];
      names.add(parameterName(method, p));
      if (raw(p.getParameterizedType()) == Consumer.class) {
        Type heard = typeArgument(method, p.getParameterizedType(), "Consumer");
        if (!heard.equals(value) || listener >= 0) {
          throw new FunctionDefinitionException(method, "parameter '" + names.get(i) + "' is a Consumer<"
              + heard.getTypeName() + ">; a streaming function takes one Consumer of its value type "
              + value.getTypeName());
        }
        listener = i;
        continue;
      }
      if (p.getType() == String.class || p.getType() == CharSequence.class) {
        strings++;
        onlyString = i;
      }
      if (p.isAnnotationPresent(Text.class)) {
        if (text >= 0) {
          throw new FunctionDefinitionException(method, "has two @Text parameters; local models read one text");
        }
        if (!CharSequence.class.isAssignableFrom(p.getType())) {
          throw new FunctionDefinitionException(method, "@Text parameter '" + names.get(i) + "' is a "
              + p.getType().getSimpleName() + "; it must be a String");
        }
        text = i;
      }
    }
    this.textIndex = text >= 0 ? text : strings == 1 ? onlyString : -1;
    this.listenerIndex = listener;
    this.parameterNames = List.copyOf(names);

    this.template = template(method);
    if (template != null) {
      Set<String> bindable = new LinkedHashSet<>(names);
      if (listener >= 0) {
        bindable.remove(names.get(listener));
      }
      for (String placeholder : template.placeholders()) {
        if (!bindable.contains(placeholder)) {
          throw new FunctionDefinitionException(method, "its template names {{" + placeholder
              + "}}, which is not a parameter; parameters are " + bindable);
        }
      }
    }
    this.examples = examples(method);
    Limits limits = method.getAnnotation(Limits.class);
    if (limits == null) {
      limits = method.getDeclaringClass().getAnnotation(Limits.class);
    }
    this.constraints = constraints(method, limits);
    this.dataClasses = limits == null ? Set.of() : Set.of(limits.dataClasses());
  }

  static MethodPlan of(Method method) {
    return new MethodPlan(method);
  }

  private static StructuredOutput<Object> structuredOutput(Method method, Type value) {
    try {
      return StructuredOutput.forType(value, ParseLimits.DEFAULT);
    } catch (RuntimeException e) {
      throw new FunctionDefinitionException(method, "returns " + value.getTypeName()
          + ", which cannot be a structured output: " + e.getMessage(), e);
    }
  }

  private static String parameterName(Method method, Parameter p) {
    P named = p.getAnnotation(P.class);
    if (named != null) {
      if (named.value().isBlank()) {
        throw new FunctionDefinitionException(method, "has a parameter with a blank @P name");
      }
      return named.value();
    }
    if (!p.isNamePresent()) {
      throw new FunctionDefinitionException(method, "parameter names are not available: compile with "
          + "-parameters or name each parameter with @P(\"name\")");
    }
    return p.getName();
  }

  private static Template template(Method method) {
    Instructions instructions = method.getAnnotation(Instructions.class);
    if (instructions == null) {
      return null;
    }
    boolean inline = !instructions.value().isBlank();
    boolean resource = !instructions.resource().isBlank();
    if (inline == resource) {
      throw new FunctionDefinitionException(method, "@Instructions needs exactly one of value and resource");
    }
    if (inline) {
      return Template.of(instructions.value());
    }
    try (InputStream in = method.getDeclaringClass().getClassLoader().getResourceAsStream(instructions.resource())) {
      if (in == null) {
        throw new FunctionDefinitionException(method, "its instructions resource '" + instructions.resource()
            + "' is not on the classpath");
      }
      return Template.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new FunctionDefinitionException(method, "cannot read instructions resource '" + instructions.resource()
          + "': " + e.getMessage(), e);
    }
  }

  private static String examples(Method method) {
    Example[] examples = method.getAnnotationsByType(Example.class);
    if (examples.length == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder("Examples:\n");
    for (Example e : examples) {
      out.append("Input: ").append(e.input()).append("\nOutput: ").append(e.output()).append('\n');
    }
    return out.toString();
  }

  private static Constraints constraints(Method method, Limits limits) {
    if (limits == null) {
      return Constraints.none();
    }
    if (limits.latencySloMs() < 0) {
      throw new FunctionDefinitionException(method, "@Limits latencySloMs must be >= 0 (0 for none), was "
          + limits.latencySloMs());
    }
    try {
      Constraints c = Constraints.none().withMaxCostUsd(limits.maxCostUsd()).withMinQuality(limits.minQuality());
      return limits.latencySloMs() == 0 ? c : c.withLatencySlo(Duration.ofMillis(limits.latencySloMs()));
    } catch (IllegalArgumentException e) {
      throw new FunctionDefinitionException(method, "@Limits " + e.getMessage(), e);
    }
  }

  private static Type typeArgument(Method method, Type type, String what) {
    if (!(type instanceof ParameterizedType p)) {
      throw new FunctionDefinitionException(method, "uses a raw " + what + "; say what it holds, e.g. " + what
          + "<SpamVerdict>");
    }
    return p.getActualTypeArguments()[0];
  }

  private static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      default -> Object.class;
    };
  }

  private static Class<?> box(Class<?> primitive) {
    return switch (primitive.getName()) {
      case "boolean" -> Boolean.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> primitive;
    };
  }
}
