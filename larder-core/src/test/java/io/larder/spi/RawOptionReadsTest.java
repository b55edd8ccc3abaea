package io.larder.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No {@code src/main} code of any module reads an option or a setting by a string literal outside
 * the settings parsers, so that every option is read through its one declaration ({@link Option},
 * {@code WebSetting}) and the docs, checks and errors made from the declarations are the whole
 * truth. A settings parser is a file that declares {@link Option}s (the readers of its own
 * declarations).
 */
class RawOptionReadsTest {
  private static final Path ROOT = Path.of("..");

  /** A read of an option or an init-param named by a literal. */
  private static final Pattern RAW_READ =
      Pattern.compile("\\bgetInitParameter\\(\\s*\"|options\\(\\)\\.get\\(\\s*\"");

  /** A file that declares options, and so parses them. */
  private static final Pattern DECLARES =
      Pattern.compile("\\bOption\\.(of|integer|seconds|flag|string|list)\\(");

  /**
   * Filters whose one init-param is their whole configuration (the decorator filters of
   * docs/web.md), read where it is documented.
   */
  private static final Set<String> ALLOWED =
      Set.of(
          "larder-web/src/main/java/io/larder/web/headers/CacheControlFilter.java",
          "larder-web/src/main/java/io/larder/web/headers/VaryOnHeadersFilter.java");

  @Test
  void noMainCodeReadsAnOptionByALiteralOutsideTheSettingsParsers() throws IOException {
    List<String> reads = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module :
          modules.filter(m -> m.getFileName().toString().startsWith("larder-")).toList()) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(main)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            String relative = ROOT.relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (ALLOWED.contains(relative) || DECLARES.matcher(text).find()) {
              continue;
            }
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
              String line = lines[i].strip();
              if (!line.startsWith("*")
                  && !line.startsWith("//")
                  && RAW_READ.matcher(line).find()) {
                reads.add(relative + ":" + (i + 1) + ": " + line);
              }
            }
          }
        }
      }
    }
    assertThat(reads)
        .as("options read by a literal; read them through their declared Option or WebSetting")
        .isEmpty();
  }
}
