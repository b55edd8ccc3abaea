package io.larder.cli;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.dummy.DummyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code larder check}: loads the configuration, builds every cache, and does a set/get/delete
 * round trip on each. Exit status 0 if all work, 2 if the configuration or any cache fails.
 */
@Command(
    name = "check",
    description = "Build every configured cache and do a set/get/delete round trip on each.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Larder larder;
  @Spec CommandSpec spec;

  @Option(
      names = "--options",
      description = "Also print the options every cache accepts and each backend's own.")
  boolean options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (options) {
      OptionTables.all()
          .forEach(
              (section, table) ->
                  out.printf(
                      "%n%s%n%n%s",
                      section.equals(OptionTables.COMMON)
                          ? "Options every cache accepts:"
                          : "Options of the " + section + " backend:",
                      table));
      out.println();
    }
    boolean allOk = true;
    out.println("configuration: " + describeConfiguration());
    try (Caches caches = larder.caches()) {
      for (String alias : caches.aliases()) {
        Cache cache = caches.get(alias);
        String outcome;
        try {
          outcome = roundTrip(cache);
        } catch (RuntimeException e) {
          outcome = "FAILED: " + Larder.describe(e);
        }
        allOk &= outcome.startsWith("OK");
        out.printf(
            "%-16s %-12s %-40s %s%n",
            alias, cache.settings().backend(), describeLocation(cache), outcome);
      }
    }
    out.flush();
    return allOk ? Larder.OK : Larder.ERROR;
  }

  private static String roundTrip(Cache cache) {
    String key = "larder-check-" + UUID.randomUUID();
    cache.set(key, "ok", Timeout.seconds(60));
    Object read = cache.get(key);
    cache.delete(key);
    if (isDummy(cache)) {
      return "OK (dummy: caches nothing)";
    }
    return "ok".equals(read) ? "OK" : "FAILED: the value set was not read back";
  }

  private static boolean isDummy(Cache cache) {
    try {
      cache.unwrap(DummyStore.class);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Which file was read, and whether it defined any cache (else Django's default applies). */
  private String describeConfiguration() {
    if (larder.config == null) {
      return "none given (--config): the default local-memory cache, plus LARDER_CACHES_*";
    }
    String path = larder.config.toAbsolutePath().normalize().toString();
    try {
      String text = Files.readString(larder.config);
      if (!text.toLowerCase(Locale.ROOT).contains("caches")) {
        return path + " (defines no caches: the default local-memory cache, plus LARDER_CACHES_*)";
      }
    } catch (IOException e) {
      return path + " (unreadable: " + e.getMessage() + ")";
    }
    return path;
  }

  private static String describeLocation(Cache cache) {
    String location = cache.settings().displayLocation();
    return location.isEmpty() ? "-" : location;
  }
}
