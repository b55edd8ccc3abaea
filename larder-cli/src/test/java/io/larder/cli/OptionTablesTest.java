package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's option tables are the backends' declarations, word for word. When a
 * declaration changes, run this test with {@code -Dlarder.docs.write=true} to rewrite the tables.
 */
class OptionTablesTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final Pattern SECTION =
      Pattern.compile("(<!-- options: ([a-z_]+) -->\n)(.*?)(<!-- /options -->)", Pattern.DOTALL);

  @Test
  void everyDeclaredOptionIsDocumentedAsDeclaredAndNothingElse() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Map<String, String> tables = OptionTables.all();
    StringBuilder rewritten = new StringBuilder();
    Matcher section = SECTION.matcher(doc);
    int end = 0;
    Map<String, String> documented = new java.util.LinkedHashMap<>();
    while (section.find()) {
      String name = section.group(2);
      documented.put(name, section.group(3));
      rewritten.append(doc, end, section.start(3)).append(tables.getOrDefault(name, ""));
      end = section.start(4);
    }
    rewritten.append(doc.substring(end));
    if (Boolean.getBoolean("larder.docs.write")) {
      Files.writeString(DOC, rewritten.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertThat(documented.keySet())
        .as("the <!-- options: NAME --> sections of %s", DOC)
        .containsExactlyInAnyOrderElementsOf(tables.keySet());
    tables.forEach(
        (name, table) ->
            assertThat(documented.get(name))
                .as("the options table of %s in %s (rewrite with -Dlarder.docs.write=true)", name, DOC)
                .isEqualTo(table));
  }
}
