package io.larder.cli;

import io.larder.spi.CacheBackend;
import io.larder.spi.CommonOptions;
import io.larder.spi.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The option tables of docs/configuration.md, made from the backends' declarations: one table of
 * the options every cache accepts, and one per backend on the class path that reads options of its
 * own. {@code larder check --options} prints them; a test keeps the docs equal to them.
 */
final class OptionTables {
  static final String COMMON = "common";

  private OptionTables() {}

  /** The tables by section name: {@value #COMMON}, then each backend's short name. */
  static Map<String, String> all() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put(COMMON, table(CommonOptions.all()));
    for (CacheBackend backend : ServiceLoader.load(CacheBackend.class)) {
      if (!backend.options().isEmpty()) {
        tables.put(backend.name(), table(backend.options()));
      }
    }
    return tables;
  }

  /** A Markdown table of {@code options}: name, default, meaning. */
  static String table(List<Option<?>> options) {
    StringBuilder table = new StringBuilder("| option | default | meaning |\n|---|---|---|\n");
    for (Option<?> option : options) {
      String defaultText = option.defaultText();
      table
          .append("| `")
          .append(option.name())
          .append("` | ")
          .append(defaultText.contains(" ") ? defaultText : "`" + defaultText + "`")
          .append(" | ")
          .append(option.meaning())
          .append(" |\n");
    }
    return table.toString();
  }
}
