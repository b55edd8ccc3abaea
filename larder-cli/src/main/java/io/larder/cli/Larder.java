package io.larder.cli;

import io.larder.Cache;
import io.larder.CacheException;
import io.larder.CacheStats;
import io.larder.Caches;
import io.larder.Timeout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code larder} command: Django-cache operations from the shell.
 *
 * <pre>
 * larder --config larder.yml set user '{"id":42}' --timeout 60
 * larder --config larder.yml get user
 * </pre>
 *
 * <p>Exit status: 0 on success (a value found, a key added, deleted or touched); 1 when the answer
 * is negative (a miss, {@code has} false, {@code add} not added, nothing deleted or touched); 2 on
 * an error (bad usage, bad configuration, invalid key or JSON, a missing key for {@code incr}, a
 * backend that is down).
 *
 * @since 0.1
 */
@Command(
    name = "larder",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    description = "Django's cache framework for the JVM: operate on the configured caches.",
    subcommands = {
      ExecCommand.class,
      CheckCommand.class,
      CreateCacheTableCommand.class,
      DemoCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footer = {
      "",
      "Exit status: 0 success; 1 negative answer (miss, false, not added/deleted/touched);"
          + " 2 error.",
      "Values are JSON, read as Python's json.loads reads them (1.5 is a float; --decimal"
          + " makes it a Decimal): larder set user '{\"id\":42}' --timeout 60"
    })
public final class Larder {
  static final int OK = 0;
  static final int NEGATIVE = 1;
  static final int ERROR = 2;

  static final String DECIMAL =
      "Read JSON fractions as exact decimals (BigDecimal, Django's Decimal) instead of as"
          + " Python's json.loads does (Double, Python's float).";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A .yml, .yaml or .properties file of caches (default: a locmem 'default').")
  Path config;

  @Option(
      names = "--cache",
      paramLabel = "ALIAS",
      defaultValue = "default",
      description = "The cache alias (default: ${DEFAULT-VALUE}).")
  String alias;

  @Spec CommandSpec spec;

  private static final Object MISSING = new Object();

  @Command(name = "get", description = "Print the value of KEY as JSON; exit 1 on a miss.")
  int get(@Parameters(paramLabel = "KEY") String key, @Option(names = "--version") Integer version) {
    return onCache(
        version,
        cache -> {
          Object value = cache.get(key, MISSING);
          if (value == MISSING) {
            return negative("miss: " + key);
          }
          return print(Json.write(value));
        });
  }

  @Command(name = "set", description = "Store VALUE (JSON) under KEY.")
  int set(
      @Parameters(paramLabel = "KEY") String key,
      @Parameters(paramLabel = "VALUE") String value,
      @Option(names = "--timeout", converter = Timeouts.class, description = "Seconds, or none.")
          Timeout timeout,
      @Option(names = "--raw", description = "Store VALUE as a string, not JSON.") boolean raw,
      @Option(names = "--decimal", description = DECIMAL) boolean decimal,
      @Option(names = "--version") Integer version) {
    Object parsed = raw ? value : Json.parse(value, decimal);
    return onCache(
        version,
        cache -> {
          cache.set(key, parsed, timeout == null ? Timeout.DEFAULT : timeout);
          return OK;
        });
  }

  @Command(name = "add", description = "Store VALUE (JSON) only if KEY is absent; exit 1 if not.")
  int add(
      @Parameters(paramLabel = "KEY") String key,
      @Parameters(paramLabel = "VALUE") String value,
      @Option(names = "--timeout", converter = Timeouts.class) Timeout timeout,
      @Option(names = "--raw") boolean raw,
      @Option(names = "--decimal", description = DECIMAL) boolean decimal,
      @Option(names = "--version") Integer version) {
    Object parsed = raw ? value : Json.parse(value, decimal);
    return onCache(
        version,
        cache ->
            cache.add(key, parsed, timeout == null ? Timeout.DEFAULT : timeout)
                ? OK
                : negative("not added: " + key + " is present"));
  }

  @Command(name = "delete", description = "Remove KEY; exit 1 if nothing was deleted.")
  int delete(
      @Parameters(paramLabel = "KEY") String key, @Option(names = "--version") Integer version) {
    return onCache(version, cache -> cache.delete(key) ? OK : negative("not found: " + key));
  }

  @Command(name = "incr", description = "Add DELTA (default 1) to KEY and print the result.")
  int incr(
      @Parameters(paramLabel = "KEY") String key,
      @Parameters(paramLabel = "DELTA", defaultValue = "1") long delta,
      @Option(names = "--version") Integer version) {
    return onCache(version, cache -> print(Long.toString(cache.incr(key, delta))));
  }

  @Command(name = "decr", description = "Subtract DELTA (default 1) from KEY and print the result.")
  int decr(
      @Parameters(paramLabel = "KEY") String key,
      @Parameters(paramLabel = "DELTA", defaultValue = "1") long delta,
      @Option(names = "--version") Integer version) {
    return onCache(version, cache -> print(Long.toString(cache.decr(key, delta))));
  }

  @Command(name = "touch", description = "Give KEY a new expiry; exit 1 if it is absent.")
  int touch(
      @Parameters(paramLabel = "KEY") String key,
      @Option(names = "--timeout", converter = Timeouts.class) Timeout timeout,
      @Option(names = "--version") Integer version) {
    return onCache(
        version,
        cache ->
            cache.touch(key, timeout == null ? Timeout.DEFAULT : timeout)
                ? OK
                : negative("not found: " + key));
  }

  @Command(name = "has", description = "Print true if KEY is present; exit 1 if not.")
  int has(@Parameters(paramLabel = "KEY") String key, @Option(names = "--version") Integer version) {
    return onCache(
        version,
        cache -> {
          boolean present = cache.hasKey(key);
          print(Boolean.toString(present));
          return present ? OK : NEGATIVE;
        });
  }

  @Command(name = "clear", description = "Remove every entry of the cache's store.")
  int clear() {
    return onCache(
        null,
        cache -> {
          cache.clear();
          return OK;
        });
  }

  @Command(name = "stats", description = "Print the cache's counters as JSON.")
  int stats() {
    return onCache(
        null,
        cache -> {
          CacheStats s = cache.stats();
          return print(
              Json.write(
                  java.util.Map.of(
                      "hits", s.hits(),
                      "misses", s.misses(),
                      "sets", s.sets(),
                      "deletes", s.deletes(),
                      "errors", s.errors(),
                      "hit_ratio", s.hitRatio())));
        });
  }

  private int onCache(Integer version, ToIntFunction<Cache> operation) {
    try (Caches caches = caches()) {
      Cache cache = caches.get(alias);
      return operation.applyAsInt(version == null ? cache : cache.withVersion(version));
    }
  }

  private int print(String line) {
    spec.commandLine().getOut().println(line);
    spec.commandLine().getOut().flush();
    return OK;
  }

  private int negative(String message) {
    spec.commandLine().getErr().println(message);
    spec.commandLine().getErr().flush();
    return NEGATIVE;
  }

  /** The configured caches; environment variables LARDER_CACHES_* apply either way. */
  Caches caches() {
    return config == null ? Caches.defaults() : Caches.load(config);
  }

  /**
   * Runs the command and exits with its status.
   *
   * @param args the command line, as {@code larder --help} describes it
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with Larder's error handling: messages, not stack traces. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Larder());
    commandLine.setExitCodeExceptionMapper(e -> ERROR);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          err.println("larder: " + describe(e));
          err.flush();
          return ERROR;
        });
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("larder: " + e.getMessage());
          cmd.getErr().println("Try 'larder --help'.");
          cmd.getErr().flush();
          return ERROR;
        });
    return commandLine;
  }

  static String describe(Exception e) {
    if (e instanceof CacheException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.toString();
  }
}
