package dev.atomic.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hard constraints for every call of a function (on a method), or of every function of an interface (on the type;
 * a method's own limits replace the interface's).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Limits {

  /** The most one call may cost, in USD; unlimited by default. */
  double maxCostUsd() default Double.POSITIVE_INFINITY;

  /** The longest expected latency accepted, in milliseconds; 0 for none. */
  long latencySloMs() default 0;

  /** The lowest acceptable expected quality, in [0, 1]. */
  double minQuality() default 0;

  /** Data classes the inputs always hold (for policies), such as {@code pii.email}. */
  String[] dataClasses() default {};
}
