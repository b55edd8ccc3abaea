package io.larder.release;

import static io.larder.release.Poms.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The jars a release publishes: module names, licence, Javadoc, and no split packages. */
class PublishedJarsTest {
  private static final String VERSION = System.getProperty("larder.pom.version");

  /** The published modules that build a jar (not the POM-only ones). */
  private static List<String> jarModules() {
    return Poms.modules().stream()
        .filter(Poms::published)
        .filter(m -> Poms.text(Poms.module(m), "packaging").orElse("jar").equals("jar"))
        .toList();
  }

  private static Path jar(String module, String suffix) {
    Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + suffix + ".jar");
    assertThat(jar)
        .as("%s is built before larder-release-check: add it to larder-release-check's dependencies", jar)
        .isRegularFile();
    return jar;
  }

  @Test
  void everyPublishedJarHasItsOwnAutomaticModuleName() throws IOException {
    Map<String, String> names = new HashMap<>();
    for (String module : jarModules()) {
      try (JarFile jar = new JarFile(jar(module, "").toFile())) {
        Manifest manifest = jar.getManifest();
        String name = manifest.getMainAttributes().getValue("Automatic-Module-Name");
        assertThat(name).as(module).isEqualTo(Poms.text(Poms.module(module), "properties", "larder.module.name").orElseThrow());
        assertThat(name).as(module).matches("io\\.larder(\\.[a-z][a-z0-9]*)+");
        assertThat(names.put(name, module)).as("%s is also the name of %s", name, names.get(name)).isNull();
        assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
      }
    }
  }

  @Test
  void everyPublishedJarCarriesTheLicence() throws IOException {
    for (String module : jarModules()) {
      try (JarFile jar = new JarFile(jar(module, "").toFile())) {
        assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-License")).as(module).isEqualTo("Apache-2.0");
        assertThat(read(jar, "META-INF/LICENSE")).as(module).contains("Apache License").contains("Version 2.0");
        assertThat(read(jar, "META-INF/NOTICE")).as(module).contains("Larder");
      }
    }
  }

  @Test
  void everyPublishedJarHasItsJavadocJar() throws IOException {
    for (String module : jarModules()) {
      try (JarFile javadoc = new JarFile(jar(module, "-javadoc").toFile())) {
        assertThat(javadoc.getEntry("index.html")).as(module).isNotNull();
        assertThat(javadoc.stream().map(ZipEntry::getName))
            .as("%s: internal packages stay out of the Javadoc", module)
            .noneMatch(n -> n.contains("/internal/"));
      }
    }
  }

  @Test
  void noPackageIsSplitAcrossPublishedJars() throws IOException {
    Map<String, String> owner = new HashMap<>();
    List<String> split = new ArrayList<>();
    for (String module : jarModules()) {
      try (JarFile jar = new JarFile(jar(module, "").toFile())) {
        jar.stream()
            .map(ZipEntry::getName)
            .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && n.contains("/"))
            .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
            .distinct()
            .forEach(
                pkg -> {
                  String first = owner.putIfAbsent(pkg, module);
                  if (first != null && !first.equals(module)) {
                    split.add(pkg + " in " + first + " and " + module);
                  }
                });
      }
    }
    assertThat(owner).containsKeys("io.larder", "io.larder.spi");
    assertThat(split).isEmpty();
  }

  private static String read(JarFile jar, String entry) throws IOException {
    ZipEntry found = jar.getEntry(entry);
    assertThat(found).as(entry).isNotNull();
    try (InputStream in = jar.getInputStream(found)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
