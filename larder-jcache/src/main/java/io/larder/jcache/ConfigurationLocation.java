package io.larder.jcache;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Larder configuration a cache manager's URI names.
 *
 * <ul>
 *   <li>{@link LarderCachingProvider#DEFAULT_URI} ({@code larder:default}): the file or resource
 *       the system property {@code larder.config} names ({@code /etc/shop/larder.yml}, {@code
 *       classpath:larder.yml}), else {@code larder.yml} in the working directory, else {@code
 *       larder.yml} on the class path, else Django's default (one local-memory cache).
 *   <li>{@code file:/etc/shop/larder.yml}, or a plain path: that file ({@code .yml}, {@code .yaml}
 *       or {@code .properties}).
 *   <li>{@code classpath:shop/larder.yml}: that resource of the manager's class loader.
 * </ul>
 *
 * <p>Larder's environment overrides ({@code LARDER_CACHES_DEFAULT_LOCATION}, …) apply to all.
 */
final class ConfigurationLocation {
  static final String CONFIG_PROPERTY = "larder.config";
  private static final String FILE_NAME = "larder.yml";

  private ConfigurationLocation() {}

  static Caches load(URI uri, ClassLoader classLoader) {
    if (LarderCachingProvider.DEFAULT_URI.equals(uri)) {
      return loadDefault(classLoader);
    }
    String scheme = uri.getScheme();
    if (scheme == null || scheme.equals("file")) {
      Path path = scheme == null ? Path.of(uri.getPath()) : Path.of(uri);
      return fromFile(path, uri.toString());
    }
    if (scheme.equals("classpath")) {
      return fromResource(uri.getSchemeSpecificPart(), classLoader, uri.toString());
    }
    throw new IllegalArgumentException(
        "A Larder cache manager's URI names its configuration; "
            + uri
            + " is none of larder:default, file:/path/to/larder.yml, a path, or"
            + " classpath:larder.yml");
  }

  private static Caches loadDefault(ClassLoader classLoader) {
    String configured = System.getProperty(CONFIG_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured.startsWith("classpath:")
          ? fromResource(configured.substring("classpath:".length()), classLoader, configured)
          : fromFile(Path.of(configured), CONFIG_PROPERTY + "=" + configured);
    }
    Path local = Path.of(FILE_NAME);
    if (Files.isRegularFile(local)) {
      return Caches.load(local);
    }
    if (classLoader.getResource(FILE_NAME) != null) {
      return fromResource(FILE_NAME, classLoader, "classpath:" + FILE_NAME);
    }
    return Caches.defaults();
  }

  private static Caches fromFile(Path path, String named) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidConfigurationException(
          "The Larder configuration " + named + " names " + path.toAbsolutePath()
              + ", which is not a file");
    }
    return Caches.load(path);
  }

  private static Caches fromResource(String resource, ClassLoader classLoader, String named) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    URL url = classLoader.getResource(name);
    if (url == null) {
      throw new InvalidConfigurationException(
          "The Larder configuration " + named + " names the class path resource " + name
              + ", which does not exist");
    }
    try (InputStream in = url.openStream()) {
      if (name.toLowerCase(Locale.ROOT).endsWith(".properties")) {
        Properties properties = new Properties();
        properties.load(in);
        return Caches.fromProperties(properties);
      }
      Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(yaml instanceof Map<?, ?> map)) {
        throw new InvalidConfigurationException(
            "The Larder configuration " + named + " must hold a mapping with a 'caches' section");
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> config = (Map<String, ?>) map;
      return Caches.from(config);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Larder configuration " + named, e);
    }
  }
}
