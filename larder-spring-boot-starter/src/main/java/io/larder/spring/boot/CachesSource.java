package io.larder.spring.boot;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.OperationTimer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds the application's {@link Caches} from {@code larder.config} (a larder.yml anywhere Spring
 * can load a resource from), then {@code larder.caches}, then Larder's own {@code LARDER_CACHES_*}
 * environment variables.
 *
 * <p>{@code larder.caches} is bound from every property source but the environment variables:
 * Spring would read {@code LARDER_CACHES_DEFAULT_KEY_PREFIX} as {@code
 * larder.caches.default.key.prefix}, a setting {@code key} holding {@code prefix}. Larder reads
 * those variables itself, by its own rules, from Spring's view of the environment.
 */
final class CachesSource {
  private CachesSource() {}

  /**
   * The caches; {@code timer}, if not null, times their store calls; {@code customizers} adjust
   * them last.
   */
  static Caches build(
      LarderProperties properties,
      ResourceLoader resources,
      ConfigurableEnvironment environment,
      OperationTimer timer,
      List<LarderCachesCustomizer> customizers) {
    Caches.Builder builder = Caches.builder().environment(variables(environment));
    if (timer != null) {
      builder.operationTimer(timer);
    }
    if (properties.getConfig() != null && !properties.getConfig().isBlank()) {
      read(builder, resources.getResource(properties.getConfig()), properties.getConfig());
    }
    Map<String, Object> caches = new LinkedHashMap<>();
    aliases(environment).forEach((alias, settings) -> caches.put(alias, value(settings)));
    if (!caches.isEmpty()) {
      builder.config(caches);
    }
    customizers.forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  private static Map<String, Object> aliases(ConfigurableEnvironment environment) {
    List<PropertySource<?>> sources = new ArrayList<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof SystemEnvironmentPropertySource)) {
        sources.add(source);
      }
    }
    // Placeholders (${REDIS_URL:redis://127.0.0.1:6379/0}) resolve against the whole environment,
    // its variables included, as in any Spring property.
    return new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(environment))
        .bind("larder.caches", Bindable.mapOf(String.class, Object.class))
        .orElse(Map.of());
  }

  private static Map<String, String> variables(ConfigurableEnvironment environment) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof SystemEnvironmentPropertySource system) {
        system.getSource().forEach((name, value) -> variables.putIfAbsent(name, "" + value));
      }
    }
    return variables;
  }

  private static void read(Caches.Builder builder, Resource resource, String location) {
    if (!resource.exists()) {
      throw new InvalidConfigurationException(
          "larder.config names " + location + ", which does not exist");
    }
    try (InputStream in = resource.getInputStream()) {
      String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
      if (name.endsWith(".properties")) {
        Properties p = new Properties();
        p.load(in);
        builder.properties(p);
        return;
      }
      Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(yaml instanceof Map<?, ?> map)) {
        throw new InvalidConfigurationException(
            "larder.config " + location + " must hold a mapping with a 'caches' section");
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> config = (Map<String, ?>) map;
      builder.config(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read larder.config " + location, e);
    }
  }

  /**
   * A value in the form Larder reads: Spring's kebab-case names in Django's spelling ({@code
   * key-prefix} is {@code key_prefix}), a YAML {@code null} (which Spring's loader turns into an
   * empty string) back to null, and lists Spring flattened into {@code [0]}, {@code [1]} keys back
   * to lists.
   */
  private static Object value(Object value) {
    if (value instanceof String s && s.isEmpty()) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      if (!map.isEmpty()
          && map.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"))) {
        Map<Integer, Object> indexed = new TreeMap<>();
        map.forEach((k, v) -> indexed.put(Integer.valueOf(String.valueOf(k)), value(v)));
        return new ArrayList<>(indexed.values());
      }
      Map<String, Object> nested = new LinkedHashMap<>();
      map.forEach((k, v) -> nested.put(String.valueOf(k).replace('-', '_'), value(v)));
      return nested;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CachesSource::value).toList();
    }
    return value;
  }
}
