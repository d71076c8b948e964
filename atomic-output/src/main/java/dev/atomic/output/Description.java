package dev.atomic.output;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a type or a record component to the model: it becomes the JSON Schema {@code description} and a comment in
 * the compact type rendering. Atomic's own annotation, so output types need no dependency on a JSON library.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Description {
  String value();
}
