package io.larder.jdbc;

import io.larder.Caches;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's {@code createcachetable}: creates the table of every {@code db} cache that lacks one,
 * leaving existing tables alone.
 *
 * <pre>{@code
 * CacheTables.create(caches, false, System.out);   // --dry-run: true, prints the SQL
 * }</pre>
 *
 * <p>A table shared by several aliases (the same table in the same database) is handled once.
 *
 * @since 0.1
 */
public final class CacheTables {
  private CacheTables() {}

  /**
   * Creates the missing tables (with {@code dryRun}, prints their SQL instead), reporting each
   * table on {@code out}.
   *
   * @param caches the configured caches; only those with the {@code db} backend have tables
   * @param dryRun whether to print the SQL instead of running it
   * @param out where each table is reported
   * @return the tables created, or that would be
   * @throws io.larder.CacheException if a table cannot be created or its database reached
   */
  public static List<String> create(Caches caches, boolean dryRun, PrintStream out) {
    PrintWriter writer = new PrintWriter(out, true);
    try {
      return create(caches, dryRun, writer);
    } finally {
      writer.flush();
    }
  }

  /**
   * {@link #create(Caches, boolean, PrintStream)}, reporting on a writer.
   *
   * @param caches the configured caches; only those with the {@code db} backend have tables
   * @param dryRun whether to print the SQL instead of running it
   * @param out where each table is reported
   * @return the tables created, or that would be
   */
  public static List<String> create(Caches caches, boolean dryRun, PrintWriter out) {
    List<String> created = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (String alias : caches.aliases()) {
      DatabaseStore cache;
      try {
        cache = caches.get(alias).unwrap(DatabaseStore.class);
      } catch (IllegalArgumentException notADatabaseCache) {
        continue;
      }
      Map<String, Object> options = caches.get(alias).settings().options();
      List<Object> where =
          Arrays.asList(options.get("url"), options.get("datasource"), cache.table());
      if (seen.add(where) && cache.createTable(dryRun, out)) {
        created.add(cache.table());
      }
    }
    return created;
  }
}
