package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.DjangoPython;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * {@code larder set} and {@code larder get} against a Django app sharing a file cache with the
 * pickle serializer: the numbers Django reads are the ones Python's json.loads would have given it,
 * and Decimals only with {@code --decimal}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class CliDjangoNumbersInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String DJANGO =
      """
      import sys, json
      from django.conf import settings
      settings.configure(CACHES={'default': {
          'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',
          'LOCATION': sys.argv[1]}})
      import django
      django.setup()
      from django.core.cache import cache
      """;

  @TempDir Path dir;
  private Path config;
  private String out;

  @BeforeEach
  void writeConfig() throws IOException {
    config =
        Files.writeString(
            dir.resolve("larder.yml"),
            "caches:\n  default:\n    backend: filebased\n    location: "
                + dir.resolve("cache")
                + "\n    options: { serializer: pickle }\n");
  }

  private int larder(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    StringWriter text = new StringWriter();
    CommandLine commandLine = Larder.commandLine();
    commandLine.setOut(new PrintWriter(text));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    int status = commandLine.execute(all.toArray(String[]::new));
    out = text.toString().strip();
    return status;
  }

  private String django(String script) {
    return python.run(DJANGO + script, dir.resolve("cache").toString()).strip();
  }

  @Test
  void djangoReadsWhatJsonLoadsWouldGiveIt() {
    String[][] values = {
      {"fraction", "1.5"},
      {"exponent", "1e3"},
      {"int", "42"},
      {"big", "1267650600228229401496703205376"},
      {"nested", "{\"price\": 9.99, \"ids\": [1, 2.5]}"},
    };
    for (String[] value : values) {
      assertThat(larder("set", value[0], value[1])).isZero();
    }

    String report =
        django(
            """
            for k, text in %s:
                got, want = cache.get(k), json.loads(text)
                print(k, 'ok' if type(got) is type(want) and got == want else 'MISMATCH %%r' %% (got,))
            """
                .formatted(pythonPairs(values)));

    assertThat(report.lines()).hasSize(values.length).allMatch(l -> l.endsWith(" ok"), report);
  }

  @Test
  void withDecimalDjangoReadsADecimal() {
    assertThat(larder("set", "price", "1.10", "--decimal")).isZero();

    assertThat(django("print(repr(cache.get('price')))")).isEqualTo("Decimal('1.10')");
  }

  @Test
  void larderPrintsWhatDjangoWroteAsJson() {
    django("cache.set('fraction', 1.5)\ncache.set('big', 2**100)\ncache.set('list', [0.1, 3])\n");

    assertThat(larder("get", "fraction")).isZero();
    assertThat(out).isEqualTo("1.5");
    assertThat(larder("get", "big")).isZero();
    assertThat(out).isEqualTo("1267650600228229401496703205376");
    assertThat(larder("get", "list")).isZero();
    assertThat(out).isEqualTo("[0.1,3]");
  }

  private static String pythonPairs(String[][] values) {
    StringBuilder list = new StringBuilder("[");
    for (String[] value : values) {
      list.append("('").append(value[0]).append("', '").append(value[1].replace("'", "\\'")).append("'), ");
    }
    return list.append(']').toString();
  }
}
