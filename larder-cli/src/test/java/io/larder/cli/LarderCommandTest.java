package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LarderCommandTest {
  @TempDir Path dir;
  private Path config;
  private String out;
  private String err;

  @BeforeEach
  void writeConfig() throws IOException {
    config =
        Files.writeString(
            dir.resolve("larder.yml"),
            "caches:\n  default:\n    backend: filebased\n    location: " + dir.resolve("cache") + "\n"
                + "  nothing:\n    backend: dummy\n");
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  private int runRaw(String... args) {
    StringWriter outText = new StringWriter();
    StringWriter errText = new StringWriter();
    CommandLine commandLine = Larder.commandLine();
    commandLine.setOut(new PrintWriter(outText));
    commandLine.setErr(new PrintWriter(errText));
    int status = commandLine.execute(args);
    out = outText.toString();
    err = errText.toString();
    return status;
  }

  private int runWithInput(String input, String... args) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void setThenGetPrintsTheJsonValue() {
    assertThat(run("set", "user", "{\"id\":42,\"tags\":[\"a\"]}", "--timeout", "60")).isZero();
    assertThat(run("get", "user")).isZero();
    assertThat(out.trim()).isEqualTo("{\"id\":42,\"tags\":[\"a\"]}");
  }

  @Test
  void getOfAMissingKeyExitsOne() {
    assertThat(run("get", "missing")).isEqualTo(1);
    assertThat(err).contains("miss");
  }

  @Test
  void aValueThatIsNotJsonExitsTwoWithAHint() {
    assertThat(run("set", "key", "not json")).isEqualTo(2);
    assertThat(err).contains("not JSON").contains("--raw");
  }

  @Test
  void rawStoresTheArgumentAsAString() {
    run("set", "key", "plain text", "--raw");
    run("get", "key");
    assertThat(out.trim()).isEqualTo("\"plain text\"");
  }

  @Test
  void addExitsOneWhenTheKeyIsPresent() {
    assertThat(run("add", "key", "1")).isZero();
    assertThat(run("add", "key", "2")).isEqualTo(1);
  }

  @Test
  void deleteAndTouchExitOneForAMissingKey() {
    assertThat(run("delete", "missing")).isEqualTo(1);
    assertThat(run("touch", "missing", "--timeout", "10")).isEqualTo(1);
    run("set", "key", "1");
    assertThat(run("touch", "key", "--timeout", "none")).isZero();
    assertThat(run("delete", "key")).isZero();
  }

  @Test
  void hasPrintsTrueOrFalse() {
    run("set", "key", "1");
    assertThat(run("has", "key")).isZero();
    assertThat(out.trim()).isEqualTo("true");
    assertThat(run("has", "other")).isEqualTo(1);
    assertThat(out.trim()).isEqualTo("false");
  }

  @Test
  void incrAndDecrPrintTheNewValue() {
    run("set", "n", "5");
    assertThat(run("incr", "n")).isZero();
    assertThat(out.trim()).isEqualTo("6");
    run("decr", "n", "4");
    assertThat(out.trim()).isEqualTo("2");
  }

  @Test
  void incrOfAMissingKeyExitsTwoNamingIt() {
    assertThat(run("incr", "nope")).isEqualTo(2);
    assertThat(err).contains("Key 'nope' not found");
  }

  @Test
  void versionSelectsDjangosVersion() {
    run("set", "k", "\"v2\"", "--version", "2");
    assertThat(run("get", "k")).isEqualTo(1);
    assertThat(run("get", "k", "--version", "2")).isZero();
  }

  @Test
  void aBadTimeoutExitsTwo() {
    assertThat(run("set", "k", "1", "--timeout", "soon")).isEqualTo(2);
    assertThat(err).contains("--timeout");
  }

  @Test
  void clearEmptiesTheCache() {
    run("set", "k", "1");
    assertThat(run("clear")).isZero();
    assertThat(run("has", "k")).isEqualTo(1);
  }

  @Test
  void statsPrintsTheCounters() {
    assertThat(run("stats")).isZero();
    assertThat(out).contains("\"hits\"").contains("\"hit_ratio\"");
  }

  @Test
  void anUnknownAliasExitsTwoListingTheAliases() {
    assertThat(run("--cache", "nope", "get", "k")).isEqualTo(2);
    assertThat(err).contains("'nope' doesn't exist").contains("default");
  }

  @Test
  void aWrongSettingExitsTwoNamingIt() throws IOException {
    config =
        Files.writeString(
            dir.resolve("bad.yml"), "caches:\n  default:\n    backend: locmem\n    timeout: soon\n");
    assertThat(run("get", "k")).isEqualTo(2);
    assertThat(err).contains("'default'").contains("timeout").contains("'soon'");
  }

  @Test
  void checkReportsEveryCache() {
    assertThat(run("check")).isZero();
    assertThat(out).contains("default").contains("filebased").contains("OK");
    assertThat(out).contains("nothing").contains("dummy");
  }

  @Test
  void checkSaysWhichFileItReadAndThatAnEmptyOneMeansTheDefaultCache() throws IOException {
    config = Files.writeString(dir.resolve("empty.yml"), "");
    assertThat(run("check")).isZero();
    assertThat(out)
        .contains("configuration: " + config.toAbsolutePath())
        .contains("defines no caches: the default local-memory cache")
        .contains("locmem");
  }

  @Test
  void checkWithOptionsPrintsTheDeclaredOptionsOfEveryBackend() {
    assertThat(run("check", "--options")).isZero();
    assertThat(out)
        .contains("Options every cache accepts:")
        .contains("| `ignore_exceptions` | `false` |")
        .contains("Options of the redis backend:")
        .contains("| `socket_timeout` | `5` |")
        .contains("Options of the db backend:")
        .contains("OK");
  }

  @Test
  void checkExitsTwoWhenACacheFails() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    config =
        Files.writeString(
            dir.resolve("broken.yml"),
            "caches:\n  default:\n    backend: filebased\n    location: " + blocker.resolve("sub") + "\n");
    assertThat(run("check")).isEqualTo(2);
    assertThat(err).contains("location");
  }

  @Test
  void execRunsEachLineAndReportsEachResult() {
    int status =
        runWithInput(
            """
            {"op":"set","key":"a","value":1,"timeout":60}
            {"op":"incr","key":"a","delta":2}
            {"op":"get_many","keys":["a","b"]}
            {"op":"incr","key":"zz"}
            not json
            {"op":"fly","key":"a"}
            """,
            "exec");
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("{\"ok\":true,\"result\":null}");
    assertThat(lines.get(1)).isEqualTo("{\"ok\":true,\"result\":3}");
    assertThat(lines.get(2)).isEqualTo("{\"ok\":true,\"result\":{\"a\":3}}");
    assertThat(lines.get(3)).contains("\"ok\":false").contains("MissingKeyException");
    assertThat(lines.get(4)).contains("\"ok\":false").contains("not JSON");
    assertThat(lines.get(5)).contains("unknown op 'fly'");
    assertThat(status).isEqualTo(1);
  }

  @Test
  void execExitsZeroWhenEveryLineSucceeds() {
    assertThat(runWithInput("{\"op\":\"set\",\"key\":\"a\",\"value\":[1,2]}\n", "exec")).isZero();
  }

  @Test
  void demoWalksThroughEverySection() {
    assertThat(runRaw("demo")).isZero();
    assertThat(out)
        .contains("getOrSet")
        .contains("cold")
        .contains("warm")
        .contains("incr")
        .contains("incrVersion")
        .contains("Statistics");
  }

  private void configureDatabaseCache(Path database) throws IOException {
    config =
        Files.writeString(
            dir.resolve("db.yml"),
            "caches:\n  default:\n    backend: filebased\n    location: " + dir.resolve("cache")
                + "\n  db:\n    backend: db\n    location: larder_cache\n    options:\n"
                + "      url: jdbc:sqlite:" + database + "\n");
  }

  @Test
  void createcachetableDryRunPrintsDjangosSqlAndCreatesNothing() throws IOException {
    configureDatabaseCache(dir.resolve("app.sqlite3"));
    assertThat(run("createcachetable", "--dry-run")).isZero();
    assertThat(out)
        .isEqualTo(
            """
            CREATE TABLE "larder_cache" (
                "cache_key" varchar(255) NOT NULL PRIMARY KEY,
                "value" text NOT NULL,
                "expires" datetime NOT NULL
            );
            CREATE INDEX "larder_cache_expires" ON "larder_cache" ("expires");
            """);
    assertThat(run("--cache", "db", "get", "k")).isEqualTo(2);
    assertThat(err).contains("larder_cache").contains("createcachetable");
  }

  @Test
  void createcachetableCreatesTheMissingTable() throws IOException {
    configureDatabaseCache(dir.resolve("app.sqlite3"));
    assertThat(run("createcachetable")).isZero();
    assertThat(out.trim()).isEqualTo("Cache table 'larder_cache' created.");
    assertThat(run("--cache", "db", "set", "k", "[1,2]")).isZero();
    assertThat(run("--cache", "db", "get", "k")).isZero();
    assertThat(out.trim()).isEqualTo("[1,2]");
  }

  @Test
  void createcachetableLeavesAnExistingTableAndItsRowsAlone() throws IOException {
    configureDatabaseCache(dir.resolve("app.sqlite3"));
    run("createcachetable");
    run("--cache", "db", "set", "k", "\"kept\"");
    assertThat(run("createcachetable")).isZero();
    assertThat(out.trim()).isEqualTo("Cache table 'larder_cache' already exists.");
    assertThat(run("--cache", "db", "get", "k")).isZero();
    assertThat(out.trim()).isEqualTo("\"kept\"");
  }

  @Test
  void createcachetableWithoutADbCacheSaysThereIsNothingToCreate() {
    assertThat(run("createcachetable")).isZero();
    assertThat(out).contains("No db cache");
  }

  @Test
  void createcachetableExitsTwoWhenTheDatabaseCannotBeReached() throws IOException {
    configureDatabaseCache(dir.resolve("no-such-directory").resolve("app.sqlite3"));
    assertThat(run("createcachetable")).isEqualTo(2);
    assertThat(err).contains("'db'").contains("database");
  }

  @Test
  void anUnknownCommandExitsTwo() {
    assertThat(runRaw("frobnicate")).isEqualTo(2);
  }
}
