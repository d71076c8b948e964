package dev.atomic.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an interface method as a microtask function of the given kind, such as {@code email.spam}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {

  /** The microtask kind: what is asked, a dotted lower-case name. */
  String value();
}
