package dev.atomic.functions;

import dev.atomic.AtomicException;
import java.lang.reflect.Method;

/** A function interface that cannot work as declared; the message names the method and what is wrong with it. */
public final class FunctionDefinitionException extends AtomicException {

  FunctionDefinitionException(Method method, String problem) {
    super(method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": " + problem);
  }

  FunctionDefinitionException(Method method, String problem, Throwable cause) {
    super(method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": " + problem, cause);
  }
}
