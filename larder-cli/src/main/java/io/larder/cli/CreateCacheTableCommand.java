package io.larder.cli;

import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import io.larder.jdbc.DatabaseStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code larder createcachetable [--dry-run]}: Django's {@code createcachetable}. Creates the table
 * of every {@code db} cache that lacks one and leaves existing tables alone; with {@code
 * --dry-run}, prints the SQL instead. Exit status 0, or 2 if a table cannot be created.
 */
@Command(
    name = "createcachetable",
    description =
        "Create the table of every db cache that lacks one (existing tables are left alone).")
final class CreateCacheTableCommand implements Callable<Integer> {
  @ParentCommand Larder larder;
  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print the SQL instead of running it.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Caches caches = larder.caches()) {
      List<String> tables = CacheTables.create(caches, dryRun, out);
      if (tables.isEmpty() && noDatabaseCache(caches)) {
        out.println("No db cache is configured: nothing to create.");
      }
    } finally {
      out.flush();
    }
    return Larder.OK;
  }

  private static boolean noDatabaseCache(Caches caches) {
    return caches.aliases().stream().noneMatch(alias -> isDatabaseCache(caches, alias));
  }

  private static boolean isDatabaseCache(Caches caches, String alias) {
    try {
      caches.get(alias).unwrap(DatabaseStore.class);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
