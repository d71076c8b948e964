package dev.atomic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a benchmark's two files: figures as JSON for programs, a Markdown report for people. */
public final class Reports {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  /** Writes {@code <out>/<name>.json} and {@code <out>/<name>.md}; returns the JSON path. */
  public static Path write(Path out, String name, Object figures, String markdown) throws IOException {
    Files.createDirectories(out);
    Path json = out.resolve(name + ".json");
    JSON.writeValue(json.toFile(), figures);
    Files.writeString(out.resolve(name + ".md"), markdown);
    return json;
  }

  public static ObjectMapper json() {
    return JSON;
  }
}
