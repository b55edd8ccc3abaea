package io.larder.jdbc;

import io.larder.Caches;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Django's {@code createcachetable}: creates the table of every {@code db} cache that lacks one,
 * leaving existing tables alone.
 *
 * <pre>{@code
 * CacheTables.create(caches, false, System.out);   // --dry-run: true, prints the SQL
 * }</pre>
 */
public final class CacheTables {
  private CacheTables() {}

  /**
   * Creates the missing tables (with {@code dryRun}, prints their SQL instead).
   *
   * @return the tables created, or that would be
   */
  public static List<String> create(Caches caches, boolean dryRun, PrintStream out) {
    List<String> created = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String alias : caches.aliases()) {
      DatabaseCache cache;
      try {
        cache = caches.get(alias).unwrap(DatabaseCache.class);
      } catch (IllegalArgumentException notADatabaseCache) {
        continue;
      }
      if (seen.add(cache.table()) && cache.createTable(dryRun, out)) {
        created.add(cache.table());
      }
    }
    return created;
  }
}
