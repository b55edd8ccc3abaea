package io.larder.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code larder --version}: the version the build wrote into {@code build.properties}, so the
 * command always names the POM's version.
 */
final class BuildVersion implements IVersionProvider {
  private static final String RESOURCE = "build.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "larder " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the larder-cli jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
