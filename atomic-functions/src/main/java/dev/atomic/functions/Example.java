package dev.atomic.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A worked example shown to prompted models: an input text and the JSON of the expected output. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Example.List.class)
public @interface Example {

  String input();

  /** The expected output as JSON (a bare enum constant may be written as a JSON string). */
  String output();

  /** Holds repeated {@link Example}s. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    Example[] value();
  }
}
