package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's jar holds every backend and serializer the build makes: each {@code larder-*}
 * module's service registrations are in the jar's merged ones. A backend module that lands without
 * its line in {@code larder-backends} fails here, before a user finds {@code scripts/demo --config}
 * refusing it.
 */
class ShippedBackendsIT {
  /** The modules of the build, beside this one. */
  private static final Path BUILD = Path.of("").toAbsolutePath().getParent();

  @ParameterizedTest
  @ValueSource(strings = {"io.larder.spi.CacheBackend", "io.larder.spi.SerializerProvider"})
  void theJarRegistersEveryProviderTheBuildMakes(String service) throws IOException {
    Set<String> built = new TreeSet<>();
    try (Stream<Path> modules = Files.list(BUILD)) {
      for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("larder-")).toList()) {
        Path registrations = module.resolve("src/main/resources/META-INF/services/" + service);
        if (Files.isRegularFile(registrations)) {
          built.addAll(providers(Files.readString(registrations)));
        }
      }
    }

    assertThat(built).as("providers of %s in %s", service, BUILD).isNotEmpty();
    assertThat(shipped(service)).containsAll(built);
  }

  private static Set<String> shipped(String service) throws IOException {
    try (JarFile jar = new JarFile(DemoProcess.JAR.toFile())) {
      ZipEntry entry = jar.getEntry("META-INF/services/" + service);
      assertThat(entry).as("%s in %s", service, DemoProcess.JAR).isNotNull();
      try (InputStream in = jar.getInputStream(entry)) {
        return providers(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  /** The class names of a service file: one a line, comments and blanks aside. */
  private static Set<String> providers(String registrations) {
    Set<String> names = new TreeSet<>();
    for (String line : registrations.split("\n")) {
      String name = line.replaceFirst("#.*", "").strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }
}
