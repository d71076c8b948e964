package dev.atomic.models.llm;

import dev.atomic.AtomicException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where API keys come from: the process environment, then an optional secrets file in {@code .properties} format with
 * the same names ({@code ATOMIC_OPENAI_API_KEY=...}). Keys are never read from configuration values, so a config file
 * can be shared and logged. Immutable; the environment is passed in, so tests never touch the real one.
 */
public final class Secrets {

  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final String fileName;

  private Secrets(Map<String, String> environment, Map<String, String> file, String fileName) {
    this.environment = Map.copyOf(environment);
    this.file = Map.copyOf(file);
    this.fileName = fileName;
  }

  /** Secrets from the process environment only. */
  public static Secrets fromEnvironment() {
    return of(System.getenv());
  }

  /** Secrets from the given environment variables only. */
  public static Secrets of(Map<String, String> environment) {
    return new Secrets(Objects.requireNonNull(environment, "environment"), Map.of(), null);
  }

  /**
   * These secrets, falling back to the given {@code .properties} file for names the environment lacks.
   *
   * @throws AtomicException when the file cannot be read; the message names the file, never its content
   */
  public Secrets withFile(Path secretsFile) {
    Objects.requireNonNull(secretsFile, "secretsFile");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      // The exception's own message could quote a line of the file: leave it out.
      throw new AtomicException(
          "cannot read the secrets file " + secretsFile + " (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
    return new Secrets(environment, values, secretsFile.toString());
  }

  /** The secret of that name, from the environment first, then the file; empty when neither has a non-blank value. */
  public Optional<Secret> find(String name) {
    Objects.requireNonNull(name, "name");
    String fromEnvironment = environment.get(name);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(Secret.of(fromEnvironment, "environment variable " + name));
    }
    String fromFile = file.get(name);
    if (fromFile != null && !fromFile.isBlank()) {
      return Optional.of(Secret.of(fromFile, "secrets file " + fileName + " entry " + name));
    }
    return Optional.empty();
  }

  /**
   * The secret of that name.
   *
   * @throws AtomicException when it is missing; the message says where it was looked for
   */
  public Secret require(String name) {
    return find(name).orElseThrow(() -> new AtomicException("no secret named " + name
        + ": set the environment variable " + name
        + (fileName == null ? "" : " or add it to the secrets file " + fileName)));
  }

  @Override
  public String toString() {
    return "Secrets[environment, file=" + fileName + "]";
  }
}
