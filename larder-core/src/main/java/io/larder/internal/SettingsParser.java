package io.larder.internal;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.KeyFunction;
import io.larder.Timeout;
import io.larder.spi.CacheBackend;
import io.larder.spi.CommonOptions;
import io.larder.spi.SettingValues;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks one alias's raw settings and makes its {@link CacheSettings}. Unlike Django, nothing wrong
 * is silently replaced by a default: every error names the alias, the setting, the value and what
 * is accepted.
 */
public final class SettingsParser {
  static final List<String> SETTINGS =
      List.of("backend", "location", "timeout", "key_prefix", "version", "key_function", "options");
  /** Django's legacy lower-case parameters, read as options. */
  private static final Set<String> LEGACY_OPTIONS = Set.of("max_entries", "cull_frequency");

  private final Backends backends;
  private final InstantSource clock;
  private final Function<Checked, CacheSettings> settingsFactory;

  /** One alias's checked settings, which {@link CacheSettings} holds. */
  public record Checked(
      String alias,
      String backend,
      String location,
      List<String> locations,
      Timeout timeout,
      String keyPrefix,
      int version,
      KeyFunction keyFunction,
      Map<String, Object> options,
      InstantSource clock) {}

  /**
   * @param settingsFactory {@code CacheSettings::new}, a constructor that is not public API, handed
   *     over by {@code Caches}
   */
  public SettingsParser(
      Backends backends, InstantSource clock, Function<Checked, CacheSettings> settingsFactory) {
    this.backends = backends;
    this.clock = clock;
    this.settingsFactory = settingsFactory;
  }

  /**
   * One alias's checked settings, its backend, and the aliases it is built on ({@link
   * CacheBackend#builtOn}).
   */
  public record Parsed(CacheSettings settings, CacheBackend backend, List<String> builtOn) {}

  /**
   * The aliases of {@code parsed} in the order to build them: configuration order, each after the
   * caches it is built on.
   *
   * @throws InvalidConfigurationException naming the alias, for a cache built on one that is not
   *     configured or on itself
   */
  public List<String> buildOrder(Map<String, Parsed> parsed) {
    Map<String, List<String>> builtOn = new LinkedHashMap<>();
    parsed.forEach((alias, p) -> builtOn.put(alias, p.builtOn()));
    return BuildOrder.of(builtOn);
  }

  public Parsed parse(String alias, Object rawSettings) {
    if (!(rawSettings instanceof Map<?, ?> raw)) {
      throw new InvalidConfigurationException(
          "Cache '" + alias + "': its settings must be a mapping, got " + rawSettings);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> legacyOptions = new LinkedHashMap<>();
    Map<String, Object> others = new LinkedHashMap<>();
    raw.forEach(
        (key, value) -> {
          String name = String.valueOf(key).toLowerCase(Locale.ROOT);
          if (LEGACY_OPTIONS.contains(name)) {
            legacyOptions.put(name, value);
          } else if (SETTINGS.contains(name)) {
            values.put(name, value);
          } else {
            others.put(String.valueOf(key), value);
          }
        });

    Object backendName = values.get("backend");
    if (!(backendName instanceof String name) || name.isBlank()) {
      throw InvalidConfigurationException.badSetting(
          alias, "backend", backendName, "a backend name such as locmem, filebased or dummy");
    }
    CacheBackend backend = backends.find(alias, name.trim());
    // A backend's own options may also stand beside BACKEND, as Django's custom backends read
    // theirs (a CacheChainBackend setting has BACKENDS there).
    others.forEach(
        (key, value) -> {
          String option = key.toLowerCase(Locale.ROOT);
          if (backend.options().stream().noneMatch(o -> o.name().equals(option))) {
            throw InvalidConfigurationException.badSetting(
                alias,
                key,
                value,
                "no such setting; the settings are "
                    + String.join(", ", SETTINGS)
                    + " (in Django's upper case or in lower case)");
          }
          legacyOptions.put(option, value);
        });

    Map<String, Object> options = options(alias, values.get("options"));
    legacyOptions.forEach(options::putIfAbsent);
    checkOptionNames(alias, options, backend);

    Object location = values.get("location");
    CacheSettings settings =
        settingsFactory.apply(
            new Checked(
                alias,
                name.trim(),
                location(alias, location),
                locations(alias, location),
                timeout(alias, values.getOrDefault("timeout", CacheSettings.DEFAULT_TIMEOUT)),
                keyPrefix(alias, values.get("key_prefix")),
                version(alias, values.get("version")),
                keyFunction(alias, values.get("key_function")),
                options,
                clock));
    settings.maxEntries();
    settings.cullFrequency();
    return new Parsed(settings, backend, List.copyOf(backend.builtOn(settings)));
  }

  private static Map<String, Object> options(String alias, Object raw) {
    Map<String, Object> options = new LinkedHashMap<>();
    if (raw == null) {
      return options;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw InvalidConfigurationException.badSetting(alias, "options", raw, "a mapping");
    }
    map.forEach((key, value) -> options.put(String.valueOf(key).toLowerCase(Locale.ROOT), value));
    return options;
  }

  private static void checkOptionNames(
      String alias, Map<String, Object> options, CacheBackend backend) {
    if (backend.acceptsAnyOption()) {
      return;
    }
    Set<String> accepted = new HashSet<>(Serializers.providerOptions());
    CommonOptions.all().forEach(option -> accepted.add(option.name()));
    backend.options().forEach(option -> accepted.add(option.name()));
    for (String name : options.keySet()) {
      if (!accepted.contains(name)) {
        throw InvalidConfigurationException.badSetting(
            alias,
            "options." + name,
            options.get(name),
            "no such option for the "
                + backend.name()
                + " backend; its options are "
                + String.join(", ", new TreeSet<>(accepted)));
      }
    }
  }

  private static String location(String alias, Object raw) {
    if (raw == null) {
      return "";
    }
    if (raw instanceof String s) {
      return s.trim();
    }
    if (raw instanceof List<?> list) {
      return String.join(",", locations(alias, list));
    }
    throw InvalidConfigurationException.badSetting(
        alias, "location", raw, "a string or a list of strings");
  }

  private static List<String> locations(String alias, Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof String s) {
      return Arrays.stream(s.split("[;,]")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
    if (raw instanceof List<?> list) {
      List<String> result = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String s) || s.isBlank()) {
          throw InvalidConfigurationException.badSetting(
              alias, "location", raw, "a string or a list of non-empty strings");
        }
        result.add(s.trim());
      }
      return result;
    }
    throw InvalidConfigurationException.badSetting(
        alias, "location", raw, "a string or a list of strings");
  }

  static Timeout timeout(String alias, Object raw) {
    try {
      return SettingValues.timeout(raw);
    } catch (IllegalArgumentException e) {
      throw InvalidConfigurationException.badSetting(alias, "timeout", raw, e.getMessage());
    }
  }

  private static String keyPrefix(String alias, Object raw) {
    if (raw == null) {
      return "";
    }
    if (raw instanceof String || raw instanceof Number) {
      return raw.toString();
    }
    throw InvalidConfigurationException.badSetting(alias, "key_prefix", raw, "a string");
  }

  private static int version(String alias, Object raw) {
    if (raw == null) {
      return 1;
    }
    try {
      if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
        return Math.toIntExact(((Number) raw).longValue());
      }
      if (raw instanceof String s) {
        return Integer.parseInt(s.trim());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw InvalidConfigurationException.badSetting(alias, "version", raw, "an integer");
  }

  private static KeyFunction keyFunction(String alias, Object raw) {
    if (raw == null) {
      return KeyFunction.django();
    }
    if (raw instanceof KeyFunction function) {
      return function;
    }
    String accepted = "the class name of a KeyFunction with a public no-argument constructor";
    if (raw instanceof String className) {
      Class<?> type = Instances.load(className.trim());
      if (type != null && KeyFunction.class.isAssignableFrom(type)) {
        try {
          return (KeyFunction) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
          throw InvalidConfigurationException.badSetting(alias, "key_function", raw, accepted);
        }
      }
    }
    throw InvalidConfigurationException.badSetting(alias, "key_function", raw, accepted);
  }
}
