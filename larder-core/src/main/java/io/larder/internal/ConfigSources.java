package io.larder.internal;

import io.larder.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Django's {@code CACHES} model from YAML, Java properties and environment variables into
 * one shape: alias → setting → value, with options as a nested map.
 */
public final class ConfigSources {
  static final String ENV_PREFIX = "LARDER_CACHES_";
  private static final List<String> ENV_SETTINGS =
      List.of("KEY_FUNCTION", "KEY_PREFIX", "BACKEND", "LOCATION", "TIMEOUT", "VERSION");

  private ConfigSources() {}

  /** The aliases of a {@code .yml}/{@code .yaml} or {@code .properties} file. */
  public static Map<String, Object> file(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".properties")) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
          properties.load(reader);
        }
        return properties(properties, path.toString());
      }
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        try (InputStream in = Files.newInputStream(path)) {
          return yaml(in, path.toString());
        }
      }
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "Cannot read the cache configuration " + path + ": " + e, e);
    }
    throw new InvalidConfigurationException(
        "Cannot read the cache configuration "
            + path
            + ": its name must end in .yml, .yaml or .properties");
  }

  /** The aliases under the {@code caches} (or {@code CACHES}) key of a YAML document. */
  static Map<String, Object> yaml(InputStream in, String source) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (YAMLException e) {
      throw new InvalidConfigurationException(
          "The cache configuration " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (document == null) {
      return new LinkedHashMap<>();
    }
    if (!(document instanceof Map<?, ?> root)) {
      throw new InvalidConfigurationException(
          "The cache configuration " + source + " must be a mapping with a 'caches' key");
    }
    return caches(root, source);
  }

  /** The aliases of a {@code caches} (or {@code CACHES}) mapping, copied so they can be changed. */
  public static Map<String, Object> caches(Map<?, ?> root, String source) {
    String key = root.containsKey("caches") ? "caches" : "CACHES";
    Object caches = root.get(key);
    if (caches == null && root.containsKey(key)) {
      throw new InvalidConfigurationException(
          "The cache configuration "
              + source
              + " has '"
              + key
              + ":' with no aliases under it; define at least 'default' (as Django's CACHES"
              + " must), or remove the key to use the default local-memory cache");
    }
    if (caches == null) {
      if (root.isEmpty()) {
        return new LinkedHashMap<>();
      }
      throw new InvalidConfigurationException(
          "The cache configuration "
              + source
              + " has no 'caches' key; found: "
              + root.keySet()
              + ". Put the aliases under 'caches:', as in Django's CACHES.");
    }
    if (!(caches instanceof Map<?, ?> aliases)) {
      throw new InvalidConfigurationException(
          "The cache configuration " + source + ": 'caches' must map aliases to settings");
    }
    return copy(aliases, source + " caches");
  }

  /**
   * The aliases of properties named {@code caches.<alias>.<setting>} or {@code
   * caches.<alias>.options.<name>}, with an optional {@code larder.} in front.
   */
  public static Map<String, Object> properties(Properties properties, String source) {
    Map<String, Object> aliases = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      String path = name.startsWith("larder.") ? name.substring("larder.".length()) : name;
      if (!path.startsWith("caches.")) {
        continue;
      }
      String[] parts = path.substring("caches.".length()).split("\\.", 2);
      if (parts.length < 2 || parts[0].isEmpty()) {
        throw new InvalidConfigurationException(
            "Property '"
                + name
                + "' in "
                + source
                + " names no setting; use caches.<alias>.<setting> or"
                + " caches.<alias>.options.<name>");
      }
      Map<String, Object> settings = aliasSettings(aliases, parts[0]);
      String value = properties.getProperty(name).trim();
      String setting = parts[1];
      if (setting.toLowerCase(Locale.ROOT).startsWith("options.")) {
        options(settings).put(setting.substring("options.".length()), value);
      } else {
        settings.put(setting, value);
      }
    }
    return aliases;
  }

  /**
   * Applies {@code LARDER_CACHES_<ALIAS>_<SETTING>} and {@code LARDER_CACHES_<ALIAS>_OPTIONS_<NAME>}
   * variables to {@code aliases}. An alias is matched ignoring case, with {@code -} and {@code .}
   * written as {@code _}; a variable for an unknown alias defines it.
   */
  public static void applyEnvironment(Map<String, Object> aliases, Map<String, String> environment) {
    environment.entrySet().stream()
        .filter(e -> e.getKey().startsWith(ENV_PREFIX))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> applyVariable(aliases, e.getKey(), e.getValue()));
  }

  private static void applyVariable(Map<String, Object> aliases, String variable, String value) {
    String rest = variable.substring(ENV_PREFIX.length());
    int options = rest.indexOf("_OPTIONS_");
    if (options > 0) {
      String option = rest.substring(options + "_OPTIONS_".length()).toLowerCase(Locale.ROOT);
      options(aliasSettings(aliases, envAlias(aliases, rest.substring(0, options))))
          .put(option, value);
      return;
    }
    for (String setting : ENV_SETTINGS) {
      if (rest.endsWith("_" + setting) && rest.length() > setting.length() + 1) {
        String alias = envAlias(aliases, rest.substring(0, rest.length() - setting.length() - 1));
        Map<String, Object> settings = aliasSettings(aliases, alias);
        settings.keySet().removeIf(k -> k.equalsIgnoreCase(setting));
        settings.put(setting.toLowerCase(Locale.ROOT), value);
        return;
      }
    }
    throw new InvalidConfigurationException(
        "Environment variable "
            + variable
            + " names no cache setting; accepted: "
            + ENV_PREFIX
            + "<ALIAS>_<SETTING> with SETTING one of "
            + String.join(", ", ENV_SETTINGS)
            + ", or "
            + ENV_PREFIX
            + "<ALIAS>_OPTIONS_<NAME>");
  }

  private static String envAlias(Map<String, Object> aliases, String envName) {
    for (String alias : aliases.keySet()) {
      if (alias.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_').equals(envName)) {
        return alias;
      }
    }
    return envName.toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> aliasSettings(Map<String, Object> aliases, String alias) {
    Object settings = aliases.computeIfAbsent(alias, a -> new LinkedHashMap<String, Object>());
    if (!(settings instanceof Map)) {
      throw new InvalidConfigurationException(
          "Cache '" + alias + "': its settings must be a mapping, got " + settings);
    }
    return (Map<String, Object>) settings;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> options(Map<String, Object> settings) {
    String key =
        settings.keySet().stream()
            .filter(k -> k.equalsIgnoreCase("options"))
            .findFirst()
            .orElse("options");
    Object options = settings.get(key);
    if (options == null) {
      options = new LinkedHashMap<String, Object>();
      settings.put(key, options);
    }
    if (!(options instanceof Map)) {
      throw new InvalidConfigurationException("'options' must be a mapping, got " + options);
    }
    return (Map<String, Object>) options;
  }

  /** A deep, mutable copy of a configuration mapping with string keys. */
  public static Map<String, Object> copy(Map<?, ?> map, String where) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (!(key instanceof String name)) {
            throw new InvalidConfigurationException(
                "The cache configuration " + where + " has a non-text key: " + key);
          }
          copy.put(name, value instanceof Map<?, ?> nested ? copy(nested, where + "." + name) : value);
        });
    return copy;
  }
}
