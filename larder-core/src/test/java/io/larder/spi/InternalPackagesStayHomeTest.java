package io.larder.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package named {@code internal} ({@code io.larder.internal}) belongs to the module that holds
 * it: no other module's code, main or test, names it, so that a backend or an integration is built
 * on {@code io.larder} and {@code io.larder.spi} alone, as a third party's would be. It reads every
 * module's sources rather than its classes, so that modules this one does not depend on (the demo,
 * the benchmarks, the Boot sample) are held to it too.
 */
class InternalPackagesStayHomeTest {
  private static final Path ROOT = Path.of("..");

  private static final Pattern INTERNAL =
      Pattern.compile("\\bio\\.larder(?:\\.\\w+)*?\\.internal\\b");

  @Test
  void noModuleNamesAnotherModulesInternalPackage() throws IOException {
    List<Path> modules;
    try (Stream<Path> all = Files.list(ROOT)) {
      modules = all.filter(m -> m.getFileName().toString().startsWith("larder-")).sorted().toList();
    }
    List<String> reaches = new ArrayList<>();
    for (Path module : modules) {
      Set<String> own = internalPackagesOf(module);
      for (Path file : javaFiles(module)) {
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
          Matcher named = INTERNAL.matcher(lines[i]);
          while (named.find()) {
            if (!own.contains(named.group())) {
              reaches.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
            }
          }
        }
      }
    }
    assertThat(reaches)
        .as("another module's internal package; make what is needed public in io.larder.spi")
        .isEmpty();
  }

  @Test
  void theCoreEngineIsFoundWhereThisTestLooks() throws IOException {
    assertThat(internalPackagesOf(ROOT.resolve("larder-core"))).contains("io.larder.internal");
  }

  /** The packages named {@code internal} under the module's {@code src/main/java}. */
  private static Set<String> internalPackagesOf(Path module) throws IOException {
    Path main = module.resolve("src/main/java");
    Set<String> packages = new HashSet<>();
    if (!Files.isDirectory(main)) {
      return packages;
    }
    try (Stream<Path> dirs = Files.walk(main)) {
      dirs.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().equals("internal"))
          .map(d -> main.relativize(d).toString().replace('\\', '/').replace('/', '.'))
          .forEach(packages::add);
    }
    return packages;
  }

  private static List<Path> javaFiles(Path module) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String sources : List.of("src/main/java", "src/test/java")) {
      Path dir = module.resolve(sources);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
        }
      }
    }
    return files;
  }
}
