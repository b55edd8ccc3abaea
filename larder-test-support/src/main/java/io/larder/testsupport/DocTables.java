package io.larder.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables in docs/ that are generated from declarations: each sits between {@code <!-- table: NAME
 * -->} and {@code <!-- /table -->}. {@link #check} reports how the file differs from the
 * declarations; run the calling test with {@code -Dlarder.docs.write=true} to rewrite the tables.
 *
 * <pre>{@code
 * assertThat(DocTables.check(Path.of("..", "docs", "web.md"), Map.of("page-cache", table)))
 *     .isEmpty();
 * }</pre>
 */
public final class DocTables {
  private static final Pattern SECTION =
      Pattern.compile("(<!-- table: ([a-z.-]+) -->\n)(.*?)(<!-- /table -->)", Pattern.DOTALL);

  private DocTables() {}

  /**
   * The differences between {@code doc}'s generated tables and {@code tables} (name to Markdown),
   * one line each, empty when they are equal; with {@code -Dlarder.docs.write=true} the file is
   * rewritten first.
   */
  public static String check(Path doc, Map<String, String> tables) {
    try {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      Map<String, String> documented = new LinkedHashMap<>();
      StringBuilder rewritten = new StringBuilder();
      Matcher section = SECTION.matcher(text);
      int end = 0;
      while (section.find()) {
        String name = section.group(2);
        documented.put(name, section.group(3));
        rewritten
            .append(text, end, section.start(3))
            .append(tables.getOrDefault(name, section.group(3)));
        end = section.start(4);
      }
      rewritten.append(text.substring(end));
      if (Boolean.getBoolean("larder.docs.write")) {
        Files.writeString(doc, rewritten.toString(), StandardCharsets.UTF_8);
        documented.putAll(tables);
      }
      StringBuilder differences = new StringBuilder();
      tables.forEach(
          (name, table) -> {
            if (!documented.containsKey(name)) {
              differences.append(doc).append(" has no <!-- table: ").append(name).append(" -->\n");
            } else if (!documented.get(name).equals(table)) {
              differences
                  .append(doc)
                  .append("'s table ")
                  .append(name)
                  .append(" is not as declared (rewrite with -Dlarder.docs.write=true):\n")
                  .append(table);
            }
          });
      return differences.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
