package dev.atomic.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The prompt template of a function, for models that need one: inline ({@link #value()}) or a classpath resource
 * ({@link #resource()}), with placeholders {@code {{name}}} bound to the method's parameters. Local models that serve
 * the function by its contract ignore it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Instructions {

  /** The template itself. */
  String value() default "";

  /** A classpath resource holding the template, instead of {@link #value()}. */
  String resource() default "";
}
