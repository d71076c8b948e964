package dev.atomic.cli;

import dev.atomic.models.config.ConfiguredModels;
import dev.atomic.models.config.ModelsConfig;
import dev.atomic.models.llm.Secrets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The models a configuration file declares, for the commands that serve or list them. Keys come from the environment,
 * then from the {@code .properties} file named by {@code ATOMIC_SECRETS_FILE}, by the names the entries give.
 */
final class ModelSetup {

  static final String SECRETS_FILE_VARIABLE = "ATOMIC_SECRETS_FILE";

  private ModelSetup() {}

  /** The declared models, unbuilt: no key is read and no model loaded. None without a file. */
  static ModelsConfig specs(Path config) {
    return config == null ? ModelsConfig.none() : ModelsConfig.read(config);
  }

  static Secrets secrets(Map<String, String> environment) {
    Secrets secrets = Secrets.of(environment);
    String file = environment.get(SECRETS_FILE_VARIABLE);
    return file == null || file.isBlank() ? secrets : secrets.withFile(Path.of(file));
  }

  /**
   * Builds the declared models.
   *
   * @throws RuntimeException naming the entry when one cannot be read or built; never quoting a key
   */
  static ConfiguredModels build(Path config, Map<String, String> environment) {
    ModelsConfig specs = specs(config);
    return ConfiguredModels.create(specs, specs.models().isEmpty() ? Secrets.of(Map.of()) : secrets(environment));
  }
}
