package dev.atomic.functions;

import dev.atomic.adapt.Learner;
import dev.atomic.bidding.TokenSink;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.models.llm.Decoding;
import dev.atomic.models.llm.Prompt;
import dev.atomic.output.PartialParser;
import dev.atomic.output.StructuredOutput;
import dev.atomic.task.Microtask;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the calls of one function interface: each call becomes a microtask (kind from {@link Task}, input an
 * {@link Invocation} that is text to local models and a rendered prompt to LLMs, constraints from {@link Limits}), is
 * executed by the exchange with the structured-output check (a value that does not parse escalates to the next bid),
 * and comes back as the method's return shape.
 *
 * <p>Hot path ({@link #call}): look up the plan, bind the arguments, render the template, build the microtask, execute.
 * Everything that can be checked was checked when the plan was made.
 */
final class FunctionHandler implements InvocationHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Class<?> type;
  private final Map<Method, MethodPlan> plans;
  private final Exchange exchange;
  private final Learner learner;
  private final String tenant;
  private final ExecutorService executor;

  FunctionHandler(Class<?> type, Map<Method, MethodPlan> plans, Exchange exchange, Learner learner, String tenant,
      ExecutorService executor) {
    this.type = type;
    this.plans = plans;
    this.exchange = exchange;
    this.learner = learner;
    this.tenant = tenant;
    this.executor = executor;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> type.getSimpleName() + "[atomic functions]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    MethodPlan plan = plans.get(method);
    Object[] arguments = args == null ? new Object[0] : args;
    return switch (plan.shape) {
      case VALUE -> call(plan, arguments).value();
      case RESULT -> call(plan, arguments);
      case FUTURE -> CompletableFuture.supplyAsync(() -> call(plan, arguments).value(), executor);
      case FUTURE_RESULT -> CompletableFuture.supplyAsync(() -> call(plan, arguments), executor);
    };
  }

  private Result<Object> call(MethodPlan plan, Object[] args) {
    Map<String, Object> arguments = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (i != plan.listenerIndex) {
        arguments.put(plan.parameterNames.get(i), args[i]);
      }
    }
    String text = plan.textIndex >= 0 && args[plan.textIndex] != null ? args[plan.textIndex].toString() : null;
    TokenSink sink = plan.listenerIndex >= 0 ? sink(plan.output, listener(args[plan.listenerIndex])) : null;
    Invocation invocation = new Invocation(plan.name, Map.copyOf(nonNull(arguments)), text, prompt(plan, arguments),
        sink);
    Microtask task = Microtask.builder(plan.kind)
        .input(invocation)
        .outputType(plan.valueType)
        .constraints(plan.constraints)
        .dataClasses(plan.dataClasses)
        .tenant(tenant)
        .build();
    Execution execution = exchange.execute(task, plan.output.check());
    Object value = execution.output();
    return new Result<>(value, execution,
        new FeedbackHandle<>(exchange, learner, task, execution.decision().id(), value));
  }

  private static Prompt prompt(MethodPlan plan, Map<String, Object> arguments) {
    if (plan.template == null) {
      return null;
    }
    Map<String, Object> rendered = new HashMap<>();
    arguments.forEach((name, value) -> rendered.put(name, render(value)));
    String user = plan.template.render(rendered) + "\n\n" + plan.examples + plan.output.instructions();
    return new Prompt("", user, plan.jsonSchema, Decoding.defaults());
  }

  /** Strings as they are; every other value as JSON, so records and lists reach the model whole. */
  private static String render(Object value) {
    return switch (value) {
      case null -> "null";
      case CharSequence s -> s.toString();
      case Enum<?> e -> e.name();
      case Number n -> n.toString();
      case Boolean b -> b.toString();
      default -> JSON.writeValueAsString(value);
    };
  }

  @SuppressWarnings("unchecked")
  private static Consumer<Object> listener(Object argument) {
    return (Consumer<Object>) Objects.requireNonNull(argument, "the streaming listener must not be null");
  }

  /** Feeds streamed chunks to a partial parser and hands each new partial value to the listener. */
  private static TokenSink sink(StructuredOutput<Object> output, Consumer<Object> listener) {
    PartialParser<Object> parser = output.streaming();
    Object[] last = {null};
    return chunk -> {
      synchronized (parser) {
        try {
          parser.feed(chunk);
          parser.value().filter(v -> !v.equals(last[0])).ifPresent(v -> {
            last[0] = v;
            listener.accept(v);
          });
        } catch (RuntimeException e) {
          // A listener or a partial parse must never break the model call; the final value is checked anyway.
        }
      }
    };
  }

  private static Map<String, Object> nonNull(Map<String, Object> arguments) {
    arguments.values().removeIf(Objects::isNull);
    return arguments;
  }

  static <F> F proxy(Class<F> type, FunctionHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
