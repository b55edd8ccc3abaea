package io.larder.redis;

import io.larder.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

/**
 * The Lettuce on the class path, checked before a Redis cache is made: an older one than
 * larder-redis is built for fails at start-up with what to do, instead of a {@code
 * NoSuchMethodError} in the middle of a request. Spring Boot 4.0's dependency management sets
 * Lettuce 6.8, so an application that imports Boot's BOM gets it unless it pins the version.
 */
final class LettuceVersion {
  /** The oldest major version larder-redis runs on. */
  static final int REQUIRED_MAJOR = 7;

  private static final String POM_PROPERTIES =
      "META-INF/maven/io.lettuce/lettuce-core/pom.properties";

  private LettuceVersion() {}

  /**
   * Checks the Lettuce larder-redis's class loader sees.
   *
   * @throws InvalidConfigurationException naming the version found, the one needed, and the
   *     property that pins it
   */
  static void require() {
    require(found(LettuceVersion.class.getClassLoader()));
  }

  /** Checks {@code version}; null (a repackaged Lettuce that does not say) passes. */
  static void require(String version) {
    if (version == null || major(version) >= REQUIRED_MAJOR) {
      return;
    }
    throw new InvalidConfigurationException(
        "larder-redis needs Lettuce "
            + REQUIRED_MAJOR
            + ".0 or newer, but the class path has Lettuce "
            + version
            + " (Spring Boot 4.0's dependency management sets 6.8). Pin Lettuce "
            + REQUIRED_MAJOR
            + ".x: with spring-boot-starter-parent, the property lettuce.version in your pom's"
            + " <properties> (e.g. 7.7.0.RELEASE); with Boot's BOM imported,"
            + " io.lettuce:lettuce-core in your own <dependencyManagement> before the import; with"
            + " Gradle, ext['lettuce.version'] = '7.7.0.RELEASE'.");
  }

  /** The version of the Lettuce {@code loader} loads, from its jar's Maven properties, or null. */
  static String found(ClassLoader loader) {
    URL properties = loader.getResource(POM_PROPERTIES);
    if (properties == null) {
      return null;
    }
    try (InputStream in = properties.openStream()) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + properties, e);
    }
  }

  private static int major(String version) {
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      return REQUIRED_MAJOR;
    }
  }
}
