package dev.atomic.models.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The models a configuration declares: the {@code models:} list of a YAML file (other top-level sections belong to
 * whoever reads the rest of the file and are left alone). Each entry has an {@code id} and a {@code type}; see
 * {@code config/atomic.example.yaml} for every key.
 *
 * @param models the entries in file order, ids unique
 */
public record ModelsConfig(List<ModelSpec> models) {

  public ModelsConfig {
    models = List.copyOf(models);
    Set<String> ids = new HashSet<>();
    for (ModelSpec spec : models) {
      if (!ids.add(spec.id())) {
        throw new IllegalArgumentException("two models have the id '" + spec.id() + "'; ids must be unique");
      }
    }
  }

  /** No models. */
  public static ModelsConfig none() {
    return new ModelsConfig(List.of());
  }

  /**
   * Reads the {@code models:} section of a YAML file; none when the file has no such section.
   *
   * @throws IllegalArgumentException naming the file, the entry and the key when something is unreadable or wrong
   */
  public static ModelsConfig read(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Reads the {@code models:} section of YAML text; {@code source} names it in messages. */
  public static ModelsConfig parse(String source, String yaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new IllegalArgumentException(source + " is not valid YAML" + line + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.has("models") || root.get("models").isNull()) {
      return none();
    }
    JsonNode list = root.get("models");
    if (!list.isArray()) {
      throw new IllegalArgumentException(source + ": 'models' must be a list of entries, each with an id and a type; "
          + "was " + list.getNodeType());
    }
    List<ModelSpec> specs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      specs.add(new EntryReader(source, i, list.get(i)).read());
    }
    try {
      return new ModelsConfig(specs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** The model with that id. */
  public Optional<ModelSpec> find(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
